package org.hazefuse.gui.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hazefuse.io.PairFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSamplesTest {
    @TempDir
    Path temp;

    @Test
    void everyShippedSampleIsAPairAndExtractingTwiceKeepsTheFiles() throws Exception {
        List<Path> samples = BundledSamples.extract(temp);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
        for (Path sample : samples) {
            assertThat(PairFinder.inFolder(sample).pairs()).as(sample.toString()).hasSize(1);
        }
        Path one = PairFinder.inFolder(samples.get(0)).pairs().get(0).visible();
        long modified = Files.getLastModifiedTime(one).toMillis();
        assertThat(BundledSamples.extract(temp)).isEqualTo(samples);
        assertThat(Files.getLastModifiedTime(one).toMillis()).isEqualTo(modified);
    }
}
