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
    public record Settings(int height, int width, int warmup, int runs, List<Integer> trainingSizes, long seed) {
        public Settings {
            if (warmup < 0 || runs < 1) {
                throw new IllegalArgumentException("need warmup >= 0 and runs >= 1");
            }
            trainingSizes = List.copyOf(trainingSizes);
        }
    }

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
            Map<Integer, Timings> trainingSteps, OptionalLong peakRss, boolean peakIsPerConfig) {}

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
        long pixels = (long) s.height() * s.width();
        Timings forward;
        Map<String, Double> stages;
        long parameters;
        long macs;
        CpuTime forwardCpu;
        try (FusionMethod method = MethodCatalog.open(model, new MethodOptions(device,
                Math.max(MethodOptions.DEFAULT_MAX_PIXELS, pixels), MethodOptions.DEFAULT_OVERLAP))) {
            IassfNetwork network = ((IassfMethod) method).network();
            parameters = network.countParameters();
            macs = network.macs(s.height(), s.width());
            ImagePair pair = randomPair(device, s);
            log.accept(model + ": forward " + s.width() + "x" + s.height() + ", " + s.warmup() + " warm-up + "
                    + s.runs() + " runs");
            method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER); // first call: one-time engine set-up
            CpuTime before = CpuTime.now();
            forward = time(Math.max(0, s.warmup() - 1), s.runs(),
                    () -> method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER));
            forwardCpu = CpuTime.now().minus(before);
            log.accept(model + ": forward " + forward.describe() + ", CPU time " + forwardCpu.describe());
            stages = profile(network, device, pair, Math.min(3, s.runs()));
        }
        Map<Integer, Timings> training = new LinkedHashMap<>();
        for (int size : s.trainingSizes()) {
            log.accept(model + ": training step " + size + "x" + size);
            Timings t = trainingSteps(config, device, size, s);
            log.accept(model + ": training step " + size + "x" + size + " " + t.describe());
            training.put(size, t);
        }
        return new Result(model, config, parameters, macs, forward, forwardCpu, stages, training, PeakMemory.peakBytes(),
                reset);
    }

    private static ImagePair randomPair(Device device, Settings s) {
        try (NDManager m = Engines.manager(device)) {
            m.getEngine().setRandomSeed((int) s.seed());
            float[] vis = m.randomUniform(0f, 1f, new Shape(3, s.height(), s.width())).toFloatArray();
            float[] ir = m.randomUniform(0f, 1f, new Shape(1, s.height(), s.width())).toFloatArray();
            return new ImagePair("bench", new FloatImage(s.width(), s.height(), 3, vis),
                    new FloatImage(s.width(), s.height(), 1, ir));
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
        try (NDManager m = Engines.cpuManager()) {
            m.getEngine().setRandomSeed((int) s.seed());
            data = new float[][] {
                m.randomUniform(0f, 1f, new Shape(1, 3, size, size)).toFloatArray(),
                m.randomUniform(0f, 1f, new Shape(1, 1, size, size)).toFloatArray(),
                m.randomUniform(0f, 1f, new Shape(1, 3, size, size)).toFloatArray()};
        }
        BatchSource source = firstStep -> new BatchSource.Stream() {
            private long step = firstStep;

            @Override
            public Batch next() {
                return new Batch(step++, 1, size, data[0], data[1], data[2], null, null);
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
