package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse synth-haze}. */
class SynthHazeCommandTest {
    @TempDir
    Path tmp;
    Path clear;

    @BeforeEach
    void images() {
        clear = tmp.resolve("clear");
        Cli.copyResource("vis", "00001D.png", clear.resolve("00001D.png"));
        Cli.copyResource("vis", "00003N.png", clear.resolve("00003N.png"));
    }

    private Cli.Result synth(Path out, Object... extra) {
        Object[] base = {"synth-haze", "--in", clear, "--out", out};
        Object[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void randomHazeIsDeterministicPerSeed() throws IOException {
        assertThat(synth(tmp.resolve("a"), "--preset", "random", "--seed", "7").exitCode()).isEqualTo(0);
        assertThat(synth(tmp.resolve("b"), "--preset", "random", "--seed", "7").exitCode()).isEqualTo(0);
        assertThat(synth(tmp.resolve("c"), "--preset", "random", "--seed", "8").exitCode()).isEqualTo(0);

        for (String name : new String[] {"00001D.png", "00003N.png"}) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(name));
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name))).as(name).isEqualTo(a);
            assertThat(Files.readAllBytes(tmp.resolve("c").resolve(name))).as(name).isNotEqualTo(a);
        }
    }

    @Test
    void writesHazyImagesWithTheInputStemAndSizeAndTheTransmission() throws IOException {
        Path out = tmp.resolve("hazy");
        Path t = tmp.resolve("t");
        Cli.Result r = synth(out, "--beta", "2.0", "--airlight", "0.9", "--depth", "uniform", "--transmission", t);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).containsExactly("00001D.png", "00003N.png");
        assertThat(Cli.listing(t)).containsExactly("00001D.png", "00003N.png");
        BufferedImage hazy = ImageIO.read(out.resolve("00001D.png").toFile());
        assertThat(hazy.getWidth()).isEqualTo(48);
        assertThat(hazy.getHeight()).isEqualTo(48);
        // Uniform depth: t = exp(-2) everywhere, 0.135 -> 8-bit 35 (rounded).
        BufferedImage transmission = ImageIO.read(t.resolve("00001D.png").toFile());
        assertThat(transmission.getRaster().getSample(10, 10, 0)).isEqualTo((int) Math.round(Math.exp(-2) * 255));
    }

    @Test
    void corruptInputWritesNothing() throws IOException {
        Path corrupt = clear.resolve("00003N.png");
        byte[] bytes = Files.readAllBytes(corrupt);
        Files.write(corrupt, Arrays.copyOf(bytes, 60));
        Path out = tmp.resolve("hazy");

        Cli.Result r = synth(out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(corrupt.toString());
        assertThat(Cli.listing(out)).isEmpty();
    }

    @Test
    void badAirlightIsAUsageError() {
        Cli.Result r = synth(tmp.resolve("hazy"), "--airlight", "1.5");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("airlight");
        assertThat(tmp.resolve("hazy")).doesNotExist();
    }

    @Test
    void inputsAreNeverOverwrittenWhenOutIsTheInputFolder() throws IOException {
        byte[] before = Files.readAllBytes(clear.resolve("00001D.png"));

        Cli.Result r = synth(clear, "--overwrite");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("input");
        assertThat(Files.readAllBytes(clear.resolve("00001D.png"))).isEqualTo(before);
    }
}
