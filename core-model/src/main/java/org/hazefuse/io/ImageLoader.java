package org.hazefuse.io;

import org.hazefuse.image.ImageSize;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.hazefuse.image.FloatImage;

/**
 * Reads PNG, JPEG, BMP and TIFF files into {@link FloatImage}s with samples in [0, 1].
 *
 * <p>Conventions: 8-bit samples are divided by 255, 16-bit samples by 65535 (in general by
 * {@code 2^bits - 1}, so 5-6-5 BMPs and 1-bit images come out right too). Gray, RGB, RGBA and palette
 * (indexed) images are accepted; <b>an alpha channel is dropped</b> (the colour samples are taken as stored,
 * not composited over a background). Visible images are always returned with 3 channels (gray repeated);
 * infrared images with 1 channel: an RGB file whose three channels are equal everywhere ("gray stored as
 * RGB", as in LLVIP and TNO) gives exactly that gray, any other RGB file its BT.601 luma.
 *
 * <p>The pixel count is read from the header and checked against {@link #maxPixels()} <em>before</em>
 * decoding, so a tiny file that claims a huge size (a decompression bomb) is rejected without allocating
 * anything. A PNG's chunk CRCs are checked before decoding too ({@link PngChunks}): Java's decoder ignores them.
 * Every problem is reported as a {@link BadInputException} naming the file.
 *
 * <p>Pixels are taken as stored: EXIF orientation tags and embedded colour profiles are not applied (camera
 * JPEGs shot in portrait may come out turned; both images of a pair are treated alike, so registration holds).
 *
 * <p>Thread-safe: instances hold only the limit.
 */
