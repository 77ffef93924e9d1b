package org.hazefuse.gui.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.BadInputException;
import org.hazefuse.method.ImagePair;

/**
 * {@link PairReader} over {@code javax.imageio}: 8-bit gray, RGB and palette images through
 * {@link BufferedImage#getRGB(int, int, int, int, int[], int, int)} (one bulk call per image), the visible image
 * kept as RGB (gray repeated), the infrared one reduced to luma.
 *
 * <p>Stands in for the core readers of {@code org.hazefuse.io} (helper io-haze) until they are merged; the GUI
 * only sees the {@link PairReader} interface, so swapping is one line in {@code HazeFuseApp}.
 */
public final class ImageIoPairReader implements PairReader {

    @Override
    public ImagePair read(InputPair pair) {
        FloatImage visible = readRgb(pair.visible());
        FloatImage infrared = readRgb(pair.infrared()).luma();
        if (!visible.sameSize(infrared)) {
            throw new BadInputException(pair.infrared(), "is " + infrared.width() + "x" + infrared.height()
                    + " but the visible image " + pair.visible().getFileName() + " is "
                    + visible.width() + "x" + visible.height() + "; a pair must be registered and the same size");
        }
        return new ImagePair(pair.name(), visible, infrared);
    }

    static FloatImage readRgb(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "the file does not exist");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "cannot be decoded as an image (damaged or truncated?): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (img == null) {
            throw new BadInputException(file, "is not an image in a supported format (PNG, JPEG, BMP, TIFF)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        if ((long) w * h * 3 > Integer.MAX_VALUE / 2) {
            throw new BadInputException(file, "is too large (" + w + "x" + h + ")");
        }
        int n = w * h;
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] chw = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            chw[i] = r / 255f;
            chw[n + i] = g / 255f;
            chw[2 * n + i] = b / 255f;
        }
        return new FloatImage(w, h, 3, chw);
    }
}
