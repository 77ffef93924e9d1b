package org.hazefuse.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;

/**
 * Wall time of {@link MetricSuite#evaluate} (all twelve metrics, NIQE included) on one 640×480 pair, and of
 * each metric alone. A benchmark, not a test: run it by hand,
 * <pre>
 * mvn -o -q -pl core-model test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hazefuse.metrics.MetricsBenchmark
 * </pre>
 * The pair is synthetic but image-like (smooth shading, edges and noise), fixed by a seed.
 */
public final class MetricsBenchmark {
    private MetricsBenchmark() {
    }

    public static void main(String[] args) {
        int w = 640;
        int h = 480;
        FloatImage clear = synthetic(w, h, 3, 1);
        FloatImage ir = synthetic(w, h, 1, 2);
        FloatImage fused = synthetic(w, h, 3, 3);
        FloatImage dehazed = synthetic(w, h, 3, 4);
        ImagePair pair = new ImagePair("bench", synthetic(w, h, 3, 5), ir, Optional.of(clear));
        int warmup = 5;
        int runs = 10;
        for (int i = 0; i < warmup; i++) {
            MetricSuite.evaluate(fused, Optional.of(dehazed), pair);
        }
        long best = Long.MAX_VALUE;
        long total = 0;
        Map<Metric, Double> values = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            values = MetricSuite.evaluate(fused, Optional.of(dehazed), pair);
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        System.out.printf("all metrics, 640x480, %d cores: mean %.1f ms, best %.1f ms%n",
                Runtime.getRuntime().availableProcessors(), total / 1e6 / runs, best / 1e6);
        EightBitPlane f = EightBitPlane.luma(fused);
        EightBitPlane a = EightBitPlane.luma(ir);
        EightBitPlane b = EightBitPlane.luma(clear);
        time("MI", () -> MutualInformation.fusion(f, a, b));
        time("Qabf", () -> Qabf.of(f, a, b));
        time("Qcv", () -> Qcv.of(f, a, b));
        time("SCD", () -> Scd.of(f, a, b));
        time("VIF", () -> Vif.fusion(f, a, b));
        time("SF+EN+SD+AG", () -> SpatialFrequency.of(f) + Entropy.of(f) + StandardDeviation.of(f) + AverageGradient.of(f));
        time("PSNR", () -> Psnr.of(dehazed, clear));
        time("SSIM", () -> Ssim.of(dehazed, clear));
        time("NIQE", () -> Niqe.of(f));
        System.out.println("values: " + values);
    }

    private static void time(String name, java.util.function.DoubleSupplier s) {
        for (int i = 0; i < 3; i++) {
            s.getAsDouble();
        }
        long t0 = System.nanoTime();
        int n = 5;
        for (int i = 0; i < n; i++) {
            s.getAsDouble();
        }
        System.out.printf("  %-12s %7.1f ms%n", name, (System.nanoTime() - t0) / 1e6 / n);
    }

    static FloatImage synthetic(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        float[] d = new float[channels * w * h];
        double fx = 0.01 + 0.02 * r.nextDouble();
        double fy = 0.01 + 0.02 * r.nextDouble();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.25 * Math.sin(fx * x + c) * Math.cos(fy * y)
                            + ((x / 40 + y / 40) % 2 == 0 ? 0.1 : -0.1) + 0.05 * r.nextGaussian();
                    d[(c * h + y) * w + x] = (float) Math.max(0, Math.min(1, v));
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }
}
