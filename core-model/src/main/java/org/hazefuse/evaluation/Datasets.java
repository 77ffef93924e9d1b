package org.hazefuse.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.method.ImagePair;

/** Turns an evaluation data folder into lazily read {@link Evaluation.PairSource}s. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * The pairs to evaluate, the warnings of the search, and every input file (never to be overwritten).
     */
    public record Dataset(List<Evaluation.PairSource> pairs, List<String> warnings, List<Path> inputs,
                          boolean hasReference) {
    }

    /**
     * @param root a folder with {@code vis/} + {@code ir/} (clear pairs) or {@code hazy/} + {@code ir/} +
     *     {@code gt/} (triplets); see {@link PairFinder#inFolder}
     * @param list optional stem list (e.g. RoadScene's {@code val.txt}) restricting and ordering the pairs
     * @param haze haze synthesized on clear pairs; must be {@link HazeChoice#NONE} for triplet folders, whose
     *     visible images are hazy already
     * @throws BadInputException when nothing is found, or haze is asked for on hazy data
     */
    public static Dataset open(Path root, Optional<Path> list, HazeChoice haze, long seed, PairLoader loader) {
        FoundPairs found = list.isPresent() ? PairFinder.fromList(list.get(), root) : PairFinder.inFolder(root);
        if (found.isEmpty()) {
            throw new BadInputException(list.orElse(root), "no visible/infrared pairs found"
                    + (found.warnings().isEmpty() ? "" : ": " + String.join("; ", found.warnings())));
        }
        boolean triplets = found.pairs().stream().anyMatch(p -> p.clear().isPresent());
        if (triplets && haze != HazeChoice.NONE) {
            throw new BadInputException(root, "holds hazy/clear triplets; --haze applies only to clear vis/ir pairs");
        }
        List<Evaluation.PairSource> sources = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (PairPaths p : found.pairs()) {
            inputs.add(p.visible());
            inputs.add(p.infrared());
            p.clear().ifPresent(inputs::add);
            Optional<HazeSettings> settings = haze.settingsFor(p.stem(), seed);
            sources.add(new Evaluation.PairSource(p.stem(), () -> load(loader, p, settings)));
        }
        return new Dataset(sources, found.warnings(), inputs, triplets || haze != HazeChoice.NONE);
    }

    static ImagePair load(PairLoader loader, PairPaths paths, Optional<HazeSettings> haze) {
        ImagePair pair = loader.load(paths);
        return haze.isEmpty() ? pair : HazeSynthesizer.hazePair(pair, haze.get());
    }
}
