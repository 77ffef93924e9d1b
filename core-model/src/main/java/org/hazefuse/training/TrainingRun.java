package org.hazefuse.training;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hazefuse.data.PairCache;
import org.hazefuse.data.PatchSampler;
import org.hazefuse.data.TrainingSet;
import org.hazefuse.data.ValidationSet;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;

/**
 * Assembles a {@link Trainer} from folders and list files: the one place the command line and the GUI's
 * fine-tuning panel turn user choices into data, validation and settings.
 */
public final class TrainingRun {
    /**
     * What to train on and how.
     *
     * @param data training sources: folders with visible/infrared subfolders or triplets, or list files of stems
     *     (their pairs are looked up in the list's folder)
     * @param pairs pairs found elsewhere (e.g. loaded in the GUI), trained on after those of {@code data}
     * @param validation held-aside sources, scored on whole frames; removed from the training pairs if listed in both
     * @param holdAside without validation sources, this many of the last training pairs are held aside instead
     *     (none when that would leave nothing to train on)
     * @param validationLimit at most this many validation pairs (the first ones)
     * @param workers data threads decoding and augmenting off the training thread
     * @param haze the ranges haze is synthesized from, for training and validation pairs alike
     */
    public record Spec(IassfConfig model, List<Path> data, List<PairPaths> pairs, List<Path> validation,
            int holdAside, int validationLimit, int batch, int patch, int workers, TrainingConfig training,
            Optional<Path> initialWeights, Device device, HazeSampler.Ranges haze) {
        /** Sources on disk only, with the default haze ranges. */
        public Spec(IassfConfig model, List<Path> data, List<Path> validation, int validationLimit, int batch,
                int patch, int workers, TrainingConfig training, Optional<Path> initialWeights, Device device) {
            this(model, data, validation, validationLimit, batch, patch, workers, training, initialWeights, device,
                    HazeSampler.Ranges.defaults());
        }

        /** Sources on disk only. */
        public Spec(IassfConfig model, List<Path> data, List<Path> validation, int validationLimit, int batch,
                int patch, int workers, TrainingConfig training, Optional<Path> initialWeights, Device device,
                HazeSampler.Ranges haze) {
            this(model, data, List.of(), validation, 0, validationLimit, batch, patch, workers, training,
                    initialWeights, device, haze);
        }

        public Spec {
            Objects.requireNonNull(haze, "haze");
            data = List.copyOf(data);
            pairs = List.copyOf(pairs);
            validation = List.copyOf(validation);
            if (data.isEmpty() && pairs.isEmpty()) {
                throw new IllegalArgumentException("no training data given");
            }
            if (holdAside < 0) {
                throw new IllegalArgumentException("pairs held aside cannot be negative");
            }
            if (batch < 1 || patch < 16 || workers < 1 || validationLimit < 0) {
                throw new IllegalArgumentException("batch and workers must be at least 1, patch at least 16");
            }
        }
    }

    /** The trainer and what was found, including warnings about unmatched files. */
    public record Prepared(Trainer trainer, int trainingPairs, int validationPairs, List<String> warnings) {}

    private TrainingRun() {}

