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
 * Another method's dehazed image fused with the infrared image by a classical rule, e.g. {@code lite+gff}: the
 * network dehazes, guided filtering fuses. Compared with the method's own fused output, it shows what the learned
 * fusion adds over a classical rule given the same dehazing. Dehazed and density images are the method's own.
 */
public final class RuleOnDehazed implements FusionMethod {
    private final FusionMethod dehazer;
    private final FusionRule rule;

    /** Takes ownership of {@code dehazer}: closing this method closes it. */
    public RuleOnDehazed(FusionMethod dehazer, FusionRule rule) {
        this.dehazer = Objects.requireNonNull(dehazer, "dehazer");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String name() {
        return dehazer.name() + "+" + rule.name();
    }

    @Override
    public String description() {
        return "dehazing by " + dehazer.name() + ", then " + rule.description();
    }

    @Override
    public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
        FusionResult dehazed = dehazer.run(pair, settings, cancel);
        cancel.throwIfCancelled();
        long start = System.nanoTime();
        int w = pair.width();
        int h = pair.height();
        FloatImage fused;
        try (NDManager manager = Engines.cpuManager()) {
            NDArray visible = manager.create(dehazed.dehazed().data(), new Shape(1, 3, h, w));
            NDArray infrared = manager.create(pair.infrared().data(), new Shape(1, 1, h, w));
            fused = new FloatImage(w, h, 3, rule.fuseColour(visible, infrared).toFloatArray());
        } finally {
            NativeRuntime.releaseFreeMemoryAfter((long) w * h);
        }
        Duration fusion = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Duration> timings = new LinkedHashMap<>(dehazed.timings());
        timings.put("rule fusion", fusion);
        timings.put("total", dehazed.total().plus(fusion));
        return new FusionResult(dehazed.dehazed(), dehazed.density(), fused, timings);
    }

    @Override
    public void close() {
        dehazer.close();
    }
}
