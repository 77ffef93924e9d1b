package org.hazefuse.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.hazefuse.runtime.NativeRuntime;

/** Chooses the compute device once, for a whole run: the GPU when the engine sees one, else the CPU. */
public final class Devices {
    static {
        // Never let DJL reach for the network: the native library ships on the class path.
        System.setProperty("ai.djl.offline", "true");
        // Before the engine loads: PyTorch's OpenMP threads must not spin, large tensors reuse heap memory.
        NativeRuntime.init();
    }

    private Devices() {}

    /**
     * @param choice {@code auto}, {@code cpu} or {@code gpu}
     * @throws IllegalArgumentException for an unknown choice, or {@code gpu} when none is visible
     */
    public static Device select(String choice) {
        String c = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
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

    /**
     * Sets the engine's intra-op threads. Must run before the first engine call to take effect for inter-op
     * threads; intra-op threads can be changed at any time.
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        // Loads the native library first (it reads the properties above); the JNI call fails before that.
        Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }

    /** Describes the device for users: "CPU (2 threads)" or "GPU 0". */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return "GPU " + device.getDeviceId();
        }
        return "CPU (" + ai.djl.pytorch.jni.JniUtils.getNumThreads() + " threads)";
    }
}
