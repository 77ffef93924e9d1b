package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The root command: help, version and usage errors. */
class HazeFuseCliTest {
    @Test
    void helpListsEverySubcommandAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("fuse", "synth-haze", "info", "bench", "Exit codes", "bad input");
    }

    @Test
    void versionPrintsTheProgramName() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("hazefuse ");
    }

    @Test
    void unknownSubcommandOrOptionIsAUsageError() {
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run("info", "--no-such-option").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void optionsWithoutASubcommandShowUsageAndFail() {
        Cli.Result r = Cli.run("--verbose");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Usage: hazefuse");
    }

    @Test
    void unknownDeviceIsAUsageError() {
        Cli.Result r = Cli.run("info", "--model", "tiny", "--device", "tpu");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("tpu");
    }

    @Test
    void helpNamesTheCommandTheLauncherWasStartedAs() {
        assertThat(Cli.run("--help").out()).contains("Without arguments, java -jar hazefuse.jar starts the desktop app");
        String before = System.getProperty("hazefuse.command");
        System.setProperty("hazefuse.command", "hazefuse");
        try {
            Cli.Result r = Cli.run("--help");
            assertThat(r.out()).contains("Without arguments, hazefuse starts the desktop app")
                    .doesNotContain("java -jar");
        } finally {
            if (before == null) {
                System.clearProperty("hazefuse.command");
            } else {
                System.setProperty("hazefuse.command", before);
            }
        }
    }
}
