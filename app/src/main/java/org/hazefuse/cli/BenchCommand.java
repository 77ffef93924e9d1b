package org.hazefuse.cli;

import ai.djl.Device;
import org.hazefuse.image.ImageSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.hazefuse.bench.BenchmarkReport;
import org.hazefuse.bench.ConfigBenchmark;
import org.hazefuse.bench.MachineInfo;
import org.hazefuse.bench.PeakMemory;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.runtime.NativeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hazefuse bench}: speed and memory of IASSF configurations on this machine as a Markdown section (see
 * {@link BenchmarkReport}), printed, or merged into the file {@code --out} names (e.g. {@code BENCHMARKS.md}). A
 * benchmark command, not a timed test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure speed and memory of IASSF configurations as a Markdown section",
            "(printed, or merged into the file --out names).",
            "Forward time per 640x480 pair, training samples/s at 128x128 and",
            "256x256, time per network stage, peak memory, and the machine (CPU,",
            "cores, AVX-512, OS, Java, DJL/PyTorch, load, OpenMP settings)."})
final class BenchCommand extends HeadlessCommand {
    @Option(names = "--models", defaultValue = "lite,paper", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Configurations to measure, or weights files (.hzf) such as imported published weights "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
            description = "Timed runs per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N",
            description = "Untimed runs before each measurement (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = {"--sizes", "--size"}, defaultValue = "640x480", split = ",", paramLabel = "WxH[,WxH...]",
            description = "Pair sizes of the forward measurement, e.g. 640x480,1280x1024,1920x1080,3840x2160; the "
                    + "first is also the one of the CPU time and the stage times (default: ${DEFAULT-VALUE}).")
    List<String> frameSizes;

    @Option(names = "--train-sizes", defaultValue = "128,256", split = ",", paramLabel = "S[,S...]",
            description = "Square patch sides of the training measurement; empty to skip (default: ${DEFAULT-VALUE}).")
    List<String> trainingSizes;

    // No default: the tracked BENCHMARKS.md is updated only when asked for by name, so a trial run from a
    // clone never leaves a modified file in the working copy.
    @Option(names = "--train-batch", defaultValue = "4", paramLabel = "N",
            description = "Batch size of the training measurement; samples/s counts every sample (default:"
                    + " ${DEFAULT-VALUE}, as train's --batch).")
    int trainingBatch;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Markdown file to write or update, e.g. BENCHMARKS.md (only this command's section is "
                    + "replaced). Without it the section is printed and no file is written.")
    Path out;

    @Mixin
    EngineOptions engine;

    @Override
    protected int execute() throws Exception {
        if (runs < 1 || warmup < 0 || trainingBatch < 1) {
            throw badOption("--runs and --train-batch must be at least 1 and --warmup at least 0");
        }
        Map<String, IassfConfig> configs = new LinkedHashMap<>();
        for (String name : models) {
            String model = name.trim();
            Path file = Path.of(model);
            if (model.endsWith(WeightsFile.EXTENSION) && Files.isRegularFile(file)) {
                configs.put(model, WeightsFile.readManifest(file).config()); // a bad file: BadInputException, exit 2
                continue;
            }
            configs.put(model, IassfConfigs.byName(model.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    badOption("unknown configuration '" + name + "': use " + String.join(", ", IassfConfigs.names())
                            + " or a weights file (.hzf)")));
        }
        List<ImageSize> frames = new ArrayList<>();
        for (String size : frameSizes) {
            frames.add(frameSize(size));
        }
        List<Integer> sizes = new java.util.ArrayList<>();
        for (String size : trainingSizes == null ? List.<String>of() : trainingSizes) {
            if (!size.isBlank()) {
                try {
                    sizes.add(Integer.parseInt(size.strip()));
                } catch (NumberFormatException e) {
                    throw badOption("--train-sizes takes patch sides such as 128,256, not '" + size + "'");
                }
            }
        }
        if (out != null) {
            new AtomicFiles(List.of(), OverwritePolicy.REPLACE).checkTarget(out.toAbsolutePath());
        }

        Device device = device(engine);
        MachineInfo machine = MachineInfo.current();
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        out().printf(Locale.ROOT, "%s, %d cores, AVX-512 %s; %d engine threads; load %s%n", machine.cpuModel(),
                machine.cores(), machine.avx512(), threads, machine.loadAverage());
        NativeRuntime.Status runtime = NativeRuntime.init();
        out().println("Native runtime: " + runtime.describe());
        if (runtime.waitPolicy() == null || runtime.tooLate()) {
            err().println("note: PyTorch's OpenMP threads may spin; on a busy machine that can make each run many "
                    + "times slower (set OMP_WAIT_POLICY=PASSIVE before starting Java, see BENCHMARKS.md)");
        }
        ConfigBenchmark.Settings settings = new ConfigBenchmark.Settings(frames, warmup, runs, sizes, trainingBatch, 42);
        List<ConfigBenchmark.Result> results = new ArrayList<>();
        for (Map.Entry<String, IassfConfig> model : configs.entrySet()) {
            ConfigBenchmark.Result r = ConfigBenchmark.run(model.getKey(), model.getValue(), device, settings, line -> {
                out().println(line);
                out().flush();
            });
            out().printf(Locale.ROOT, "%s: peak memory %s; stages %s%n", model.getKey(),
                    PeakMemory.format(r.peakRss()), r.stages());
            results.add(r);
        }
        String section = BenchmarkReport.section(machine, MachineInfo.currentLoad(), threads, settings, results,
                ZonedDateTime.now());
        if (out == null) {
            out().println();
            out().print(section);
            out().println();
            out().println("Not written to a file: add --out BENCHMARKS.md to update the report with this section.");
            return ExitCodes.OK;
        }
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        String merged = BenchmarkReport.merge(existing, BenchmarkReport.key(results), section);
        new AtomicFiles(List.of(), OverwritePolicy.REPLACE).write(out.toAbsolutePath(),
                o -> o.write(merged.getBytes(StandardCharsets.UTF_8)));
        out().println("Written to " + out);
        return ExitCodes.OK;
    }

    private ImageSize frameSize(String size) {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int width;
        int height;
        try {
            width = Integer.parseInt(wh[0].trim());
            height = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            throw badOption("--sizes takes sizes such as 640x480, not '" + size + "'");
        }
        if (width < 8 || height < 8) {
            throw badOption("--sizes must be at least 8x8, not '" + size + "'");
        }
        return new ImageSize(width, height);
    }
}
