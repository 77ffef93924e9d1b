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
}
