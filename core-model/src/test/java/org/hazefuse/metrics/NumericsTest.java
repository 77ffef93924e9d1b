package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 17, 31, 37, 60, 64, 97, 640})
    void fftMatchesTheDirectTransformAndInverts(int n) {
        Random r = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft fft = new Fft(n);
        fft.transform(fr, fi, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double ang = -2 * Math.PI * k * j / n;
                sr += re[j] * Math.cos(ang) - im[j] * Math.sin(ang);
                si += re[j] * Math.sin(ang) + im[j] * Math.cos(ang);
            }
            assertThat(fr[k]).isCloseTo(sr, within(1e-9));
            assertThat(fi[k]).isCloseTo(si, within(1e-9));
        }
        fft.transform(fr, fi, true);
        for (int i = 0; i < n; i++) {
            assertThat(fr[i]).isCloseTo(re[i], within(1e-9));
            assertThat(fi[i]).isCloseTo(im[i], within(1e-9));
        }
    }

    @Test
    void gammaFunctionKnownValues() {
        assertThat(GammaFunction.gamma(5)).isCloseTo(24, within(1e-12));
        assertThat(GammaFunction.gamma(0.5)).isCloseTo(Math.sqrt(Math.PI), within(1e-13));
        assertThat(GammaFunction.gamma(0.1)).isCloseTo(9.513507698668732, within(1e-11));
    }

    @Test
    void pseudoInverseOfARankDeficientSymmetricMatrix() {
        Random r = new Random(7);
        int n = 12;
        double[][] b = new double[n][5]; // rank 5
        for (double[] row : b) {
            for (int j = 0; j < 5; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < 5; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
        }
        double[][] p = SymmetricMatrices.pseudoInverse(a);
        double[][] apa = mul(mul(a, p), a);
        double[][] pap = mul(mul(p, a), p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(apa[i][j]).isCloseTo(a[i][j], within(1e-8));
                assertThat(pap[i][j]).isCloseTo(p[i][j], within(1e-8));
            }
        }
    }

    private static double[][] mul(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }

    @Test
    void halvingKeepsConstantsAndAveragesAlternations() {
        int w = 10;
        int h = 6;
        double[] c = new double[w * h];
        java.util.Arrays.fill(c, 42);
        double[] half = MatlabResize.half(c, w, h);
        assertThat(half).hasSize(5 * 3);
        for (double v : half) {
            assertThat(v).isCloseTo(42, within(1e-12));
        }
    }

    @Test
    void lumaIsBt601OfQuantizedChannelsRoundedHalfUp() {
        // pure red: 0.299 * 255 = 76.245 -> 76; (10, 20, 30)/255 -> 0.299*10+0.587*20+0.114*30 = 18.15 -> 18
        FloatImage img = new FloatImage(2, 1, 3, new float[] {1f, 10 / 255f, 0f, 20 / 255f, 0f, 30 / 255f});
        assertThat(EightBitPlane.luma(img).values()).containsExactly(76, 18);
        // out-of-range samples are clamped, mid-level samples rounded half up: 0.5 * 255 = 127.5 -> 128
        FloatImage gray = new FloatImage(3, 1, 1, new float[] {-0.2f, 1.3f, 0.5f});
        assertThat(EightBitPlane.luma(gray).values()).containsExactly(0, 255, 128);
    }
}
