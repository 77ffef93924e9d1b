package org.hazefuse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Updating BENCHMARKS.md keeps hand-written text and other runs' sections. */
class BenchmarkReportTest {
    private static String section(String key, String body) {
        return BenchmarkReport.begin(key) + "\n" + body + "\n" + BenchmarkReport.end(key);
    }

    @Test
    void replacesOnlyTheSectionOfTheSameConfigurations() {
        String file = "# Benchmarks\n\nintro\n\n" + section("lite", "old lite") + "\n\n" + section("paper", "paper")
                + "\n\n## Where the time goes\nnotes\n";

        String merged = BenchmarkReport.merge(file, "lite", section("lite", "new lite"));

        assertThat(merged).isEqualTo("# Benchmarks\n\nintro\n\n" + section("lite", "new lite") + "\n\n"
                + section("paper", "paper") + "\n\n## Where the time goes\nnotes\n");
    }

    @Test
    void appendsANewSectionAndStartsAnEmptyFile() {
        assertThat(BenchmarkReport.merge("notes\n", "lite", section("lite", "x")))
                .isEqualTo("notes\n\n" + section("lite", "x") + "\n");
        assertThat(BenchmarkReport.merge("", "lite", section("lite", "x"))).startsWith("# Benchmarks").contains("x");
    }
}
