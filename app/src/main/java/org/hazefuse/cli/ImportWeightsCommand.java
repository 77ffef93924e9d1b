package org.hazefuse.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.hazefuse.model.iassf.release.ReleasedWeightsImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hazefuse import-weights}: the IASSF authors' published checkpoint as a HazeFuse weights file
 * ({@link ReleasedWeightsImport}; docs/import-weights.md). Bad input (a missing part, a hostile or foreign
 * checkpoint, an existing output) exits with code 2, a one-line message, and no output file.
 */
@Command(name = "import-weights", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Import the IASSF authors' published weights (IASSF.pth, or its parts IASSF_part_aa, _ab, _ac).",
            "Writes a .hzf weights file of the 'paper' configuration with the released code's density,",
            "usable by fuse, eval, bench, info and the desktop app. Nothing in the checkpoint is executed."})
final class ImportWeightsCommand extends HeadlessCommand {
    @Option(names = "--from", required = true, paramLabel = "FILE.pth|FILE_aa",
            description = "The checkpoint, or the first of its parts: the parts after it (_ab, _ac, ...) are "
                    + "joined in order.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "FILE.hzf", description = "The weights file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    @Override
    protected int execute() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        ReleasedWeightsImport.Result r = ReleasedWeightsImport.run(from, out, overwrite, temp);
        var o = out();
        o.printf("Imported %s (%d file%s, sha256 %s)%n", from.getFileName(), r.parts().size(),
                r.parts().size() == 1 ? "" : "s joined", r.checkpointSha256());
        o.printf(Locale.ROOT, "Wrote    %s: IASSF '%s', density %s, %,d parameters (%d bias values the release "
                        + "lacks set to 0)%n", r.output(), r.manifest().config().name(),
                r.manifest().config().density(), r.manifest().parameters(), r.zeroedValues());
        o.printf("Use it   hazefuse fuse --model %s ...%n", r.output());
        return ExitCodes.OK;
    }
}
