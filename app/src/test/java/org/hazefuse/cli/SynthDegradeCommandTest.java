package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse synth-degrade}. */
class SynthDegradeCommandTest {
    @TempDir
    Path tmp;
    Path vis;
    Path ir;

    @BeforeEach
    void images() {
        vis = tmp.resolve("vis");
        ir = tmp.resolve("ir");
        for (String name : new String[] {"00001D.png", "00003N.png"}) {
            Cli.copyResource("vis", name, vis.resolve(name));
            Cli.copyResource("ir", name, ir.resolve(name));
        }
    }

    private static Cli.Result synth(Path in, Path out, Object... extra) {
        Object[] base = {"synth-degrade", "--in", in, "--out", out};
        Object[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void writesDegradedImagesByStemAndARecordOfTheParameters() throws IOException {
        Path out = tmp.resolve("dark");

        Cli.Result r = synth(vis, out, "--task", "noise,low-light", "--severity", "heavy");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).containsExactly("00001D.png", "00003N.png", "degradations.json");
        BufferedImage dark = ImageIO.read(out.resolve("00001D.png").toFile());
        BufferedImage clean = ImageIO.read(vis.resolve("00001D.png").toFile());
        assertThat(dark.getWidth()).isEqualTo(48);
        assertThat(dark.getRaster().getNumBands()).isEqualTo(3);
        assertThat(meanOf(dark)).isLessThan(0.5 * meanOf(clean));
        JsonNode record = new ObjectMapper().readTree(out.resolve("degradations.json").toFile());
        assertThat(record.get("tasks").toString()).isEqualTo("[\"low-light\",\"noise\"]"); // application order
        assertThat(record.get("severity").asText()).isEqualTo("heavy");
        JsonNode first = record.get("images").get(0);
        assertThat(first.get("image").asText()).isEqualTo("00001D");
        assertThat(first.get("degradations").get(0).get("parameters").get("gain").asDouble()).isEqualTo(0.15);
        assertThat(r.out()).contains("00001D: low-light (gamma 3.2").contains("+ noise (sigma");
    }

    @Test
    void infraredTasksWriteOneChannelImages() throws IOException {
        Path out = tmp.resolve("striped");

        Cli.Result r = synth(ir, out, "--task", "ir-stripes,ir-noise", "--seed", "3");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        BufferedImage striped = ImageIO.read(out.resolve("00003N.png").toFile());
        assertThat(striped.getRaster().getNumBands()).isEqualTo(1);
        assertThat(r.out()).contains("2 infrared image(s) degraded (ir-stripes+ir-noise, medium)");
    }

    @Test
    void randomDrawsAreDeterministicPerSeed() throws IOException {
        for (String[] run : new String[][] {{"a", "7"}, {"b", "7"}, {"c", "8"}}) {
            Cli.Result r = synth(vis, tmp.resolve(run[0]), "--task", "rain,blur", "--random", "--seed", run[1]);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        }
        for (String name : new String[] {"00001D.png", "00003N.png"}) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(name));
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name))).as(name).isEqualTo(a);
            assertThat(Files.readAllBytes(tmp.resolve("c").resolve(name))).as(name).isNotEqualTo(a);
        }
        // The records of the same seed differ only in the output paths (a/ and b/).
        String a = Files.readString(tmp.resolve("a").resolve("degradations.json"));
        String b = Files.readString(tmp.resolve("b").resolve("degradations.json"));
        assertThat(b.replace(tmp.resolve("b").toString(), "OUT")).isEqualTo(a.replace(tmp.resolve("a").toString(), "OUT"));
        assertThat(Files.readString(tmp.resolve("c").resolve("degradations.json"))
                .replace(tmp.resolve("c").toString(), "OUT")).isNotEqualTo(a.replace(tmp.resolve("a").toString(), "OUT"));
    }

    @Test
    void anUnknownTaskIsOneLineListingTheKnownOnesAndWritesNothing() {
        Path out = tmp.resolve("out");

        Cli.Result r = synth(vis, out, "--task", "low-light,fog");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("hazefuse synth-degrade: unknown task 'fog'; known tasks: haze, "
                + "low-light, over-exposure, noise, blur, rain, low-resolution, ir-noise, ir-stripes, ir-low-contrast, none");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTaskOfTheOtherModalityIsRefusedNamingBoth() {
        Cli.Result r = synth(ir, tmp.resolve("out"), "--task", "blur", "--modality", "infrared");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("task blur applies to visible images").contains("not to an infrared image");

        Cli.Result mixed = synth(ir, tmp.resolve("out"), "--task", "ir-noise,noise");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("noise are visible and ir-noise infrared");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void severityAndRandomExcludeEachOther() {
        Cli.Result r = synth(vis, tmp.resolve("out"), "--task", "noise", "--random", "--severity", "light");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("either --severity or --random");
        Cli.Result bad = synth(vis, tmp.resolve("out"), "--task", "noise", "--severity", "extreme");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("unknown severity 'extreme'; known: light, medium, heavy");
    }

    @Test
    void existingOutputsAreRefusedWithoutOverwriteAndInputsAlways() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(synth(vis, out, "--task", "noise").exitCode()).isEqualTo(ExitCodes.OK);
        byte[] before = Files.readAllBytes(out.resolve("00001D.png"));

        Cli.Result again = synth(vis, out, "--task", "noise", "--severity", "heavy");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readAllBytes(out.resolve("00001D.png"))).isEqualTo(before);

        assertThat(synth(vis, out, "--task", "noise", "--severity", "heavy", "--overwrite").exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllBytes(out.resolve("00001D.png"))).isNotEqualTo(before);

        byte[] input = Files.readAllBytes(vis.resolve("00001D.png"));
        Cli.Result onInputs = synth(vis, vis, "--task", "noise", "--overwrite");
        assertThat(onInputs.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(onInputs.err()).contains("input");
        assertThat(Files.readAllBytes(vis.resolve("00001D.png"))).isEqualTo(input);
    }

    @Test
    void aCorruptInputWritesNothing() throws IOException {
        Path corrupt = vis.resolve("00003N.png");
        Files.write(corrupt, Arrays.copyOf(Files.readAllBytes(corrupt), 60));
        Path out = tmp.resolve("out");

        Cli.Result r = synth(vis, out, "--task", "rain");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(corrupt.toString());
        assertThat(Cli.listing(out)).isEmpty();
    }

    @Test
    void theRootHelpListsTheCommand() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("synth-degrade");
    }

    private static double meanOf(BufferedImage image) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                for (int b = 0; b < image.getRaster().getNumBands(); b++) {
                    sum += image.getRaster().getSample(x, y, b);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
