package org.hazefuse.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.iassf.IassfConfig;
import org.hazefuse.iassf.IassfNetwork;
import org.hazefuse.iassf.StageClock;
import org.hazefuse.image.FloatImage;
import org.hazefuse.inference.IassfMethod;
import org.hazefuse.inference.Tensors;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.ImagePair;

/**
 * Measures one IASSF configuration: inference time per pair (through {@link FusionMethod#run}, as users get it),
 * time per network stage, training samples/s at given patch sizes, and peak memory.
 *
 * <p>Training step, batch 1: forward in training mode, L1 loss of the dehazed and fused outputs against a target,
 * backward through {@link GradientCollector}, then a plain gradient-descent update and zeroing of every gradient.
 * The real trainer's AdamW update and richer loss add element-wise work over the parameters and outputs only,
 * small next to the forward and backward passes; data loading is not included.
 *
 * <p>Inputs and weights are seeded random values: speed does not depend on them (no data-dependent branches).
 */
public final class ConfigBenchmark {
    private static final float LEARNING_RATE = 1e-4f;

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
    public record Result(IassfConfig config, long parameters, long macs, Timings forward, CpuTime forwardCpu,
            Map<String, Double> stages,
            Map<Integer, Timings> trainingSteps, OptionalLong peakRss, boolean peakIsPerConfig) {}

    private ConfigBenchmark() {}

    public static Result run(IassfConfig config, Device device, Settings s, Consumer<String> log) {
        boolean reset = PeakMemory.reset();
        long pixels = (long) s.height() * s.width();
        Timings forward;
        Map<String, Double> stages;
        long parameters;
        long macs;
        CpuTime forwardCpu;
        try (FusionMethod method = MethodCatalog.open(config.name(), new MethodCatalog.Options(device,
                Math.max(IassfMethod.DEFAULT_MAX_PIXELS, pixels), IassfMethod.DEFAULT_OVERLAP))) {
            IassfNetwork network = ((IassfMethod) method).network();
            parameters = network.countParameters();
            macs = network.macs(s.height(), s.width());
            ImagePair pair = randomPair(device, s);
            log.accept(config.name() + ": forward " + s.width() + "x" + s.height() + ", " + s.warmup() + " warm-up + "
                    + s.runs() + " runs");
            method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER); // first call: one-time engine set-up
            CpuTime before = CpuTime.now();
            forward = time(Math.max(0, s.warmup() - 1), s.runs(),
                    () -> method.run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER));
            forwardCpu = CpuTime.now().minus(before);
            log.accept(config.name() + ": forward " + forward.describe() + ", CPU time " + forwardCpu.describe());
            stages = profile(network, device, pair, Math.min(3, s.runs()));
        }
        Map<Integer, Timings> training = new LinkedHashMap<>();
        for (int size : s.trainingSizes()) {
            log.accept(config.name() + ": training step " + size + "x" + size);
            Timings t = trainingSteps(config, device, size, s);
            log.accept(config.name() + ": training step " + size + "x" + size + " " + t.describe());
            training.put(size, t);
        }
        return new Result(config, parameters, macs, forward, forwardCpu, stages, training, PeakMemory.peakBytes(),
                reset);
    }

    private static ImagePair randomPair(Device device, Settings s) {
        try (NDManager m = NDManager.newBaseManager(device)) {
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
            try (NDManager scope = NDManager.newBaseManager(device)) {
                NDArray vis = Tensors.toSigned(Tensors.fromImage(scope, pair.visible()));
                NDArray ir = Tensors.toThreeChannels(Tensors.toSigned(Tensors.fromImage(scope, pair.infrared())));
                StageClock clock = StageClock.recording();
                PairList<String, Object> params = new PairList<>();
                params.add(IassfNetwork.STAGE_CLOCK, clock);
                network.forward(new ParameterStore(scope, false), new NDList(vis, ir), false, params);
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

    private static Timings trainingSteps(IassfConfig config, Device device, int size, Settings s) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed((int) s.seed());
            IassfNetwork network = new IassfNetwork(config);
            Shape shape = new Shape(1, 3, size, size);
            network.initialize(manager, DataType.FLOAT32, shape, shape);
            ParameterStore store = new ParameterStore(manager, false);
            float[] hazy = manager.randomUniform(-1f, 1f, shape).toFloatArray();
            float[] infrared = manager.randomUniform(-1f, 1f, shape).toFloatArray();
            float[] clear = manager.randomUniform(-1f, 1f, shape).toFloatArray();
            return time(s.warmup(), s.runs(), () -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(hazy, shape);
                    NDArray ir = step.create(infrared, shape);
                    NDArray target = step.create(clear, shape);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDList out = network.forward(store, new NDList(x, ir), true);
                        NDArray loss = out.get(0).sub(target).abs().mean().add(out.get(2).sub(target).abs().mean());
                        collector.backward(loss);
                    }
                    descend(network, step);
                }
            });
        }
    }

    /** θ ← θ − η·∇θ, then ∇θ ← 0, outside gradient recording. */
    private static void descend(IassfNetwork network, NDManager step) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Pair<String, Parameter> p : network.getParameters()) {
                NDArray value = p.getValue().getArray();
                NDArray gradient = value.getGradient();
                gradient.attach(step);
                value.subi(gradient.mul(LEARNING_RATE));
                gradient.muli(0);
            }
        } finally {
            JniUtils.setGradMode(grad);
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
