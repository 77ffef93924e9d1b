package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader();

    private static FloatImage ramp(int channels) {
        int w = 7;
        int h = 5;
        float[] data = new float[channels * w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 0.6180339f) % 1f;
        }
        return new FloatImage(w, h, channels, data);
    }

    @Test
    void eightBitRoundTripWithinHalfAStep() throws IOException {
        FloatImage rgb = ramp(3);
        Path out = dir.resolve("out.png");
        new PngWriter(Set.of(), OverwritePolicy.REFUSE).write(rgb, out);
        FloatImage back = loader.read(out);
        assertThat(back.channels()).isEqualTo(3);
        for (int i = 0; i < rgb.data().length; i++) {
            assertThat(back.data()[i]).isCloseTo(rgb.data()[i], within(0.5f / 255 + 1e-6f));
        }
        assertThat(ImageIO.read(out.toFile()).getSampleModel().getSampleSize(0)).isEqualTo(8);
    }

    @Test
    void sixteenBitGrayRoundTripWithinHalfAStep() throws IOException {
        FloatImage gray = ramp(1);
        Path out = dir.resolve("gray16.png");
        new PngWriter(Set.of(), OverwritePolicy.REFUSE).write(gray, out, PngWriter.BitDepth.SIXTEEN);
        BufferedImage raw = ImageIO.read(out.toFile());
        assertThat(raw.getSampleModel().getSampleSize(0)).isEqualTo(16);
        assertThat(raw.getRaster().getNumBands()).isEqualTo(1);
        FloatImage back = loader.read(out);
        assertThat(back.channels()).isEqualTo(1);
        for (int i = 0; i < gray.data().length; i++) {
            assertThat(back.data()[i]).isCloseTo(gray.data()[i], within(0.5f / 65535 + 1e-7f));
        }
    }

    @Test
    void clampsAndRounds() throws IOException {
        FloatImage odd = new FloatImage(4, 1, 1, new float[] {-0.5f, 1.5f, Float.NaN, 0.5f});
        Path out = dir.resolve("clamped.png");
        new PngWriter(Set.of(), OverwritePolicy.REFUSE).write(odd, out);
        int[] samples = ImageIO.read(out.toFile()).getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null);
        assertThat(samples).containsExactly(0, 255, 0, 128);
    }

    @Test
    void leavesNoTempFile() throws IOException {
        Path out = dir.resolve("a.png");
        PngWriter writer = new PngWriter(Set.of(), OverwritePolicy.REPLACE);
        writer.write(ramp(3), out);
        writer.write(ramp(1), out);
        assertThat(TestFiles.listing(dir)).containsExactly(dir, out);
        assertThat(loader.read(out).channels()).isEqualTo(1);
    }

    @Test
    void refusesToWriteOntoAnInputEvenThroughAnotherSpelling() throws IOException {
        Files.createDirectory(dir.resolve("in"));
        Path input = TestFiles.write(TestFiles.rgbPattern(3, 3), "png", dir.resolve("in/input.png"));
        byte[] original = Files.readAllBytes(input);
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), input);
        PngWriter writer = new PngWriter(Set.of(input), OverwritePolicy.REPLACE);
        for (Path target : List.of(input, dir.resolve("in/../in/./input.png"), link)) {
            assertThatThrownBy(() -> writer.write(ramp(3), target))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("input")
                    .hasMessageContaining("refusing to overwrite");
        }
        assertThat(Files.readAllBytes(input)).isEqualTo(original);
        assertThat(TestFiles.listing(dir)).containsExactly(dir, dir.resolve("in"), input, link);
    }

    @Test
    void refusePolicyKeepsAnExistingFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.png"), "keep me");
        assertThatThrownBy(() -> new PngWriter(Set.of(), OverwritePolicy.REFUSE).write(ramp(3), existing))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("old.png")
                .hasMessageContaining("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(TestFiles.listing(dir)).containsExactly(dir, existing);
    }

    @Test
    void missingOutputFolderIsBadInput() {
        Path target = dir.resolve("nope/out.png");
        assertThatThrownBy(() -> new PngWriter(Set.of(), OverwritePolicy.REFUSE).write(ramp(3), target))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("out.png")
                .hasMessageContaining("does not exist");
    }

    @Test
    void failedWriteLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("state.bin");
        AtomicFiles files = new AtomicFiles(Set.of(), OverwritePolicy.REPLACE);
        assertThatThrownBy(() -> files.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(TestFiles.listing(dir)).containsExactly(dir);

        files.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(TestFiles.listing(dir)).containsExactly(dir, target);
    }
}
