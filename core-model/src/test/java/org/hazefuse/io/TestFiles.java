package org.hazefuse.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds small image files for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A copied real pair folder from the test resources, e.g. {@code pairs/roadscene}. */
    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    public static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    /** An RGB image whose pixel (x, y) is ((x*37+y*11) % 256, (x*5) % 256, (y*7) % 256). */
    public static BufferedImage rgbPattern(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (((x * 37 + y * 11) % 256) << 16) | (((x * 5) % 256) << 8) | ((y * 7) % 256));
            }
        }
        return image;
    }

    /** A noisy RGB image (compresses badly, so truncating its file cuts real data). */
    public static BufferedImage noise(int w, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return image;
    }

    /** A valid PNG header (signature + IHDR, 8-bit RGB) claiming {@code w × h}, then IEND: no pixel data at all. */
    public static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The files under {@code dir}, recursively, sorted. */
    public static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
