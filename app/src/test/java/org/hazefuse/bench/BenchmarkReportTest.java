package org.hazefuse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Updating BENCHMARKS.md keeps hand-written text. */
class BenchmarkReportTest {
    private static final String OLD = BenchmarkReport.BEGIN + "\nold table\n" + BenchmarkReport.END;
    private static final String NEW = BenchmarkReport.BEGIN + "\nnew table\n" + BenchmarkReport.END;

    @Test
    void replacesOnlyTheGeneratedSection() {
        String file = "# Benchmarks\n\nintro\n\n" + OLD + "\n\n## Where the time goes\nnotes\n";

        String merged = BenchmarkReport.merge(file, NEW);

        assertThat(merged).isEqualTo("# Benchmarks\n\nintro\n\n" + NEW + "\n\n## Where the time goes\nnotes\n");
    }

    @Test
    void appendsToAFileWithoutASectionAndStartsAnEmptyOne() {
        assertThat(BenchmarkReport.merge("notes\n", NEW)).isEqualTo("notes\n\n" + NEW + "\n");
        assertThat(BenchmarkReport.merge("", NEW)).startsWith("# Benchmarks").contains("new table");
    }
}
