package org.hazefuse.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;

class PairCacheAndValidationTest {

    @Test
    void cacheKeepsPairsUnderItsCap() {
        List<PairPaths> pairs = DataFixtures.msrs();
        long one = 4L * 128 * 128 * 4; // RGB + infrared floats
        PairCache cache = new PairCache(new PairLoader(), one + one / 2);
        ImagePair a = cache.get(pairs.get(0));
        assertThat(cache.get(pairs.get(0))).isSameAs(a);
        assertThat(cache.bytesUsed()).isEqualTo(one);
        cache.get(pairs.get(1));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytesUsed()).isEqualTo(one);
        assertThat(cache.get(pairs.get(0))).isNotSameAs(a); // evicted and read again

        PairCache none = new PairCache(new PairLoader(), 0);
        none.get(pairs.get(0));
        assertThat(none.size()).isZero();
    }

    @Test
    void validationHazeIsFixedPerImageAndKeepsTheClearReference() {
        List<PairPaths> pairs = DataFixtures.roadscene();
        HazeSampler sampler = new HazeSampler();
        List<ImagePair> first = ValidationSet.load(pairs, new PairLoader(), sampler, 2024);
        List<ImagePair> reordered = ValidationSet.load(List.of(pairs.get(1), pairs.get(0)), new PairLoader(), sampler, 2024);
        assertThat(first).hasSize(2);
        for (ImagePair p : first) {
            assertThat(p.clearVisible()).isPresent();
            assertThat(p.visible().data()).isNotEqualTo(p.clearVisible().get().data());
            assertThat(p.width()).isEqualTo(256); // native size, no crop
        }
        assertThat(reordered.get(1).visible().data()).containsExactly(first.get(0).visible().data());
        assertThat(reordered.get(0).visible().data()).containsExactly(first.get(1).visible().data());
        List<ImagePair> otherSeed = ValidationSet.load(pairs, new PairLoader(), sampler, 2025);
        assertThat(otherSeed.get(0).visible().data()).isNotEqualTo(first.get(0).visible().data());
    }
}
