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
        // What an earlier version left in the folder: the heavy-haze triplet under its old name, beside where the
        // sample folders used to be. It must not become a second pair of the current sample.
        for (String file : new String[] {"hazy/FLIR_04688.png", "ir/FLIR_04688.jpg", "gt/FLIR_04688.jpg"}) {
            Path stale = temp.resolve("road-crossing-haze").resolve(file);
            Files.createDirectories(stale.getParent());
            Files.write(stale, new byte[] {1});
        }
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
