package org.hazefuse.cli;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ExistingSets;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OutputSetWriter;
import org.hazefuse.io.OutputWriteException;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.SizeMismatch;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.inference.MemoryBudget;
import org.hazefuse.inference.MemoryGate;
import org.hazefuse.service.FusePlan;

/**
 * {@code hazefuse fuse}: dehazes and fuses pairs, writing {@code <stem>_dehazed.png}, {@code <stem>_density.png}
 * and {@code <stem>_fused.png} per pair. All inputs and outputs are checked first ({@link FusePlan}), so a bad input
 * writes nothing; each pair's three files are published together or not at all ({@link OutputSetWriter}); inputs are
 * never overwritten. {@code --skip-existing} continues a batch: complete sets are skipped, incomplete ones redone.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Dehaze visible images with their infrared partners and fuse both.",
            "Writes <stem>_dehazed.png, <stem>_density.png, <stem>_fused.png per pair.",
            "Pairs: two files; two folders matched by file stem; or one folder (--vis)",
            "with visible and infrared subfolders (vis|vi|visible|rgb and",
            "ir|infrared|thermal, or hazy + ir + gt).",
            "All inputs are checked before anything is written; each pair's three files",
            "appear together or not at all. --skip-existing continues an interrupted batch."})
final class FuseCommand extends HeadlessCommand {
    @Option(names = "--vis", required = true, paramLabel = "FILE|DIR",
            description = "Visible (hazy) image, folder of them, or a folder with visible and infrared subfolders.")
    Path visible;

    @Option(names = "--ir", paramLabel = "FILE|DIR",
            description = "Infrared image or folder (not needed when --vis has both subfolders).")
    Path infrared;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--model", defaultValue = "lite", paramLabel = "lite|paper|PATH",
            description = "Configuration name or weights file (.hzf) (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    EngineOptions engine;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Tiles have at most this many pixels; larger frames run in overlapping tiles (default:"
                    + " ${DEFAULT-VALUE}; the memory budget may make tiles smaller).")
    long maxPixels = MethodOptions.DEFAULT_MAX_PIXELS;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Memory the run may use, e.g. 4G or 512M (default: three quarters of the memory"
                    + " available). Tiles are sized to fit; a frame that cannot fit is refused before it is decoded.")
    String maxMemory;

    @Option(names = "--resize-ir",
            description = "Resize infrared images to their visible partner's size instead of refusing a mismatch.")
    boolean resizeInfrared;

    @Option(names = "--overwrite", description = "Replace existing output files (inputs are never overwritten).")
    boolean overwrite;

    @Option(names = "--skip-existing",
            description = "Continue a batch: skip pairs whose three outputs exist, redo pairs with only some of them"
                    + " (left by a crash or a kill).")
    boolean skipExisting;

    /** How far a run got, for its summary line. */
    private static final class Tally {
        int done;
        int skipped;
        int failed;
    }

    @Override
    protected int execute() throws IOException {
        if (maxPixels < 64L * 64) {
            throw badOption("--max-pixels must be at least " + 64 * 64 + ", got " + maxPixels);
        }
        MemoryBudget budget = memoryBudget();
        PairLoader loader = new PairLoader(new ImageLoader(),
                resizeInfrared ? SizeMismatch.RESIZE_INFRARED : SizeMismatch.FAIL);
        if (overwrite && skipExisting) {
            throw badOption("--overwrite and --skip-existing exclude each other: replace every set, or keep complete"
                    + " ones");
        }
        ExistingSets policy = ExistingSets.of(overwrite, skipExisting);
        FoundPairs found = FusePlan.findPairs(visible, infrared);

        Device device = device(engine);
        long start = System.nanoTime();
        Tally tally = new Tally();
        // The method comes first: its memory model decides, from each pair's header, whether the pair can run.
        try (FusionMethod method = MethodCatalog.open(model,
                new MethodOptions(device, maxPixels, MethodOptions.DEFAULT_OVERLAP, budget))) {
            PairLoader checked = loader.checking(new MemoryGate(method, budget));
            FusePlan plan = FusePlan.prepare(found, out, policy, checked);
            plan.warnings().forEach(w -> err().println("warning: " + w));
            out().printf(Locale.ROOT, "%s on %s, loaded in %s%n", method.description(), Engines.describe(device),
                    millis(System.nanoTime() - start));
            createFolder(out);
            OutputSetWriter writer = new OutputSetWriter(plan.inputs(), policy);
            int n = plan.items().size();
            try (ProgressBar bar = n > 1 && System.console() != null ? progressBar(n) : null) {
                int i = 0;
                for (FusePlan.Item item : plan.items()) {
                    i++;
                    String line = fuseOne(method, plan, item, checked, writer, tally);
                    out().printf(Locale.ROOT, "%s[%d/%d] %s%n", bar == null ? "" : "\r", i, n, line);
                    out().flush();
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
            out().printf(Locale.ROOT, "%d pair(s) done, %d skipped, %d failed; outputs in %s, %s%n", tally.done,
                    tally.skipped, tally.failed, out, millis(System.nanoTime() - start));
        }
        return ExitCodes.OK;
    }

    private MemoryBudget memoryBudget() {
        if (maxMemory == null) {
            return MemoryBudget.fromSystem();
        }
        try {
            return MemoryBudget.parse(maxMemory);
        } catch (IllegalArgumentException e) {
            throw badOption("--max-memory: " + e.getMessage());
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputWriteException(folder, e);
        }
    }

    /**
     * One pair. A refused set (another run wrote it meanwhile) ends the run with nothing written: the sets this run
     * published are removed again. A write the file system refuses (disk full) ends it keeping the complete sets,
     * which {@code --skip-existing} then skips.
     */
    private String fuseOne(FusionMethod method, FusePlan plan, FusePlan.Item item, PairLoader loader,
            OutputSetWriter writer, Tally tally) throws IOException {
        String name = item.pair().stem();
        if (item.complete()) {
            tally.skipped++;
            return name + ": skipped (its three outputs exist)";
        }
        long t0 = System.nanoTime();
        ImagePair pair = plan.load(item, loader);
        long t1 = System.nanoTime();
        FusionResult result = method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER);
        long t2 = System.nanoTime();
        OutputSetWriter.Outcome outcome;
        try {
            outcome = writer.write(item.outputs(result));
        } catch (OutputWriteException e) {
            tally.failed++;
            summary(tally, plan, "complete sets are kept: free space or fix the folder, then rerun with"
                    + " --skip-existing");
            throw e;
        } catch (BadInputException e) {
            tally.failed++;
            writer.rollback();
            tally.done = 0;
            summary(tally, plan, "the sets this run had written were removed again");
            throw e;
        }
        long t3 = System.nanoTime();
        if (outcome == OutputSetWriter.Outcome.SKIPPED) {
            tally.skipped++;
            return name + ": skipped (another run completed it meanwhile)";
        }
        tally.done++;
        StringBuilder stages = new StringBuilder();
        result.timings().forEach((stage, d) -> {
            if (!"total".equals(stage)) {
                stages.append(stage).append(' ').append(millis(d.toNanos())).append(", ");
            }
        });
        return String.format(Locale.ROOT, "%s %dx%d: read %s, %smethod %s, write %s", pair.name(), pair.width(),
                pair.height(), millis(t1 - t0), stages, millis(t2 - t1), millis(t3 - t2));
    }

    private void summary(Tally tally, FusePlan plan, String note) {
        int reached = tally.done + tally.skipped + tally.failed;
        out().printf(Locale.ROOT, "stopped: %d pair(s) done, %d skipped, %d failed, %d not reached; %s%n", tally.done,
                tally.skipped, tally.failed, plan.items().size() - reached, note);
        out().flush();
    }

    private static ProgressBar progressBar(int pairs) {
        return new ProgressBarBuilder().setTaskName("fuse").setInitialMax(pairs).setUnit(" pairs", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
    }
}
