package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

    @Test
    void aPairAndAModel() {
        StartupOptions o = StartupOptions.parse(List.of("--model", "lite", "v.png", "i.png"));
        assertThat(o.files()).containsExactly(Path.of("v.png"), Path.of("i.png"));
        assertThat(o.model()).contains("lite");
        assertThat(StartupOptions.parse(List.of("--model=dcp+gff")).model()).contains("dcp+gff");
        assertThat(StartupOptions.parse(List.of())).isEqualTo(StartupOptions.NONE);
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--model"))).hasMessageContaining("model name");
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--fast"))).hasMessageContaining("usage");
        assertThatThrownBy(() -> StartupOptions.parse(List.of("a", "b", "c"))).hasMessageContaining("3 paths");
    }
}
