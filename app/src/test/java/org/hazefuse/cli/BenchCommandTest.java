package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
