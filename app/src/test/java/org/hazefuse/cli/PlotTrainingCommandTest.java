package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse plot-training}. */
class PlotTrainingCommandTest {
    private static final String STEPS_HEADER =
            "step,wall_seconds,lr,loss,dehaze,intensity,gradient,samples_per_second\n";

    @TempDir
    Path run;

    private void logs(String steps, String validation) throws IOException {
        Files.writeString(run.resolve("steps.csv"), STEPS_HEADER + steps);
        Files.writeString(run.resolve("validation.csv"), "step,psnr,ssim,loss\n" + validation);
    }

    @Test
    void drawsLossesAndValidationIntoAPng() throws IOException {
        StringBuilder steps = new StringBuilder();
        for (int s = 1; s <= 120; s++) {
            double loss = 1.0 / s;
            steps.append(s).append(',').append(s * 2.0).append(",1e-4,").append(loss).append(',').append(loss / 3)
                    .append(",0.1,0.2,2.0\n");
        }
        logs(steps.toString(), "50,15.1,0.80,1.2\n100,18.4,0.83,0.9\n");

        Cli.Result r = Cli.run("plot-training", "--run", run);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("120 steps, 2 validations");
        BufferedImage png = ImageIO.read(run.resolve("training.png").toFile());
        assertThat(png.getWidth()).isEqualTo(TrainingPlot.WIDTH);
        assertThat(png.getHeight()).isEqualTo(TrainingPlot.HEIGHT);
    }

    @Test
    void aMalformedRowIsBadInputNamingTheFileAndLineAndWritesNothing() throws IOException {
        logs("1,2.0,1e-4,0.9,0.3,0.1,0.2,2.0\n2,oops,1e-4,0.9,0.3,0.1,0.2,2.0\n", "");

        Cli.Result r = Cli.run("plot-training", "--run", run);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("steps.csv").contains("line 3");
        assertThat(run.resolve("training.png")).doesNotExist();
    }

    @Test
    void aFolderWithoutLogsIsBadInput() {
        Cli.Result r = Cli.run("plot-training", "--run", run);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no steps.csv");
    }

    @Test
    void theLogsThemselvesCannotBeTheOutput() throws IOException {
        logs("1,2.0,1e-4,0.9,0.3,0.1,0.2,2.0\n", "");
        String before = Files.readString(run.resolve("steps.csv"));

        Cli.Result r = Cli.run("plot-training", "--run", run, "--out", run.resolve("steps.csv"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readString(run.resolve("steps.csv"))).isEqualTo(before);
    }
}
