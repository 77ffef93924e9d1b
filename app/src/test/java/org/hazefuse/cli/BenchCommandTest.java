package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.hazefuse.model.iassf.DensityVariant;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.runtime.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse bench} options (the figures themselves are not asserted: they depend on the machine). */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anEmptyTrainSizesListSkipsTheTrainingMeasurement() throws IOException {
        Path report = tmp.resolve("B.md");

        Cli.Result r = Cli.run("bench", "--models", "tiny", "--size", "16x16", "--runs", "1", "--warmup", "0",
                "--train-sizes=", "--out", report);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).contains("tiny");
    }

    @Test
    void severalFrameSizesGetTheirOwnTimeAndPeakMemory() throws IOException {
        Path report = tmp.resolve("B.md");

        Cli.Result r = Cli.run("bench", "--models", "tiny", "--sizes", "16x16,32x24", "--runs", "1", "--warmup", "0",
                "--train-sizes=", "--out", report);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).contains("Forward by frame size").contains("| tiny | 16x16 |")
                .contains("| tiny | 32x24 |");
        assertThat(Cli.run("bench", "--sizes", "640by480").err()).contains("640by480");
    }

    /** A weights file, such as imported published weights, is measured under its own name. */
    @Test
    void aWeightsFileIsMeasuredLikeAConfiguration() throws IOException {
        Path weights = tmp.resolve("released-tiny.hzf");
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.TINY.withDensity(DensityVariant.RELEASED));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(net, weights, Map.of("source", "test"));
        }
        Path report = tmp.resolve("B.md");

        Cli.Result r = Cli.run("bench", "--models", weights, "--size", "16x16", "--runs", "1", "--warmup", "0",
                "--train-sizes=", "--out", report);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).contains("| " + weights + " |");
        Cli.Result bad = Cli.run("bench", "--models", Files.writeString(tmp.resolve("junk.hzf"), "junk"),
                "--out", report);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aTrainSizeThatIsNotANumberIsABadOption() {
        Cli.Result r = Cli.run("bench", "--models", "tiny", "--train-sizes", "128,big", "--out", tmp.resolve("B.md"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("'big'");
        assertThat(tmp.resolve("B.md")).doesNotExist();
    }

    @Test
    void withoutOutTheSectionIsPrintedAndNoFileIsWritten() throws IOException {
        // Surefire runs in the module folder: the old default wrote app/BENCHMARKS.md there (and the tracked
        // BENCHMARKS.md when run from the repository root).
        Path defaultReport = Path.of("BENCHMARKS.md").toAbsolutePath();
        boolean existed = Files.exists(defaultReport);
        String before = existed ? Files.readString(defaultReport) : null;

        Cli.Result r = Cli.run("bench", "--models", "tiny", "--size", "16x16", "--runs", "1", "--warmup", "0",
                "--train-sizes=");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("<!-- hazefuse bench tiny: begin").contains("--out BENCHMARKS.md");
        if (existed) {
            assertThat(Files.readString(defaultReport)).isEqualTo(before);
        } else {
            assertThat(defaultReport).doesNotExist();
        }
    }
}
