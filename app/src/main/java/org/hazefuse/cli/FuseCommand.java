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
import org.hazefuse.model.iassf.IassfMethod;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PngWriter;
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
import org.hazefuse.service.FusePlan;

/**
 * {@code hazefuse fuse}: dehazes and fuses pairs, writing {@code <stem>_dehazed.png}, {@code <stem>_density.png}
 * and {@code <stem>_fused.png} per pair. All inputs and outputs are checked first ({@link FusePlan}), so a bad input
 * writes nothing; each file is written atomically; inputs are never overwritten.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Dehaze visible images with their infrared partners and fuse both.",
            "Writes <stem>_dehazed.png, <stem>_density.png, <stem>_fused.png per pair.",
            "Pairs: two files; two folders matched by file stem; or one folder (--vis)",
            "with visible and infrared subfolders (vis|vi|visible|rgb and",
            "ir|infrared|thermal, or hazy + ir + gt).",
            "All inputs are checked before anything is written."})
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
            description = "Images above this many pixels run in overlapping tiles (default: ${DEFAULT-VALUE}).")
    long maxPixels = MethodOptions.DEFAULT_MAX_PIXELS;

    @Option(names = "--resize-ir",
            description = "Resize infrared images to their visible partner's size instead of refusing a mismatch.")
    boolean resizeInfrared;

    @Option(names = "--overwrite", description = "Replace existing output files (inputs are never overwritten).")
    boolean overwrite;

    @Override
    protected int execute() throws IOException {
        if (maxPixels < 64L * 64) {
            throw badOption("--max-pixels must be at least " + 64 * 64 + ", got " + maxPixels);
        }
        PairLoader loader = new PairLoader(new ImageLoader(),
                resizeInfrared ? SizeMismatch.RESIZE_INFRARED : SizeMismatch.FAIL);
        OverwritePolicy policy = overwrite ? OverwritePolicy.REPLACE : OverwritePolicy.REFUSE;
        FusePlan plan = FusePlan.prepare(FusePlan.findPairs(visible, infrared), out, policy, loader);
        plan.warnings().forEach(w -> err().println("warning: " + w));

        Device device = device(engine);
        long start = System.nanoTime();
        try (FusionMethod method = MethodCatalog.open(model,
                new MethodOptions(device, maxPixels, MethodOptions.DEFAULT_OVERLAP))) {
            out().printf(Locale.ROOT, "%s on %s, loaded in %s%n", method.description(), Engines.describe(device),
                    millis(System.nanoTime() - start));
            Files.createDirectories(out);
            PngWriter writer = new PngWriter(plan.inputs(), policy);
            int n = plan.items().size();
            try (ProgressBar bar = n > 1 && System.console() != null ? progressBar(n) : null) {
                int i = 0;
                for (FusePlan.Item item : plan.items()) {
                    i++;
                    String line = fuseOne(method, plan, item, loader, writer);
                    out().printf(Locale.ROOT, "%s[%d/%d] %s%n", bar == null ? "" : "\r", i, n, line);
                    out().flush();
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
            out().printf(Locale.ROOT, "%d pair(s) written to %s in %s%n", n, out, millis(System.nanoTime() - start));
        }
        return ExitCodes.OK;
    }

    private String fuseOne(FusionMethod method, FusePlan plan, FusePlan.Item item, PairLoader loader,
            PngWriter writer) throws IOException {
        long t0 = System.nanoTime();
        ImagePair pair = plan.load(item, loader);
        long t1 = System.nanoTime();
        FusionResult result = method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER);
        long t2 = System.nanoTime();
        writer.write(result.dehazed(), item.dehazed());
        writer.write(result.density(), item.density());
        writer.write(result.fused(), item.fused());
        long t3 = System.nanoTime();
        StringBuilder stages = new StringBuilder();
        result.timings().forEach((stage, d) -> {
            if (!"total".equals(stage)) {
                stages.append(stage).append(' ').append(millis(d.toNanos())).append(", ");
            }
        });
        return String.format(Locale.ROOT, "%s %dx%d: read %s, %smethod %s, write %s", pair.name(), pair.width(),
                pair.height(), millis(t1 - t0), stages, millis(t2 - t1), millis(t3 - t2));
    }

    private static ProgressBar progressBar(int pairs) {
        return new ProgressBarBuilder().setTaskName("fuse").setInitialMax(pairs).setUnit(" pairs", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
    }
}
