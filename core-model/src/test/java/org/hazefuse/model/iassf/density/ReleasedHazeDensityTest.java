package org.hazefuse.model.iassf.density;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.runtime.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The released code's density: its OpenCV box filter and 8-bit step, checked against direct definitions. */
class ReleasedHazeDensityTest {

    /** OpenCV's borderInterpolate for BORDER_REFLECT_101, also when the window reaches past a whole reflection. */
    private static int reflect101(int p, int n) {
        if (n == 1) {
            return 0;
        }
        while (p < 0 || p >= n) {
            p = p < 0 ? -p : 2 * n - 2 - p;
        }
        return p;
    }

    @ParameterizedTest(name = "{0}x{1}, box {2}")
    @CsvSource({"9, 11, 6", "20, 13, 60", "76, 100, 60", "8, 8, 3"})
    void theBoxFilterIsOpenCvsNormalisedBoxWithReflect101(int h, int w, int box) {
        SplittableRandom random = new SplittableRandom(h * 31L + w);
        double[] x = new double[h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        try (NDManager manager = Engines.cpuManager()) {
            double[] ours = OpenCvBoxFilter.mean(manager.create(x, new Shape(1, 1, h, w)), box).toDoubleArray();
            int anchor = box / 2;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double sum = 0;
                    for (int dr = 0; dr < box; dr++) {
                        for (int dc = 0; dc < box; dc++) {
                            sum += x[reflect101(r + dr - anchor, h) * w + reflect101(c + dc - anchor, w)];
                        }
                    }
                    assertThat(ours[r * w + c]).as("(%d, %d)", r, c).isCloseTo(sum / (box * box),
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    /** Expected levels computed with NumPy: ((f − min) / float32(max − min + 1e-8) · 255).astype(uint8). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "0, 0.00196078, 0.00392157, 0.00783922, 0.99960784, 1; 0, 0, 1, 1, 254, 255",
        "0.25, 0.3, 0.26, 0.9; 0, 19, 3, 255"})
    void theMapIsTruncatedToEightBitsLikeNumpysAstype(String values, String expected) {
        float[] f = floats(values);
        try (NDManager manager = Engines.cpuManager()) {
            NDArray features = manager.create(f, new Shape(1, 1, 1, f.length));
            double[] levels = ReleasedHazeDensity.quantizedIntensity(features).mul(255).toDoubleArray();
            double[] want = new double[f.length];
            float[] e = floats(expected);
            for (int i = 0; i < e.length; i++) {
                want[i] = e[i];
            }
            assertThat(levels).containsExactly(want, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }

    @Test
    void theDensityIsOneChannelFloat32WithNoGradient() {
        try (NDManager manager = Engines.cpuManager()) {
            NDArray features = manager.randomUniform(-1, 1, new Shape(2, 6, 37, 41));
            NDArray d = ReleasedHazeDensity.estimate(features, DensitySettings.DEFAULT);
            assertThat(d.getShape()).isEqualTo(new Shape(2, 1, 37, 41));
            assertThat(d.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(d.hasGradient()).isFalse();
            // Not clamped: the parity fixture's density dips to −0.0124, reproduced exactly (IassfParityTest).
        }
    }
}
