package org.hazefuse.model.iassf.density;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.hazefuse.runtime.Engines;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.Tensors;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.TestFiles;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tensor haze density against a plain, loop-by-loop Java implementation of the same dark-channel steps
 * (docs/design/iassf.md, "Forward pass", step 4), on real images.
 */
class HazeDensityEstimatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"pairs/roadscene/vis/FLIR_00006.jpg", "pairs/msrs/vis/00003N.png", "pairs/tno/vis/08.png"})
    void matchesAnIndependentImplementation(String resource) {
        FloatImage image = new ImageLoader().readVisible(TestFiles.resource(resource));
        DensitySettings settings = new DensitySettings(0.95, 15, 20, 1e-4, 1.0);
        float[] expected = reference(image, settings);
        try (NDManager manager = Engines.cpuManager()) {
            NDArray density = HazeDensityEstimator.estimate(Tensors.fromImage(manager, image), settings);
            float[] actual = density.toFloatArray();
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            }
            assertThat(maxDiff).isLessThanOrEqualTo(1e-3);
        }
    }

    /** The same steps, one pixel at a time, in double precision. */
    static float[] reference(FloatImage img, DensitySettings s) {
        int w = img.width();
        int h = img.height();
        int n = w * h;
        double[] gray = new double[n];
        for (int i = 0; i < n; i++) {
            gray[i] = (img.data()[i] + img.data()[n + i] + img.data()[2 * n + i]) / 3.0;
        }
        double min = Arrays.stream(gray).min().orElseThrow();
        double range = Math.max(Arrays.stream(gray).max().orElseThrow() - min, 1e-6);
        for (int i = 0; i < n; i++) {
            gray[i] = (gray[i] - min) / range;
        }
        int r = s.darkWindow() / 2;
        double[] dark = new double[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double m = Double.MAX_VALUE;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        m = Math.min(m, gray[yy * w + xx]);
                    }
                }
                dark[y * w + x] = m;
            }
        }
        double[] sorted = dark.clone();
        Arrays.sort(sorted);
        int k = Math.max(1, n / 1000);
        double threshold = sorted[n - k];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (dark[i] >= threshold) {
                sum += gray[i];
                count++;
            }
        }
        double airlight = Math.max(sum / count, 1e-3);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 - s.omega() * dark[i] / airlight;
        }
        double[] q = guidedFilter(gray, t, w, h, s.guidedRadius(), s.guidedEps());
        float[] density = new float[n];
        for (int i = 0; i < n; i++) {
            density[i] = (float) Math.min(1, Math.max(0, 1 - q[i]));
        }
        return density;
    }

    private static double[] guidedFilter(double[] guide, double[] src, int w, int h, int r, double eps) {
        int n = w * h;
        double[] ii = new double[n];
        double[] ip = new double[n];
        for (int i = 0; i < n; i++) {
            ii[i] = guide[i] * guide[i];
            ip[i] = guide[i] * src[i];
        }
        double[] meanI = box(guide, w, h, r);
        double[] meanP = box(src, w, h, r);
        double[] corrI = box(ii, w, h, r);
        double[] corrIp = box(ip, w, h, r);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double var = corrI[i] - meanI[i] * meanI[i];
            double cov = corrIp[i] - meanI[i] * meanP[i];
            a[i] = cov / (var + eps);
            b[i] = meanP[i] - a[i] * meanI[i];
        }
        double[] meanA = box(a, w, h, r);
        double[] meanB = box(b, w, h, r);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = meanA[i] * guide[i] + meanB[i];
        }
        return q;
    }

    /** Mean over the window cut to the image, by direct summation. */
    private static double[] box(double[] v, int w, int h, int r) {
        double[] rows = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                    s += v[y * w + xx];
                }
                rows[y * w + x] = s;
            }
        }
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            int cy = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
            for (int x = 0; x < w; x++) {
                int cx = Math.min(w - 1, x + r) - Math.max(0, x - r) + 1;
                double s = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    s += rows[yy * w + x];
                }
                out[y * w + x] = s / (cx * cy);
            }
        }
        return out;
    }

}
