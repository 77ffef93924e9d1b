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
import org.hazefuse.io.ExistingSets;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OutputSetWriter;
import org.hazefuse.io.OutputWriteException;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.SizeMismatch;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.inference.MemoryBudget;
import org.hazefuse.inference.MemoryGate;
import org.hazefuse.service.FusePlan;
import org.hazefuse.service.FuseRun;

/**
 * {@code hazefuse fuse}: dehazes and fuses pairs, writing {@code <stem>_dehazed.png}, {@code <stem>_density.png}
 * and {@code <stem>_fused.png} per pair. All inputs and outputs are checked first ({@link FusePlan}), so a bad input
 * writes nothing; each pair's three files are published together or not at all ({@link OutputSetWriter}); inputs are
 * never overwritten. {@code --skip-existing} continues a batch: complete sets are skipped, incomplete ones redone.
 * The pairs run through {@link FuseRun}, which reads ahead and writes behind the method; this command prints its
 * lines.
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
            description = "Frames above this many pixels run in overlapping tiles of at most "
                    + MethodOptions.TILE_PIXELS + " pixels (default: ${DEFAULT-VALUE}; a lower value also makes the"
                    + " tiles smaller, and so may the memory budget).")
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
            FuseRun.Summary summary;
            try (ProgressBar bar = n > 1 && System.console() != null ? progressBar(n) : null) {
                summary = new FuseRun(plan, checked, writer).run(method, DensitySettings.DEFAULT, new Lines(n, bar));
            }
            FuseRun.Tally tally = summary.tally();
            out().printf(Locale.ROOT, "%d pair(s) done, %d skipped, %d failed; outputs in %s, %s%n", tally.done(),
                    tally.skipped(), tally.failed(), out, millis(System.nanoTime() - start));
            if (Files.isDirectory(visible) && tally.done() > 0) {
                out().println(throughput(summary));
            }
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

    /**
     * "12 pairs in 30.1 s: 0.40 pairs/s (2.5 s per pair)": the written pairs over the time from the first read to
     * the last write, so a folder's throughput with reading and writing overlapping the method.
     */
    private static String throughput(FuseRun.Summary summary) {
        int pairs = summary.tally().done();
        return String.format(Locale.ROOT, "%d %s in %s: %.2f pairs/s (%s per pair)", pairs,
                pairs == 1 ? "pair" : "pairs", seconds(summary.elapsed().toNanos() / 1e9), summary.pairsPerSecond(),
                seconds(summary.secondsPerPair()));
    }

    /** Tenths of a second from one second up; below, milliseconds, where tenths would say little. */
    private static String seconds(double s) {
        return s >= 1 ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%d ms", Math.round(s * 1e3));
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputWriteException(folder, e);
        }
    }

    /**
     * One line per pair, "[i/n] …", in the plan's order, and the line that says where a batch stopped. A refused
     * set (another run wrote it meanwhile) ends the run with nothing written: the sets this run published are
     * removed again. A write the file system refuses (disk full) ends it keeping the complete sets, which
     * {@code --skip-existing} then skips.
     */
    private final class Lines implements FuseRun.Listener {
        private final int pairs;
        private final ProgressBar bar;

        Lines(int pairs, ProgressBar bar) {
            this.pairs = pairs;
            this.bar = bar;
        }

        @Override
        public void finished(FuseRun.PairReport report) {
            out().printf(Locale.ROOT, "%s[%d/%d] %s%n", bar == null ? "" : "\r", report.position(), pairs,
                    line(report));
            out().flush();
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void stopped(FuseRun.Stop why, FuseRun.Tally tally) {
            String note = switch (why) {
                case WRITE_REFUSED -> "complete sets are kept: free space or fix the folder, then rerun with"
                        + " --skip-existing";
                case SET_TAKEN -> "the sets this run had written were removed again";
            };
            out().printf(Locale.ROOT, "stopped: %d pair(s) done, %d skipped, %d failed, %d not reached; %s%n",
                    tally.done(), tally.skipped(), tally.failed(), tally.notReached(), note);
            out().flush();
        }

        private static String line(FuseRun.PairReport r) {
            return switch (r.outcome()) {
                case ALREADY_COMPLETE -> r.name() + ": skipped (its three outputs exist)";
                case COMPLETED_MEANWHILE -> r.name() + ": skipped (another run completed it meanwhile)";
                case WRITTEN -> {
                    StringBuilder stages = new StringBuilder();
                    r.stages().forEach((stage, d) -> {
                        if (!"total".equals(stage)) {
                            stages.append(stage).append(' ').append(millis(d.toNanos())).append(", ");
                        }
                    });
                    yield String.format(Locale.ROOT, "%s %dx%d: read %s, %smethod %s, write %s", r.name(),
                            r.width(), r.height(), millis(r.read().toNanos()), stages,
                            millis(r.method().toNanos()), millis(r.write().toNanos()));
                }
            };
        }
    }

    private static ProgressBar progressBar(int pairs) {
        return new ProgressBarBuilder().setTaskName("fuse").setInitialMax(pairs).setUnit(" pairs", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
    }
}
