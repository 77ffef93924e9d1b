package org.hazefuse.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.data.Batch;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.StageClock;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.ImageSize;
import org.hazefuse.model.iassf.IassfMethod;
import org.hazefuse.image.Tensors;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.ImagePair;
import org.hazefuse.training.BatchSource;
import org.hazefuse.training.Trainer;
import org.hazefuse.training.TrainingConfig;
import org.hazefuse.training.TrainingListener;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.model.iassf.IassfInputs;

/**
 * Measures one IASSF configuration: inference time per pair (through {@link FusionMethod#run}, as users get it),
 * time per network stage, training samples/s at given patch sizes, and peak memory.
 *
 * <p>Training: steps of the project's {@link Trainer} (the spec's loss, backward, AdamW) with batch 1 on one
 * synthetic patch, so data loading (which runs on background threads in real runs) is not included.
 *
 * <p>Inputs and weights are seeded random values: speed does not depend on them (no data-dependent branches).
 */
public final class ConfigBenchmark {
    /** What to measure. */
    public record Settings(List<ImageSize> sizes, int warmup, int runs, List<Integer> trainingSizes, int trainingBatch,
            long seed) {
        public Settings {
            if (warmup < 0 || runs < 1 || sizes.isEmpty() || trainingBatch < 1) {
                throw new IllegalArgumentException("need a frame size, warmup >= 0 and runs >= 1");
            }
            sizes = List.copyOf(sizes);
            trainingSizes = List.copyOf(trainingSizes);
        }

        public Settings(int height, int width, int warmup, int runs, List<Integer> trainingSizes, long seed) {
            this(List.of(new ImageSize(width, height)), warmup, runs, trainingSizes, 1, seed);
        }

        /** The first frame size: the one of the main table, the CPU time and the stage times. */
        public int width() {
            return sizes.get(0).width();
        }

        public int height() {
            return sizes.get(0).height();
        }
    }

    /** The forward time and the peak memory of one frame size. */
    public record SizeResult(ImageSize size, Timings forward, OptionalLong peakRss) {}

    /**
     * @param forward seconds per pair
     * @param forwardCpu process CPU time (user, system) over the timed forward runs
     * @param stages median seconds per network stage (one pass)
     * @param trainingSteps seconds per training step (batch 1), by patch side
     * @param peakRss peak resident memory during this configuration's runs (the whole process's when it could not
     *     be reset)
     */
    public record Result(String model, IassfConfig config, long parameters, long macs, Timings forward, CpuTime forwardCpu,
            Map<String, Double> stages,
            Map<Integer, Timings> trainingSteps, OptionalLong peakRss, boolean peakIsPerConfig,
            List<SizeResult> bySize) {}

    private ConfigBenchmark() {}

    /** Measures a configuration by name. */
    public static Result run(IassfConfig config, Device device, Settings s, Consumer<String> log) {
        return run(config.name(), config, device, s, log);
    }