public final class ImageLoader {
    /** Default pixel limit: 50 megapixels (a 50 MP RGB image takes 600 MB as floats). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private static final Map<String, String> FORMATS = Map.of(
            "png", "PNG", "jpeg", "JPEG", "jpg", "JPEG", "bmp", "BMP", "tif", "TIFF", "tiff", "TIFF");
    private static final String EXPECTED = "PNG, JPEG, BMP or TIFF expected";

    private final long maxPixels;

    public ImageLoader() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels largest accepted width × height, checked from the header before decoding */
    public ImageLoader(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** A visible image: always 3 channels (RGB; gray files are repeated to three channels). */
    public FloatImage readVisible(Path file) {
        return read(file).toRgb();
    }

    /**
     * An infrared image: always 1 channel. Gray files as stored; RGB files whose channels are all equal give
     * that gray exactly; other RGB files their BT.601 luma ({@link FloatImage#luma()}).
     */
    public FloatImage readInfrared(Path file) {
        FloatImage image = read(file);
        if (image.channels() == 1) {
            return image;
        }
        return isGrayStoredAsRgb(image) ? image.channel(0) : image.luma();
    }

    /**
     * The image with its own channel count: 1 for gray files, 3 for colour and palette files (alpha dropped).
     * Used for depth maps and wherever the caller decides the channels itself.
     */
    public FloatImage read(Path file) {
        return withReader(file, (reader, label, width, height) -> decode(file, reader, label, width, height));
    }

    /**
     * The image's size from its header, without decoding the pixels: a run can be refused on its size before any
     * memory is spent on it.
     */
    public ImageSize size(Path file) {
        return withReader(file, (reader, label, width, height) -> new ImageSize(width, height));
    }

    /** What to do with a file whose header was read and checked. */
    @FunctionalInterface
    private interface HeaderStep<T> {
        T apply(ImageReader reader, String label, int width, int height) throws IOException;
    }

    private <T> T withReader(Path file, HeaderStep<T> step) {
        checkFile(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new BadInputException(file, "cannot be opened for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException(file, "not an image file (" + EXPECTED + ")");
            }
            ImageReader reader = readers.next();
            try {
                String[] names = reader.getOriginatingProvider().getFormatNames();
                String label = formatLabel(names);
                if (label == null) {
                    throw new BadInputException(file, "unsupported image format "
                            + names[0].toUpperCase(Locale.ROOT) + " (" + EXPECTED + ")");
                }
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new BadInputException(file, "corrupt " + label + " header (" + message(e) + ")", e);
                }
                checkSize(file, width, height);
                return step.apply(reader, label, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + message(e) + ")", e);
        }
    }

    private static FloatImage decode(Path file, ImageReader reader, String label, int width, int height)
            throws IOException {
        if (label.equals("PNG")) {
            PngChunks.verify(file);
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage decoded;
        try {
            decoded = reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                throw new BadInputException(file, "unsupported " + label + " colour type (CMYK or YCCK?); "
                        + "save it as RGB or gray", e);
            }
            throw new BadInputException(file, "truncated or corrupt " + label + " data (" + message(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(file, "not enough memory to decode a " + width + "x" + height
                    + " image; give Java more memory (-Xmx) or use a smaller image", e);
        }
        if (!warnings.isEmpty() && label.equals("JPEG")) {
            // The JPEG decoder reports a premature end of data as a warning and fills the rest gray.
            throw new BadInputException(file, "truncated or corrupt " + label + " data (" + warnings.get(0) + ")");
        }
        return toFloat(file, decoded);
    }

    private static void checkFile(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file, "not readable (check the file permissions)");
        }
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty file (0 bytes)");
            }
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + message(e) + ")", e);
        }
    }

    private void checkSize(Path file, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new BadInputException(file, "empty image (" + width + "x" + height + " pixels)");
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new BadInputException(file, String.format(Locale.ROOT,
                    "image too large: %dx%d = %.1f megapixels, the limit is %.1f megapixels",
                    width, height, pixels / 1e6, maxPixels / 1e6));
        }
    }

    /** Raster samples to planar floats; palette images through their colour table. */
    private static FloatImage toFloat(Path file, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel) {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            float[] rgb = new float[3 * n];
            for (int i = 0; i < n; i++) {
                int p = argb[i];
                rgb[i] = ((p >> 16) & 0xff) / 255f;
                rgb[n + i] = ((p >> 8) & 0xff) / 255f;
                rgb[2 * n + i] = (p & 0xff) / 255f;
            }
            return new FloatImage(w, h, 3, rgb);
        }
        int colours = model.getNumColorComponents();
        if (colours != 1 && colours != 3) {
            throw new BadInputException(file, "unsupported colour model with " + colours
                    + " colour channels (gray, RGB, RGBA or palette expected; CMYK is not supported)");
        }
        Raster raster = image.getRaster();
        int type = raster.getDataBuffer().getDataType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT && type != DataBuffer.TYPE_INT) {
            throw new BadInputException(file, "unsupported sample type (8- or 16-bit integer samples expected)");
        }
        float[] out = new float[colours * n];
        float[] band = new float[n];
        for (int c = 0; c < colours; c++) {
            int bits = raster.getSampleModel().getSampleSize(c);
            if (bits > 16) {
                throw new BadInputException(file, "unsupported " + bits + "-bit samples (8 or 16 bits expected)");
            }
            float max = (1 << bits) - 1;
            raster.getSamples(0, 0, w, h, c, band);
            for (int i = 0; i < n; i++) {
                out[c * n + i] = band[i] / max;
            }
        }
        return new FloatImage(w, h, colours, out);
    }

    private static boolean isGrayStoredAsRgb(FloatImage rgb) {
        float[] d = rgb.data();
        int n = rgb.pixels();
        for (int i = 0; i < n; i++) {
            if (d[i] != d[n + i] || d[i] != d[2 * n + i]) {
                return false;
            }
        }
        return true;
    }

    /** The canonical name of a supported format ("PNG", "JPEG", "BMP", "TIFF"), or null. */
    private static String formatLabel(String[] providerNames) {
        for (String name : providerNames) {
            String label = FORMATS.get(name.toLowerCase(Locale.ROOT));
            if (label != null) {
                return label;
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
