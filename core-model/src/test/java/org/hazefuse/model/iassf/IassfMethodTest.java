package org.hazefuse.model.iassf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.hazefuse.runtime.Engines;
import org.hazefuse.baseline.DarkChannelDehazer;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.TestFiles;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;
import org.hazefuse.inference.TilePlan;
import org.hazefuse.image.Tensors;
import org.hazefuse.model.MethodOptions;

class IassfMethodTest {

    private static ImagePair realPair() {
        var paths = PairFinder.inFolder(TestFiles.resource("pairs/roadscene")).pairs().get(0);
        return new PairLoader().load(paths);
    }

    private static IassfMethod method(String config, long maxPixels) {
        NDManager manager = Engines.cpuManager();
        IassfNetwork net = new IassfNetwork(IassfConfigs.byName(config).orElseThrow());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
        return new IassfMethod(config, config, manager, net, maxPixels, 16);
    }

    @Test
    void outputsHaveTheInputSizeAndRange() {
        ImagePair pair = realPair();
        try (IassfMethod m = method("tiny", MethodOptions.DEFAULT_MAX_PIXELS)) {
            FusionResult r = m.run(pair);
            for (FloatImage out : List.of(r.dehazed(), r.density(), r.fused())) {
                assertThat(out.width()).isEqualTo(pair.width());
                assertThat(out.height()).isEqualTo(pair.height());
                for (float v : out.data()) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
            assertThat(r.density().channels()).isEqualTo(1);
            assertThat(r.timings()).containsKeys("network", "total");
        }
    }

    @Test
    void tiledRunCoversTheImageAndStaysCloseToTheWholeRun() {
        ImagePair pair = realPair();
        assertThat(TilePlan.plan(pair.height(), pair.width(), 96 * 96, 16)).hasSizeGreaterThan(4);
        try (IassfMethod whole = method("lite", MethodOptions.DEFAULT_MAX_PIXELS);
                IassfMethod tiled = method("lite", 96 * 96)) {
            FusionResult a = whole.run(pair);
            FusionResult b = tiled.run(pair);
            // Untrained lite is dark-channel dehazing, and every tile gets the whole frame's prior: the tiles agree
            // with the whole run up to float rounding (a trained lite differs a little: its normalisation is per tile).
            assertThat(meanAbsDifference(a.dehazed(), b.dehazed())).isLessThan(1e-4);
            assertThat(meanAbsDifference(a.density(), b.density())).isLessThan(1e-5);
        }
    }

    @Test
    void untrainedLiteReproducesDarkChannelDehazing() {
        ImagePair pair = realPair();
        try (IassfMethod lite = method("lite", MethodOptions.DEFAULT_MAX_PIXELS);
                NDManager manager = Engines.cpuManager()) {
            FusionResult r = lite.run(pair);
            var dcp = DarkChannelDehazer.dehaze(Tensors.fromImage(manager, pair.visible()), DensitySettings.DEFAULT);
            FloatImage expected = Tensors.toImage(dcp.image(), 0);
            assertThat(meanAbsDifference(r.dehazed(), expected)).isLessThan(1e-4);
        }
    }

    @Test
    void tilePlanCoversEveryPixel() {
        int h = 301;
        int w = 517;
        int[] covered = new int[h * w];
        for (TilePlan.Tile t : TilePlan.plan(h, w, 100 * 100, 24)) {
            assertThat(t.top() + t.height()).isLessThanOrEqualTo(h);
            assertThat(t.left() + t.width()).isLessThanOrEqualTo(w);
            for (int y = t.top(); y < t.top() + t.height(); y++) {
                for (int x = t.left(); x < t.left() + t.width(); x++) {
                    covered[y * w + x]++;
                }
            }
        }
        assertThat(covered).doesNotContain(0);
    }

    static double meanAbsDifference(FloatImage a, FloatImage b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += Math.abs(a.data()[i] - b.data()[i]);
        }
        return sum / a.data().length;
    }
}