    /**
     * Measures {@code model}, a configuration name or a weights file ({@code .hzf}, e.g. imported published
     * weights) of configuration {@code config}; the report names it {@code model}.
     */
    public static Result run(String model, IassfConfig config, Device device, Settings s, Consumer<String> log) {
        boolean reset = PeakMemory.reset();
        Timings forward;
        Map<String, Double> stages;
        long parameters;
        long macs;
        CpuTime forwardCpu;
        List<SizeResult> bySize = new ArrayList<>();
        // Tiles and memory budget as users get them (MethodOptions.defaults).
        try (FusionMethod method = MethodCatalog.open(model, MethodOptions.defaults(device))) {
            IassfNetwork network = ((IassfMethod) method).network();
            parameters = network.countParameters();
            macs = network.macs(s.height(), s.width());
            ImagePair pair = randomPair(device, s.sizes().get(0), s.seed());
            log.accept(model + ": forward " + s.width() + "x" + s.height() + ", " + s.warmup() + " warm-up + "
                    + s.runs() + " runs");
            method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER); // first call: one-time engine set-up
            CpuTime before = CpuTime.now();
            forward = time(Math.max(0, s.warmup() - 1), s.runs(),
                    () -> method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER));
            forwardCpu = CpuTime.now().minus(before);
            log.accept(model + ": forward " + forward.describe() + ", CPU time " + forwardCpu.describe());
            bySize.add(new SizeResult(s.sizes().get(0), forward, PeakMemory.peakBytes()));
            stages = profile(network, device, pair, Math.min(3, s.runs()));
            for (ImageSize size : s.sizes().subList(1, s.sizes().size())) {
                bySize.add(forwardAt(model, method, device, size, s, log));
            }
        }
        Map<Integer, Timings> training = new LinkedHashMap<>();
        for (int size : s.trainingSizes()) {
            log.accept(model + ": training step " + size + "x" + size);
            Timings t = trainingSteps(config, device, size, s);
            log.accept(model + ": training step " + size + "x" + size + " " + t.describe());
            training.put(size, t);
        }
        return new Result(model, config, parameters, macs, forward, forwardCpu, stages, training, PeakMemory.peakBytes(),
                reset, bySize);
    }

    /** Forward time and peak memory at one more frame size (one warm-up at most: large frames take long). */
    private static SizeResult forwardAt(String model, FusionMethod method, Device device, ImageSize size, Settings s,
            Consumer<String> log) {
        ImagePair pair = randomPair(device, size, s.seed());
        int runs = size.pixels() > 2_000_000 ? Math.min(3, s.runs()) : s.runs();
        log.accept(model + ": forward " + size + ", " + Math.min(1, s.warmup()) + " warm-up + " + runs + " runs");
        PeakMemory.reset();
        Timings t = time(Math.min(1, s.warmup()), runs,
                () -> method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER));
        OptionalLong peak = PeakMemory.peakBytes();
        log.accept(model + ": forward " + size + " " + t.describe() + ", peak " + PeakMemory.format(peak));
        return new SizeResult(size, t, peak);
    }

    private static ImagePair randomPair(Device device, ImageSize size, long seed) {
        try (NDManager m = Engines.manager(device)) {
            m.getEngine().setRandomSeed((int) seed);
            float[] vis = m.randomUniform(0f, 1f, new Shape(3, size.height(), size.width())).toFloatArray();
            float[] ir = m.randomUniform(0f, 1f, new Shape(1, size.height(), size.width())).toFloatArray();
            return new ImagePair("bench", new FloatImage(size.width(), size.height(), 3, vis),
                    new FloatImage(size.width(), size.height(), 1, ir));
        }
    }

    /** Median time per stage over {@code runs} passes of the bare network. */
    private static Map<String, Double> profile(IassfNetwork network, Device device, ImagePair pair, int runs) {
        Map<String, List<Double>> laps = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            try (NDManager scope = Engines.manager(device)) {
                NDArray vis = Tensors.toSigned(Tensors.fromImage(scope, pair.visible()));
                NDArray ir = Tensors.toThreeChannels(Tensors.toSigned(Tensors.fromImage(scope, pair.infrared())));
                StageClock clock = StageClock.recording();
                network.forward(new ParameterStore(scope, false), new IassfInputs(vis, ir), false,
                        DensitySettings.DEFAULT, clock);
                for (Map.Entry<String, Duration> e : clock.laps().entrySet()) {
                    laps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().toNanos() / 1e9);
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        laps.forEach((k, v) -> medians.put(k, new Timings(v.stream().mapToDouble(Double::doubleValue).toArray())
                .median()));
        return medians;
    }

    /**
     * Runs the project's {@link Trainer} for {@code max(1, warmup) + runs} steps on one synthetic batch of one
     * {@code size²} patch and times the intervals between the last {@code runs} step events: forward, loss,
     * backward, AdamW update and the per-step log line, as in a real run (checkpoint and final weights are
     * written after the timed steps, into a temporary folder that is deleted).
     */
    private static Timings trainingSteps(IassfConfig config, Device device, int size, Settings s) {
        int warmup = Math.max(1, s.warmup());
        long steps = warmup + s.runs();
        float[][] data;
        int batch = s.trainingBatch();
        try (NDManager m = Engines.cpuManager()) {
            m.getEngine().setRandomSeed((int) s.seed());
            data = new float[][] {
                m.randomUniform(0f, 1f, new Shape(batch, 3, size, size)).toFloatArray(),
                m.randomUniform(0f, 1f, new Shape(batch, 1, size, size)).toFloatArray(),
                m.randomUniform(0f, 1f, new Shape(batch, 3, size, size)).toFloatArray()};
        }
        BatchSource source = firstStep -> new BatchSource.Stream() {
            private long step = firstStep;

            @Override
            public Batch next() {
                return new Batch(step++, batch, size, data[0], data[1], data[2], null, null);
            }

            @Override
            public void close() {}
        };
        Path runDir = null;
        try {
            runDir = Files.createTempDirectory("hazefuse-bench");
            TrainingConfig training = new TrainingConfig(steps, 2e-4f, 2e-6f, 1e-4f, steps, 0, runDir, s.seed());
            long[] stamps = new long[(int) steps + 1];
            new Trainer(config, training, source, List.of(), device, Optional.empty()).run(false,
                    new TrainingListener() {
                        @Override
                        public void onStep(StepEvent event) {
                            stamps[(int) event.step()] = System.nanoTime();
                        }
                    }, CancelSignal.NEVER);
            double[] seconds = new double[s.runs()];
            for (int i = 0; i < s.runs(); i++) {
                seconds[i] = (stamps[warmup + i + 1] - stamps[warmup + i]) / 1e9;
            }
            return new Timings(seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(runDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static Timings time(int warmup, int runs, Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            body.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return new Timings(seconds);
    }
}
