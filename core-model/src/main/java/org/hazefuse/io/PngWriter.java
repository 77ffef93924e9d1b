package org.hazefuse.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;

/**
 * Writes {@link FloatImage}s (1 or 3 channels) as 8- or 16-bit PNG, atomically and never onto an input.
 *
 * <p>Samples are clamped to [0, 1], scaled by 255 or 65535 and rounded to the nearest integer (so reading the
 * file back with {@link ImageLoader} gives each sample within half a step). See {@link AtomicFiles} for the
 * write recipe.
 */
public final class PngWriter {

    /** Bits per sample of the written PNG. */
    public enum BitDepth {
        EIGHT(8, 255),
        SIXTEEN(16, 65535);

        private final int bits;
        private final int max;

        BitDepth(int bits, int max) {
            this.bits = bits;
            this.max = max;
        }

        public int bits() {
            return bits;
        }
    }

    private final AtomicFiles files;

    /**
     * @param protectedInputs the run's inputs, which are never written (compared by real path)
     * @param policy whether an existing output may be replaced
     */
    public PngWriter(Collection<Path> protectedInputs, OverwritePolicy policy) {
        this.files = new AtomicFiles(protectedInputs, policy);
    }

    /**
     * Writes {@code image} to {@code target}.
     *
     * @throws BadInputException if the target is an input, exists under {@link OverwritePolicy#REFUSE}, or its
     *     folder is missing; nothing is written
     * @throws IOException if the write fails; nothing is left behind
     */
    public void write(FloatImage image, Path target, BitDepth depth) throws IOException {
        files.checkTarget(target);
        files.write(target, encoder(image, depth));
    }

    /**
     * The PNG encoding of {@code image} as a write body, for {@link AtomicFiles} and for the files of an
     * {@link OutputSetWriter} set. The image is converted at once, so the body only encodes.
     */
    public static AtomicFiles.Body encoder(FloatImage image, BitDepth depth) {
        BufferedImage buffered = toBuffered(image, depth);
        return out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer for a " + image.channels() + "-channel "
                        + depth.bits + "-bit image");
            }
        };
    }

    /** An 8-bit PNG. */
    public void write(FloatImage image, Path target) throws IOException {
        write(image, target, BitDepth.EIGHT);
    }

    static BufferedImage toBuffered(FloatImage image, BitDepth depth) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        int n = w * h;
        ColorSpace space = ColorSpace.getInstance(c == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int dataType = depth == BitDepth.EIGHT ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        int[] bits = new int[c];
        java.util.Arrays.fill(bits, depth.bits);
        ComponentColorModel model = new ComponentColorModel(space, bits, false, false, Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        float[] data = image.data();
        int[] band = new int[n];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < n; i++) {
                float v = data[ch * n + i];
                v = v > 1f ? 1f : (v >= 0f ? v : 0f); // NaN becomes 0
                band[i] = Math.round(v * depth.max);
            }
            raster.setSamples(0, 0, w, h, ch, band);
        }
        return new BufferedImage(model, raster, false, null);
    }
}
