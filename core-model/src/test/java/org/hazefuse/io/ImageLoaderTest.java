package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLoaderTest {
    private final ImageLoader loader = new ImageLoader();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessRgbFormatsReadExactly(String format) throws IOException {
        Path file = TestFiles.write(TestFiles.rgbPattern(9, 7), format, dir.resolve("p." + format));
        FloatImage image = loader.readVisible(file);
        assertThat(image.width()).isEqualTo(9);
        assertThat(image.height()).isEqualTo(7);
        assertThat(image.channels()).isEqualTo(3);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                assertThat(image.get(0, y, x)).isEqualTo(((x * 37 + y * 11) % 256) / 255f);
                assertThat(image.get(1, y, x)).isEqualTo(((x * 5) % 256) / 255f);
                assertThat(image.get(2, y, x)).isEqualTo(((y * 7) % 256) / 255f);
            }
        }
    }

    @Test
    void jpegReadsCloseToTheEncodedColour() throws IOException {
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                flat.setRGB(x, y, (200 << 16) | (100 << 8) | 50);
            }
        }
        FloatImage image = loader.readVisible(TestFiles.write(flat, "jpeg", dir.resolve("flat.jpg")));
        assertThat(image.get(0, 8, 8)).isCloseTo(200 / 255f, within(4 / 255f));
        assertThat(image.get(1, 8, 8)).isCloseTo(100 / 255f, within(4 / 255f));
        assertThat(image.get(2, 8, 8)).isCloseTo(50 / 255f, within(4 / 255f));
    }

    @Test
    void grayPngIsRepeatedForVisibleAndKeptForInfrared() throws IOException {
        BufferedImage gray = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = gray.getRaster();
        for (int i = 0; i < 20; i++) {
            r.setSample(i % 5, i / 5, 0, i * 12);
        }
        Path file = TestFiles.write(gray, "png", dir.resolve("g.png"));
        FloatImage vis = loader.readVisible(file);
        FloatImage ir = loader.readInfrared(file);
        assertThat(vis.channels()).isEqualTo(3);
        assertThat(ir.channels()).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            float expected = i * 12 / 255f;
            assertThat(ir.get(0, i / 5, i % 5)).isEqualTo(expected);
            for (int c = 0; c < 3; c++) {
                assertThat(vis.get(c, i / 5, i % 5)).isEqualTo(expected);
            }
        }
    }

    @Test
    void sixteenBitGrayIsScaledBy65535() throws IOException {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {0, 1, 1000, 32768, 65534, 65535};
        gray.getRaster().setSamples(0, 0, 3, 2, 0, values);
        for (String format : List.of("png", "tiff")) {
            FloatImage ir = loader.readInfrared(TestFiles.write(gray, format, dir.resolve("g16." + format)));
            for (int i = 0; i < values.length; i++) {
                assertThat(ir.data()[i]).as(format + " sample " + i).isEqualTo(values[i] / 65535f);
            }
        }
    }

    @Test
    void sixteenBitRgbPngIsScaledBy65535() throws IOException {
        float[] data = new float[3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 5003 % 65536) / 65535f;
        }
        FloatImage source = new FloatImage(2, 2, 3, data);
        BufferedImage rgb16 = PngWriter.toBuffered(source, PngWriter.BitDepth.SIXTEEN);
        assertThat(rgb16.getSampleModel().getSampleSize(0)).isEqualTo(16);
        FloatImage read = loader.readVisible(TestFiles.write(rgb16, "png", dir.resolve("rgb16.png")));
        assertThat(read.data()).containsExactly(data);
    }

    @Test
    void rgbaDropsAlphaWithoutCompositing() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, (0 << 24) | (10 << 16) | (20 << 8) | 30); // fully transparent: colour kept as stored
        argb.setRGB(1, 0, (128 << 24) | (200 << 16) | (150 << 8) | 100);
        FloatImage image = loader.readVisible(TestFiles.write(argb, "png", dir.resolve("a.png")));
        assertThat(image.channels()).isEqualTo(3);
        assertThat(new float[] {image.get(0, 0, 0), image.get(1, 0, 0), image.get(2, 0, 0)})
                .containsExactly(10 / 255f, 20 / 255f, 30 / 255f);
        assertThat(new float[] {image.get(0, 0, 1), image.get(1, 0, 1), image.get(2, 0, 1)})
                .containsExactly(200 / 255f, 150 / 255f, 100 / 255f);
    }

    @Test
    void paletteImageReadsThroughItsColourTable() throws IOException {
        byte[] red = {(byte) 255, 0, 17};
        byte[] green = {0, (byte) 128, 34};
        byte[] blue = {0, 64, 51};
        IndexColorModel palette = new IndexColorModel(2, 3, red, green, blue);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 0, 1});
        Path file = TestFiles.write(indexed, "png", dir.resolve("pal.png"));
        FloatImage image = loader.readVisible(file);
        assertThat(image.data()).containsExactly(
                17 / 255f, 1f, 0f,
                34 / 255f, 0f, 128 / 255f,
                51 / 255f, 0f, 64 / 255f);
        FloatImage ir = loader.readInfrared(file);
        assertThat(ir.get(0, 0, 1)).isCloseTo(0.299f, within(1e-6f)); // pure red → its BT.601 luma
    }

    @Test
    void infraredFromRgbIsLumaAndGrayStoredAsRgbIsExact() throws IOException {
        FloatImage colour = loader.readInfrared(TestFiles.write(TestFiles.rgbPattern(4, 3), "png", dir.resolve("c.png")));
        FloatImage rgb = loader.readVisible(dir.resolve("c.png"));
        assertThat(colour.channels()).isEqualTo(1);
        assertThat(colour.data()).containsExactly(rgb.luma().data());

        BufferedImage grayAsRgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        int[] levels = {0, 77, 133, 255};
        for (int x = 0; x < 4; x++) {
            grayAsRgb.setRGB(x, 0, levels[x] * 0x010101);
        }
        FloatImage ir = loader.readInfrared(TestFiles.write(grayAsRgb, "png", dir.resolve("gr.png")));
        for (int x = 0; x < 4; x++) {
            assertThat(ir.get(0, 0, x)).isEqualTo(levels[x] / 255f);
        }
    }

    @Test
    void realPairsReadWithTheirSizes() {
        Path road = TestFiles.resource("pairs/roadscene");
        FloatImage vis = loader.readVisible(road.resolve("vis/FLIR_00006.jpg"));
        FloatImage ir = loader.readInfrared(road.resolve("ir/FLIR_00006.jpg"));
        assertThat(vis).extracting(FloatImage::width, FloatImage::height, FloatImage::channels).containsExactly(256, 168, 3);
        assertThat(ir).extracting(FloatImage::width, FloatImage::height, FloatImage::channels).containsExactly(256, 168, 1);
        assertThat(mean(vis)).isBetween(0.05, 0.95);

        Path tno = TestFiles.resource("pairs/tno/ir/08.png"); // gray stored as RGB
        FloatImage tnoIr = loader.readInfrared(tno);
        assertThat(tnoIr.channels()).isEqualTo(1);
        assertThat(tnoIr.data()).containsExactly(loader.readVisible(tno).channel(0).data());
    }

    @Test
    void hugeHeaderIsRejectedBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), TestFiles.pngHeaderOnly(100_000, 100_000));
        assertThatThrownBy(() -> loader.read(bomb))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("image too large");
    }

    @Test
    void configurablePixelLimit() throws IOException {
        Path file = TestFiles.write(TestFiles.rgbPattern(20, 20), "png", dir.resolve("small.png"));
        assertThatThrownBy(() -> new ImageLoader(399).read(file))
                .isInstanceOf(BadInputException.class).hasMessageContaining("small.png").hasMessageContaining("too large");
        assertThat(new ImageLoader(400).read(file).pixels()).isEqualTo(400);
    }

    @Test
    void truncatedPngIsReported() throws IOException {
        byte[] png = TestFiles.encode(TestFiles.noise(64, 64, 1), "png");
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertBad(file, "truncated or corrupt PNG data");
    }

    /** Issue 15, item 6: the pixels are intact, only the IDAT chunk's CRC is wrong; Java's decoder ignores it. */
    @Test
    void aPngWithABadChunkCrcIsReported() throws IOException {
        byte[] png = TestFiles.encode(TestFiles.noise(16, 16, 3), "png");
        int idat = indexOf(png, "IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int length = java.nio.ByteBuffer.wrap(png, idat - 4, 4).getInt();
        png[idat + 4 + length] ^= 0x01; // first byte of the chunk's CRC
        Path file = Files.write(dir.resolve("crc.png"), png);
        assertBad(file, "bad CRC in chunk IDAT at byte " + (idat - 4));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void truncatedJpegIsReported() throws IOException {
        byte[] jpeg = TestFiles.encode(TestFiles.noise(64, 64, 2), "jpeg");
        Path file = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        assertBad(file, "truncated or corrupt JPEG data");
    }

    @Test
    void textFileNamedPngIsNotAnImage() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "this is not a picture\n");
        assertBad(file, "not an image file (PNG, JPEG, BMP or TIFF expected)");
    }

    @Test
    void emptyMissingFolderAndGifInputs() throws IOException {
        assertBad(Files.createFile(dir.resolve("empty.png")), "empty file");
        assertBad(dir.resolve("missing.png"), "file not found");
        assertBad(Files.createDirectory(dir.resolve("folder.png")), "is a folder");
        assertBad(TestFiles.write(TestFiles.rgbPattern(4, 4), "gif", dir.resolve("anim.gif")), "unsupported image format GIF");
    }

    @Test
    void fourChannelJpegIsRejectedAsCmyk() throws IOException {
        Path file = dir.resolve("cmyk.jpg");
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new javax.imageio.IIOImage(
                    java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, 4, null), null, null));
        } finally {
            writer.dispose();
        }
        assertBad(file, "CMYK");
    }

    private void assertBad(Path file, String problem) throws IOException {
        List<Path> before = TestFiles.listing(dir);
        assertThatThrownBy(() -> loader.readVisible(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((BadInputException) e).file()).isEqualTo(file));
        assertThat(TestFiles.listing(dir)).isEqualTo(before);
    }

    private static double mean(FloatImage image) {
        double sum = 0;
        for (float v : image.data()) {
            sum += v;
        }
        return sum / image.data().length;
    }
}
