package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PngWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static FloatImage image(int w, int h, int channels, int seed) {
        float[] d = new float[channels * w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = (float) (0.5 + 0.3 * Math.sin(0.2 * x + seed + c) * Math.cos(0.15 * y)
                            + ((x / 8 + y / 8 + seed) % 2 == 0 ? 0.1 : -0.1));
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }

    @BeforeEach
    void clearPairs() throws IOException {
        data = dir.resolve("data");
        PngWriter writer = new PngWriter(List.of(), OverwritePolicy.REFUSE);
        Files.createDirectories(data.resolve("vis"));
        Files.createDirectories(data.resolve("ir"));
        int seed = 0;
        for (String stem : List.of("p1", "p2", "p3")) {
            writer.write(image(200, 193, 3, seed), data.resolve("vis/" + stem + ".png"));
            writer.write(image(200, 193, 1, seed + 5), data.resolve("ir/" + stem + ".png"));
            seed++;
        }
        Files.writeString(data.resolve("val.txt"), "p3\np1\n");
    }

    private int eval(String... args) {
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesEveryReportForBaselinesOnSynthesizedHaze() throws IOException {
        int code = eval("--data", data.toString(), "--list", data.resolve("val.txt").toString(), "--haze", "medium",
                "--methods", "none+avg,dcp+max", "--csv", dir.resolve("scores.csv").toString(),
                "--markdown", dir.resolve("table.md").toString(), "--plots", dir.resolve("plots").toString(),
                "--save-images", dir.resolve("grids").toString(), "--json", "--jobs", "2", "--no-progress");

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.fieldNames()).toIterable().containsExactly("none+avg", "dcp+max");
        assertThat(json.get("dcp+max").fieldNames()).toIterable()
                .containsExactly("MI", "Qabf", "Qcv", "SCD", "VIF", "SF", "EN", "SD", "AG", "PSNR", "SSIM", "NIQE");
        // dehazing beats no dehazing on the restoration metric
        assertThat(json.get("dcp+max").get("PSNR").asDouble()).isGreaterThan(json.get("none+avg").get("PSNR").asDouble());

        List<String> csv = Files.readAllLines(dir.resolve("scores.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("medium,p3,none+avg,");
        assertThat(csv.get(3)).startsWith("medium,p1,none+avg,");
        String md = Files.readString(dir.resolve("table.md"));
        assertThat(md).contains("medium synthesized haze").contains("listed in").contains("| dcp+max |").contains("**");
        try (var plots = Files.list(dir.resolve("plots"))) {
            assertThat(plots.map(p -> p.getFileName().toString())).contains("MI.png", "Qcv.png", "PSNR.png", "NIQE.png");
        }
        assertThat(dir.resolve("grids/p1_grid.png")).isRegularFile();
        assertThat(dir.resolve("grids/p2_grid.png")).doesNotExist();
    }

    @Test
    void severalHazeLevelsInOneRun() throws IOException {
        int code = eval("--data", data.toString(), "--list", data.resolve("val.txt").toString(), "--haze",
                "light,heavy", "--methods", "none+avg", "--json", "--csv", dir.resolve("all.csv").toString(),
                "--save-images", dir.resolve("grids").toString(), "--plots", dir.resolve("plots").toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.fieldNames()).toIterable().containsExactly("light", "heavy");
        // the same method loses more PSNR under heavier haze (its "dehazed" output is the hazy input)
        assertThat(json.get("light").get("none+avg").get("PSNR").asDouble())
                .isGreaterThan(json.get("heavy").get("none+avg").get("PSNR").asDouble());
        assertThat(Files.readAllLines(dir.resolve("all.csv"))).hasSize(5);
        assertThat(dir.resolve("grids/p1_light_grid.png")).isRegularFile();
        assertThat(dir.resolve("grids/p1_heavy_grid.png")).isRegularFile();
        assertThat(dir.resolve("plots/PSNR.png")).isRegularFile();

        assertThat(eval("--data", data.toString(), "--haze", "light,light", "--methods", "none+avg",
                "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("given twice");
    }

    @Test
    void scoresAFolderOfFusedImages() throws IOException {
        Path fused = Files.createDirectories(dir.resolve("other-tool"));
        PngWriter writer = new PngWriter(List.of(), OverwritePolicy.REFUSE);
        for (String stem : List.of("p1", "p2", "p3")) {
            writer.write(image(200, 193, 3, 9), fused.resolve(stem + "_fused.png"));
        }
        int code = eval("--data", data.toString(), "--fused", fused.toString(), "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| other-tool |").doesNotContain("PSNR");
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        assertThat(eval("--data", dir.resolve("missing").toString(), "--methods", "none+avg", "--no-progress"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing").contains("data folder not found");

        assertThat(eval("--data", data.toString(), "--methods", "no-such-method", "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown method 'no-such-method'");

        assertThat(eval("--data", data.toString(), "--haze", "fog", "--methods", "none+avg", "--no-progress"))
                .isEqualTo(2);

        Path existing = dir.resolve("old.csv");
        Files.writeString(existing, "keep me");
        assertThat(eval("--data", data.toString(), "--methods", "none+avg", "--csv", existing.toString(),
                "--no-progress")).isEqualTo(2);
        assertThat(existing).hasContent("keep me");

        assertThat(eval("--data", data.toString(), "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to evaluate");
    }

    /** Like every other command: engine options, --jobs for pairs in parallel, one line per error. */
    @Test
    void takesTheCommonEngineOptionsAndJobs() {
        assertThat(eval("--data", data.toString(), "--methods", "none+avg", "--jobs", "0", "--no-progress"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--jobs must be at least 1");

        assertThat(eval("--data", data.toString(), "--methods", "none+avg", "--device", "tpu", "--no-progress"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("device must be auto, cpu or gpu");

        err.getBuffer().setLength(0);
        assertThat(eval("--data", data.toString(), "--methods", "no-such-method", "--verbose", "--no-progress"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("hazefuse eval: unknown method 'no-such-method'");
    }
}
