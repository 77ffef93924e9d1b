package org.hazefuse.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.hazefuse.data.PairCache;
import org.hazefuse.data.TrainingSet;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.TestFiles;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
    @Test
    void networksWithThePhysicalPriorTrainOnTheWholeFramesPrior() {
        TrainingSet set = new TrainingSet(PairFinder.inFolder(TestFiles.resource("pairs/msrs")).pairs(),
                new HazeSampler(), new PairCache(new PairLoader(), Long.MAX_VALUE));

        assertThat(TrainingRun.sampler(set, 32, 1, IassfConfigs.LITE).framePrior()).isTrue();
        assertThat(TrainingRun.sampler(set, 32, 1, IassfConfigs.PAPER).framePrior()).isFalse();
        assertThat(TrainingRun.sampler(set, 32, 1, IassfConfigs.LITE).sample(0).prior()).hasSize(32 * 32);
    }

    /** The manifest's data line tells list files of different sets apart and counts repeats (issue 16, item 8). */
    @Test
    void sourcesAreNamedWithTheirFolderAndCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        var road = java.nio.file.Files.createDirectories(tmp.resolve("roadscene")).resolve("train.txt");
        var other = java.nio.file.Files.createDirectories(tmp.resolve("other")).resolve("train.txt");
        java.nio.file.Files.writeString(road, "a\n");
        java.nio.file.Files.writeString(other, "b\n");
        var msrs = java.nio.file.Files.createDirectories(tmp.resolve("msrs-train-128"));

        assertThat(TrainingRun.names(java.util.List.of(road, road, road, other, msrs)))
                .isEqualTo("roadscene/train.txt ×3, other/train.txt, msrs-train-128");
    }
}
