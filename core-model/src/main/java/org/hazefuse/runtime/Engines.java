package org.hazefuse.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Locale;

/**
 * The one gate to the deep-learning engine: every {@link NDManager}, device choice, thread setting, random seed and
 * gradient collector of the main code comes from here (an architecture test holds it to that). The first call does,
 * once and in this order, what must precede PyTorch's native library: the offline flag (the native library ships
 * on the class path; DJL must never download it), the C runtime's tuning ({@link NativeRuntime}), and the thread
 * counts of {@link #configureThreads} when they were asked for. Code that reached the engine any other way first
 * would silently lose the tuning.
 */
public final class Engines {
    static final String ENGINE = "PyTorch";
    private static volatile Engine engine;

    private Engines() {}

    /**
     * Sets the engine's intra-op threads (and one inter-op thread). Before the engine loads it also decides the
     * inter-op pool; afterwards only the intra-op count can change.
     */
    public static void configureThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        engine();
        JniUtils.setNumThreads(threads);
    }

    /** A root manager on {@code device}; the caller closes it. */
    public static NDManager manager(Device device) {
        return engine().newBaseManager(device);
    }

    /** A root manager on the CPU, for image-sized work that never needs a GPU; the caller closes it. */
    public static NDManager cpuManager() {
        return manager(Device.cpu());
    }

    /** Starts recording operations for a backward pass; the caller closes it. */
    public static GradientCollector gradientCollector() {
        return engine().newGradientCollector();
    }

    /** Seeds the engine's random generator (parameter initialisation, dropout). */
    public static void seed(long seed) {
        engine().setRandomSeed((int) seed);
    }

    /**
     * The device for a whole run.
     *
     * @param choice {@code auto} (the GPU when the engine sees one), {@code cpu} or {@code gpu}
     * @throws IllegalArgumentException for an unknown choice, or {@code gpu} when none is visible
     */
    public static Device select(String choice) {
        String c = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        int gpus = engine().getGpuCount();
        return switch (c) {
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("no GPU is visible to the PyTorch engine (this build has the "
                            + "CPU native library; build with -Pcuda for NVIDIA GPUs)");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("device must be auto, cpu or gpu, not '" + choice + "'");
        };
    }

    /** The device for users: "CPU (2 threads)" or "GPU 0". */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return "GPU " + device.getDeviceId();
        }
        engine();
        return "CPU (" + JniUtils.getNumThreads() + " threads)";
    }

    /** The engine, started on first use with the process settings in place. */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (Engines.class) {
                e = engine;
                if (e == null) {
                    System.setProperty("ai.djl.offline", "true");
                    NativeRuntime.init();
                    e = Engine.getEngine(ENGINE);
                    engine = e;
                }
            }
        }
        return e;
    }
}
