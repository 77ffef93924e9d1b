package org.hazefuse.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * All metrics of one pair's outputs in one call: the entry point for the GUI and the evaluator.
 *
 * <p>Which images each metric sees:
 * <ul>
 *   <li>fusion metrics (MI, Qabf, Qcv, SCD, VIF): the fused image F against the infrared image and the visible
 *       source, which is the clear visible when the pair has one and the (possibly hazy) input otherwise;</li>
 *   <li>no-reference metrics (SF, EN, SD, AG, NIQE): F alone, always;</li>
 *   <li>restoration metrics (PSNR, SSIM): the dehazed image against the clear visible, only when the pair has a
 *       clear visible.</li>
 * </ul>
 * All gray conversions are {@link EightBitPlane#luma}. Metrics are computed concurrently on the common pool
 * (a single 640×480 pair takes well under a second on 2 cores).
 */
public final class MetricSuite {
    private MetricSuite() {
    }

    /** The metrics {@link #evaluate} reports for a pair with, or without, a clear visible reference. */
    public static Set<Metric> metricsFor(boolean clearVisibleKnown) {
        EnumMap<Metric, Boolean> m = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (clearVisibleKnown || metric.kind() != Metric.Kind.RESTORATION) {
                m.put(metric, true);
            }
        }
        return Collections.unmodifiableSet(m.keySet());
    }

    /**
     * Scores one method's outputs on one pair.
     *
     * @return metric → value in {@link Metric} order; restoration metrics only when the pair has a clear
     *     visible. Values may be NaN where a metric is undefined (see each metric), or +∞ (PSNR of a perfect
     *     restoration).
     */
    public static Map<Metric, Double> evaluate(FusionResult result, ImagePair pair) {
        return evaluate(result.fused(), Optional.of(result.dehazed()), pair);
    }

    /**
     * Scores a fused image and, optionally, a dehazed image (e.g. outputs of another tool read from files).
     * Restoration metrics need both a dehazed image and the pair's clear visible.
     */
    public static Map<Metric, Double> evaluate(FloatImage fused, Optional<FloatImage> dehazed, ImagePair pair) {
        if (!fused.sameSize(pair.visible())) {
            throw new IllegalArgumentException("fused image " + fused.width() + "x" + fused.height()
                    + " differs from the pair " + pair.name() + " (" + pair.width() + "x" + pair.height() + ")");
        }
        EightBitPlane f = EightBitPlane.luma(fused);
        EightBitPlane ir = EightBitPlane.luma(pair.infrared());
        EightBitPlane vis = EightBitPlane.luma(pair.clearVisible().orElse(pair.visible()));

        Map<Metric, CompletableFuture<Double>> jobs = new EnumMap<>(Metric.class);
        jobs.put(Metric.NIQE, async(() -> Niqe.of(f)));
        jobs.put(Metric.QCV, async(() -> Qcv.of(f, ir, vis)));
        jobs.put(Metric.VIF, async(() -> Vif.fusion(f, ir, vis)));
        jobs.put(Metric.QABF, async(() -> Qabf.of(f, ir, vis)));
        Optional<FloatImage> clear = pair.clearVisible();
        if (clear.isPresent() && dehazed.isPresent()) {
            FloatImage d = dehazed.get();
            jobs.put(Metric.SSIM, async(() -> Ssim.of(d, clear.get())));
            jobs.put(Metric.PSNR, async(() -> Psnr.of(d, clear.get())));
        }
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        out.put(Metric.MI, MutualInformation.fusion(f, ir, vis));
        out.put(Metric.SCD, Scd.of(f, ir, vis));
        out.put(Metric.SF, SpatialFrequency.of(f));
        out.put(Metric.EN, Entropy.of(f));
        out.put(Metric.SD, StandardDeviation.of(f));
        out.put(Metric.AG, AverageGradient.of(f));
        jobs.forEach((m, job) -> out.put(m, join(job)));
        return Collections.unmodifiableMap(out);
    }

    /** The same values keyed by {@link Metric#label()} (e.g. "Qabf"), in report order: for tables and JSON. */
    public static Map<String, Double> byLabel(Map<Metric, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            if (values.containsKey(m)) {
                out.put(m.label(), values.get(m));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static double join(CompletableFuture<Double> job) {
        try {
            return job.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static CompletableFuture<Double> async(Supplier<Double> s) {
        return CompletableFuture.supplyAsync(s);
    }
}
