package org.hazefuse.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.method.ImagePair;

/**
 * The held-aside validation pairs as whole frames at their native size, each with a fixed haze, so every
 * epoch (and every resumed run) validates on exactly the same inputs.
 */
public final class ValidationSet {
    private ValidationSet() {
    }

    /**
     * Loads the pairs. A clear pair gets the haze {@code sampler.sample(seed for its stem)} (the seed is derived
     * from {@code seed} and the stem, so it does not change when the list is reordered or extended); a
     * triplet-folder pair keeps its own hazy image. Every result has its clear reference.
     *
     * @return pairs (visible = hazy RGB, infrared, clear RGB), in list order
     * @throws org.hazefuse.io.BadInputException if a file cannot be read or sizes differ
     */
    public static List<ImagePair> load(List<PairPaths> pairs, PairLoader loader, HazeSampler sampler, long seed) {
        List<ImagePair> out = new ArrayList<>(pairs.size());
        for (PairPaths paths : pairs) {
            ImagePair pair = loader.load(paths);
            if (pair.clearVisible().isPresent()) {
                out.add(pair);
                continue;
            }
            HazeSettings haze = hazeFor(paths.stem(), sampler, seed);
            out.add(HazeSynthesizer.hazePair(pair, haze));
        }
        return out;
    }

    /** The fixed haze of the validation image named {@code stem}. */
    public static HazeSettings hazeFor(String stem, HazeSampler sampler, long seed) {
        return sampler.sample(Seeds.forName(seed, stem));
    }
}
