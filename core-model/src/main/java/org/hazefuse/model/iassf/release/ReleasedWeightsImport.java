package org.hazefuse.model.iassf.release;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hazefuse.io.BadInputException;
import org.hazefuse.model.iassf.IassfFamily;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.model.iassf.WeightsManifest;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.pytorch.CheckpointParts;
import org.hazefuse.weights.pytorch.TorchCheckpoint;

/**
 * The IASSF authors' checkpoint ({@code IASSF.pth}, or its parts {@code IASSF_part_aa…}) made into a HazeFuse
 * weights file (docs/import-weights.md): joined, read safely, mapped by {@link ReleasedKeyTable}, saved as
 * {@code paper} with the released density, and its manifest saying where it came from.
 *
 * <p>Every problem is a {@link BadInputException} naming the file the user gave, and nothing is written then:
 * the output appears (atomically) only once the whole checkpoint has been read and checked.
 */
public final class ReleasedWeightsImport {
    /** The provenance's source of imported weights. */
    public static final String SOURCE = "IASSF authors' release";
    /** Provenance keys, besides {@link IassfFamily#SOURCE} and {@link IassfFamily#DENSITY}. */
    public static final String CHECKPOINT = "checkpoint";
    public static final String CHECKPOINT_SHA256 = "checkpointSha256";
    public static final String IMPORTED = "imported";

    /**
     * What an import did.
     *
     * @param zeroedValues values of our parameters the release has no tensor for (biases set to zero)
     */
    public record Result(Path output, WeightsManifest manifest, List<Path> parts, String checkpointSha256,
            long zeroedValues) {}

    private ReleasedWeightsImport() {}

    /**
     * Imports {@code from} into {@code output}.
     *
     * @param from a checkpoint file, or the first of its parts ({@code …_aa})
     * @param output a {@code .hzf} path; replaced only when {@code overwrite}
     * @param tempDir where joined parts are written for the time of the import
     * @throws BadInputException for a missing, hostile, damaged or foreign checkpoint, an output that exists
     *     (without {@code overwrite}) or is one of the inputs
     */
    public static Result run(Path from, Path output, boolean overwrite, Path tempDir) throws IOException {
        checkOutput(from, output, overwrite);
        try (CheckpointParts parts = CheckpointParts.open(from, tempDir);
                NDManager manager = Engines.cpuManager()) {
            if (parts.parts().stream().anyMatch(p -> sameFile(p, output))) {
                throw new BadInputException(output, "is one of the checkpoint's parts: choose another output");
            }
            TorchCheckpoint checkpoint = read(from, parts);
            IassfNetwork network = loadNamingInput(from, parts, checkpoint, manager);
            long zeroed = ReleasedKeyTable.plan(network).zeroedValues();
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put(IassfFamily.SOURCE, SOURCE);
            provenance.put(CHECKPOINT, parts.parts().stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(" + ")));
            provenance.put(CHECKPOINT_SHA256, parts.sha256());
            provenance.put(IassfFamily.DENSITY, ReleasedCheckpointImporter.CONFIG.density().id());
            provenance.put(IMPORTED, String.format(Locale.ROOT, "hazefuse import-weights: every tensor of %s and"
                    + " %s mapped by the released key table; %d bias values the release lacks set to 0",
                    ReleasedKeyTable.RESTORATION, ReleasedKeyTable.FUSION, zeroed));
            WeightsManifest manifest = WeightsFile.save(network, output, provenance);
            return new Result(output, manifest, parts.parts(), parts.sha256(), zeroed);
        }
    }

    private static void checkOutput(Path from, Path output, boolean overwrite) {
        if (!output.getFileName().toString().endsWith(WeightsFile.EXTENSION)) {
            throw new BadInputException(output, "the output must be a " + WeightsFile.EXTENSION + " weights file");
        }
        if (sameFile(from, output)) {
            throw new BadInputException(output, "is the checkpoint itself: choose another output");
        }
        if (Files.isDirectory(output)) {
            throw new BadInputException(output, "is a folder: give the weights file to write");
        }
        if (Files.exists(output) && !overwrite) {
            throw new BadInputException(output, "already exists (use --overwrite to replace it)");
        }
    }

    /** Reads the (joined) checkpoint; a refusal names the file the user gave, not the temporary join. */
    private static TorchCheckpoint read(Path from, CheckpointParts parts) {
        try {
            return TorchCheckpoint.read(parts.file());
        } catch (BadInputException e) {
            throw renamed(from, parts, e);
        }
    }

    private static IassfNetwork loadNamingInput(Path from, CheckpointParts parts, TorchCheckpoint checkpoint,
            NDManager manager) {
        try {
            return ReleasedCheckpointImporter.load(checkpoint, manager);
        } catch (BadInputException e) {
            throw renamed(from, parts, e);
        }
    }

    private static BadInputException renamed(Path from, CheckpointParts parts, BadInputException e) {
        if (parts.file().equals(from)) {
            return e;
        }
        String message = e.getMessage();
        String prefix = parts.file() + ": ";
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return new BadInputException(from, "joined with the parts after it: " + problem, e);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
