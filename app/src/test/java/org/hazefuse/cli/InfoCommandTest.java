package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse info}. */
class InfoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonReportsThePaperParameterCountSplitAndMacs() throws IOException {
        Cli.Result r = Cli.run("info", "--model", "paper", "--json", "--device", "cpu");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(r.out());
        long parameters = json.get("parameters").asLong();
        // The published model without the parameters its released forward pass never uses (docs/design/iassf.md).
        assertThat(parameters).isEqualTo(11_197_692L);
        assertThat(json.get("restorationParameters").asLong() + json.get("fusionParameters").asLong())
                .isEqualTo(parameters);
        assertThat(json.get("fusionParameters").asLong()).isPositive();
        assertThat(json.get("macs640x480").asDouble()).isBetween(40e9, 160e9); // "about 80 G"
        assertThat(json.get("configuration").get("name").asText()).isEqualTo("paper");
        assertThat(json.get("configuration").get("stages")).hasSize(5);
        assertThat(json.get("weights").get("status").asText()).isIn("trained", "untrained", "unknown");
        assertThat(json.get("device").asText()).startsWith("CPU");
    }

    @Test
    void textNamesConfigurationParametersAndDevice() {
        Cli.Result r = Cli.run("info", "--model", "tiny", "--device", "cpu");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("tiny").contains("Parameters").contains("MACs").contains("stage 5")
                .contains("CPU");
    }

    @Test
    void garbageWeightsFileIsBadInputNamingIt() throws IOException {
        Path weights = tmp.resolve("broken.hzf");
        Files.writeString(weights, "not a zip");

        Cli.Result r = Cli.run("info", "--model", weights, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(weights.toString()).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
