package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path temp;
    private Path data;

    @BeforeEach
    void pairs() {
        data = temp.resolve("data");
        for (String name : new String[] {"00001D.png", "00003N.png"}) {
            Cli.copyResource("vis", name, data.resolve("vis").resolve(name));
            Cli.copyResource("ir", name, data.resolve("ir").resolve(name));
        }
    }

    private Cli.Result train(Path run, String... extra) {
        Object[] base = {"train", "--model", "tiny", "--data", data, "--run", run, "--steps", 4, "--batch", 1,
            "--patch", 32, "--checkpoint-every", 2, "--validate-every", 0, "--threads", 1};
        Object[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray();
        return Cli.run(args);
    }

    /** What {@code info --json} prints about the run's weights, manifest included. */
    private static String manifest(Path run) {
        return Cli.run("info", "--model", run.resolve("model.hzf"), "--json").out();
    }

    @Test
    void trainsAndWritesWeightsCheckpointAndLog() throws Exception {
        Path run = temp.resolve("run");
        Cli.Result r = train(run);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("training 'tiny' on 2 pairs").contains("done: 4 steps");
        assertThat(run.resolve("model.hzf")).exists();
        assertThat(run.resolve("checkpoint.hzc")).exists();
        assertThat(Files.readAllLines(run.resolve("steps.csv"))).hasSize(5);
        assertThat(manifest(run)).contains("\"steps\" : \"4\"")
                .contains("\"loss\" : \"dehaze 2, intensity 1, gradient 1\"")
                .contains("\"schedule\" : \"AdamW, lr 0.0002 to 0.000002 cosine over 4 steps, weight decay 0.0001\"")
                .contains("\"data\" : \"data (2 pairs)")
                .contains("\"patch\" : \"32\"");
    }

    @Test
    void aHeavierGradientTermIsRecordedInTheWeights() {
        Path run = temp.resolve("sharp");
        Cli.Result r = train(run, "--gradient-weight", "10");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(manifest(run)).contains("gradient 10\"");

        Cli.Result negative = train(temp.resolve("neg"), "--gradient-weight", "-1");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(negative.err()).contains("--gradient-weight must be zero or more");
        assertThat(temp.resolve("neg")).doesNotExist();
    }

    @Test
    void aFineTuneCountsTheStepsOfItsInitialWeights() {
        Path first = temp.resolve("first");
        assertThat(train(first).exitCode()).isZero();
        Path second = temp.resolve("second");
        Cli.Result r = train(second, "--init", first.resolve("model.hzf").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(manifest(second))
                .contains("\"steps\" : \"8\"").contains("\"fineTuneSteps\" : \"4\"")
                .containsPattern("\"init\" : \"model.hzf \\(sha256 [0-9a-f]{12}, 4 steps\\)\"");
    }

    @Test
    void theHazeRangeIsAnOptionAndIsRecorded() {
        Path run = temp.resolve("light");
        Cli.Result r = train(run, "--haze-transmission", "0.5-0.95");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(manifest(run))
                .contains("farthest transmission 0.50-0.95, airlight 0.60-1.00");

        for (String bad : new String[] {"0.9-0.5", "light", "0-0.5"}) {
            Cli.Result refused = train(temp.resolve("bad"), "--haze-transmission", bad);
            assertThat(refused.exitCode()).as(bad).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).contains("--haze-transmission must look like 0.05-0.7");
        }
        assertThat(temp.resolve("bad")).doesNotExist();
    }

    @Test
    void trainOnlyTakesTheNetworksPartNames() {
        Path run = temp.resolve("fusion");
        Cli.Result r = train(run, "--train-only", "fusion");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(manifest(run))
                .contains("fusion (the other parts as initialised)");

        Cli.Result unknown = train(temp.resolve("bad"), "--train-only", "fusion,decoder");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown network part 'decoder'");
    }

    /**
     * Issue 15, items 3 and 6: SIGTERM during training saves the checkpoint, prints its message and exits 143; a
     * resume asking for exactly the steps reached then finishes the run (final validation and weights) instead of
     * refusing it.
     */
    @Test
    void sigtermPrintsWhereItStoppedAndResumingAtThatStepFinishes() throws Exception {
        Path run = temp.resolve("signalled");
        Path log = temp.resolve("train.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.hazefuse.app.Launcher",
                "train", "--model", "tiny", "--data", data.toString(), "--run", run.toString(), "--steps", "100000",
                "--batch", "1", "--patch", "32", "--checkpoint-every", "100000", "--validate-every", "0",
                "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path steps = run.resolve("steps.csv");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (!(Files.exists(steps) && Files.readAllLines(steps).size() >= 3) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log);
        assertThat(p.exitValue()).as(printed).isEqualTo(ExitCodes.TERMINATED);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped at step (\\d+); continue with --resume")
                .matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        long reached = Long.parseLong(m.group(1));
        assertThat(run.resolve("model.hzf")).doesNotExist();

        Cli.Result finished = Cli.run("train", "--model", "tiny", "--data", data, "--run", run, "--steps", reached,
                "--batch", 1, "--patch", 32, "--validate-every", 0, "--threads", 1, "--resume");
        assertThat(finished.exitCode()).as(finished.toString()).isZero();
        assertThat(finished.out()).contains("done: " + reached + " steps");
        assertThat(run.resolve("model.hzf")).exists();
        assertThat(Files.readAllLines(steps)).hasSize((int) reached + 1);
    }

    @Test
    void resumeWithoutCheckpointAndUnknownConfigurationAreBadInput() {
        Cli.Result nothing = train(temp.resolve("empty"), "--resume");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nothing.err()).contains("nothing to resume");
        Cli.Result unknown = Cli.run("train", "--model", "huge", "--data", data, "--run", temp.resolve("x"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown configuration 'huge'");
    }
}
