package org.hazefuse.metrics;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;

/** Reads 8-bit PNG test resources into {@link FloatImage}s (raster samples, no colour management). */
final class PngResources {
    private PngResources() {
    }

    static FloatImage read(String resource) {
        try (InputStream in = PngResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            BufferedImage img = ImageIO.read(in);
            Raster r = img.getRaster();
            int w = img.getWidth();
            int h = img.getHeight();
            int bands = r.getNumBands() >= 3 ? 3 : 1;
            float[] data = new float[bands * w * h];
            for (int c = 0; c < bands; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        data[(c * h + y) * w + x] = r.getSample(x, y, c) / 255f;
                    }
                }
            }
            return new FloatImage(w, h, bands, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