    public static Prepared prepare(Spec spec) {
        List<String> warnings = new ArrayList<>();
        List<PairPaths> validationPaths = new ArrayList<>();
        for (Path source : spec.validation()) {
            validationPaths.addAll(find(source, warnings));
        }
        if (validationPaths.size() > spec.validationLimit()) {
            validationPaths = validationPaths.subList(0, spec.validationLimit());
        }
        Set<Path> heldAside = new HashSet<>();
        validationPaths.forEach(p -> heldAside.add(p.visible().toAbsolutePath().normalize()));
        List<PairPaths> found = new ArrayList<>();
        for (Path source : spec.data()) {
            found.addAll(find(source, warnings));
        }
        found.addAll(spec.pairs());
        List<PairPaths> trainingPaths = new ArrayList<>();
        for (PairPaths p : found) {
            if (!heldAside.contains(p.visible().toAbsolutePath().normalize())) {
                trainingPaths.add(p);
            }
        }
        if (spec.validation().isEmpty() && trainingPaths.size() > spec.holdAside()) {
            List<PairPaths> last = trainingPaths.subList(trainingPaths.size() - spec.holdAside(), trainingPaths.size());
            validationPaths = new ArrayList<>(last);
            last.clear();
        }
        if (trainingPaths.isEmpty()) {
            throw new BadInputException(spec.data().isEmpty() ? null : spec.data().get(0), "no training pairs found");
        }
        PairLoader loader = new PairLoader();
        HazeSampler haze = new HazeSampler(spec.haze());
        TrainingSet set = new TrainingSet(trainingPaths, haze, new PairCache(loader, PairCache.DEFAULT_MAX_BYTES));
        PatchSampler sampler = sampler(set, spec.patch(), spec.training().seed(), spec.model());
        var validation = ValidationSet.load(validationPaths, loader, haze, spec.training().seed());
        Map<String, String> provenance = Map.of(
                "data", sources(spec.data(), spec.pairs()) + " (" + trainingPaths.size() + " pairs), haze synthesized"
                        + " per sample" + (sampler.framePrior() ? ", dark-channel prior of the whole frame" : ""),
                "validation", (spec.validation().isEmpty() ? "held aside from the data" : names(spec.validation()))
                        + " (" + validation.size() + " pairs)",
                "haze", describe(spec.haze()),
                "batch", Integer.toString(spec.batch()),
                "patch", Integer.toString(spec.patch()));
        Trainer trainer = new Trainer(spec.model(), spec.training(),
                BatchSource.prefetched(sampler, spec.batch(), spec.workers()), validation, spec.device(),
                spec.initialWeights(), provenance);
        return new Prepared(trainer, trainingPaths.size(), validation.size(), warnings);
    }

    private static String describe(HazeSampler.Ranges r) {
        return String.format(Locale.ROOT, "farthest transmission %.2f-%.2f, airlight %.2f-%.2f (tint %.2f),"
                + " near %.2f-%.2f, relief %.2f", r.minTransmission(), r.maxTransmission(), r.airlightMin(),
                r.airlightMax(), r.tintMax(), r.nearMin(), r.nearMax(), r.reliefMax());
    }

    private static String sources(List<Path> data, List<PairPaths> pairs) {
        String named = names(data);
        if (pairs.isEmpty()) {
            return named;
        }
        return (named.isEmpty() ? "" : named + " and ") + pairs.size() + " pairs chosen one by one";
    }

    /**
     * The sources as a reader of the manifest wants them: a list file with its folder (three {@code train.txt} of
     * different sets are not the same data), a source given several times (to weigh it) once with its count.
     */
    static String names(List<Path> sources) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Path p : sources) {
            counts.merge(label(p), 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String label(Path source) {
        Path name = source.getFileName();
        if (name == null) {
            return source.toString();
        }
        Path folder = source.toAbsolutePath().normalize().getParent();
        boolean listFile = Files.isRegularFile(source) && folder != null && folder.getFileName() != null;
        return listFile ? folder.getFileName() + "/" + name : name.toString();
    }

    /**
     * The augmented patch sampler a configuration trains on: a network with the physical prior gets the whole
     * frame's prior with each patch (see {@link PatchSampler}), or corrections learned on patches do not carry over to
     * whole frames.
     */
    public static PatchSampler sampler(TrainingSet set, int patch, long seed, IassfConfig model) {
        return new PatchSampler(set, patch, true, seed, model.physicsPrior());
    }

    /** Pairs of a folder or of a list file (whose pairs live in the list's folder). */
    public static List<PairPaths> find(Path source, List<String> warnings) {
        if (!Files.exists(source)) {
            throw new BadInputException(source, "no such file or folder");
        }
        FoundPairs found = Files.isRegularFile(source)
                ? PairFinder.fromList(source, source.toAbsolutePath().getParent())
                : PairFinder.inFolder(source);
        warnings.addAll(found.warnings());
        return found.pairs();
    }
}
