package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hazefuse.runtime.Engines;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.runtime.NativeRuntime;

/**
 * A two-stage baseline: optional dark-channel dehazing ({@link DarkChannelDehazer}), then a classical fusion rule
 * on luma. The fused luma replaces the (dehazed) visible image's luma, so colour comes from the visible image.
 *
 * <p>Without dehazing ({@code none+rule}) the "dehazed" output is the input itself, so the user sees what
 * dehazing buys; the density output is still the dark-channel estimate, for display. Runs on the CPU engine with
 * a fresh {@link NDManager} per call; holds no native memory between calls.
 */
public final class TwoStageMethod implements FusionMethod {

    private final boolean dehaze;
    private final FusionRule rule;

    public TwoStageMethod(boolean dehaze, FusionRule rule) {
        this.dehaze = dehaze;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String name() {
        return (dehaze ? "dcp+" : "none+") + rule.name();
    }

    @Override
    public String description() {
        return (dehaze ? "dark-channel-prior dehazing, then " : "no dehazing, ") + rule.description();
    }

    @Override
    public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
        long start = System.nanoTime();
        Map<String, Duration> timings = new LinkedHashMap<>();
        int w = pair.width();
        int h = pair.height();
        try (NDManager manager = Engines.cpuManager()) {
            NDArray visible = manager.create(pair.visible().data(), new Shape(1, 3, h, w));
            NDArray infrared = manager.create(pair.infrared().data(), new Shape(1, 1, h, w));
            long t0 = System.nanoTime();
            DarkChannelDehazer.Dehazed d = DarkChannelDehazer.dehaze(visible, settings);
            timings.put("dehaze", Duration.ofNanos(System.nanoTime() - t0));
            cancel.throwIfCancelled();
            NDArray base = dehaze ? d.image() : visible;
            long t1 = System.nanoTime();
            NDArray fused = rule.fuseColour(base, infrared);
            timings.put("fusion", Duration.ofNanos(System.nanoTime() - t1));
            FloatImage dehazed = dehaze ? new FloatImage(w, h, 3, base.toFloatArray()) : pair.visible();
            FloatImage density = new FloatImage(w, h, 1, d.density().toFloatArray());
            FloatImage fusedImage = new FloatImage(w, h, 3, fused.toFloatArray());
            timings.put("total", Duration.ofNanos(System.nanoTime() - start));
            return new FusionResult(dehazed, density, fusedImage, timings);
        } finally {
            NativeRuntime.releaseFreeMemoryAfter((long) w * h);
        }
    }

    @Override
    public void close() {
        // no native state between calls
    }
}
