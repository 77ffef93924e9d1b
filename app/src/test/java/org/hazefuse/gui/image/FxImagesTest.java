package org.hazefuse.gui.image;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FxImagesTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void rgbPlanesBecomePackedOpaquePixels() {
        // 2x1 RGB: pixel 0 = (1, 0, 0.5), pixel 1 = (0, 1, -0.2 -> clamped 0)
        FloatImage img = new FloatImage(2, 1, 3, new float[] {1, 0, 0, 1, 0.5f, -0.2f});
        WritableImage fx = FxImages.toFx(img);
        PixelReader r = fx.getPixelReader();
        assertThat(fx.getWidth()).isEqualTo(2);
        assertThat(r.getArgb(0, 0)).isEqualTo(0xffff0080);
        assertThat(r.getArgb(1, 0)).isEqualTo(0xff00ff00);
    }

    @Test
    void grayIsRepeatedToAllChannels() {
        FloatImage img = new FloatImage(1, 2, 1, new float[] {0.5f, 2f});
        PixelReader r = FxImages.toFx(img).getPixelReader();
        assertThat(r.getArgb(0, 0)).isEqualTo(0xff808080);
        assertThat(r.getArgb(0, 1)).isEqualTo(0xffffffff);
    }

    @Test
    void heatMapRunsFromDarkToLightAndClamps() {
        FloatImage map = new FloatImage(4, 1, 1, new float[] {-1, 0, 1, Float.NaN});
        PixelReader r = FxImages.toHeat(map).getPixelReader();
        assertThat(r.getArgb(0, 0)).isEqualTo(r.getArgb(1, 0)).isEqualTo(HeatColorMap.argb(0));
        assertThat(r.getArgb(3, 0)).isEqualTo(HeatColorMap.argb(0));
        double previous = -1;
        for (int i = 0; i <= 10; i++) {
            double l = lightness(HeatColorMap.argb(i / 10f));
            assertThat(l).as("lightness at %d/10", i).isGreaterThan(previous);
            previous = l;
        }
    }

    private static double lightness(int argb) {
        return 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
    }
}
