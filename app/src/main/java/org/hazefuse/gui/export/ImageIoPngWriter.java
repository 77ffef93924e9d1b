package org.hazefuse.gui.export;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;

/**
 * {@link ImageWriter} over {@code javax.imageio}: gray or RGB PNG with 8 or 16 bits per sample (values clamped
 * to [0, 1], rounded to the nearest level). One bulk {@code setPixels} per image.
 */
public final class ImageIoPngWriter implements ImageWriter {

    @Override
    public void writePng(FloatImage image, Path file, int bitDepth) {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
        BufferedImage img = toBuffered(image, bitDepth);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer for this image type");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    static BufferedImage toBuffered(FloatImage image, int bitDepth) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        int n = image.pixels();
        float[] d = image.data();
        int max = bitDepth == 8 ? 255 : 65535;
        int[] interleaved = new int[n * c];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < n; i++) {
                float v = d[ch * n + i];
                interleaved[i * c + ch] = v > 0 ? (v >= 1 ? max : (int) (v * max + 0.5f)) : 0;
            }
        }
        int dataType = bitDepth == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        ColorSpace space = ColorSpace.getInstance(c == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        raster.setPixels(0, 0, w, h, interleaved);
        return new BufferedImage(model, raster, false, new Hashtable<>());
    }
}
