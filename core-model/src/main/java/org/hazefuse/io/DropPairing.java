package org.hazefuse.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hazefuse.io.PairNames.Role;

/**
 * Pairs what a user dropped: folders by {@link PairFinder#inFolder} when they hold an infrared subfolder, else by
 * their loose images; a single loose image with the partner found beside it ({@link PartnerLookup}); loose images
 * two by role, more by {@link PairNames#key}. Problems are collected, not thrown,
 * so one bad file does not lose the rest of a drop.
 */
final class DropPairing {
    private DropPairing() {
    }

    static DroppedPairs pair(List<Path> dropped) {
        List<PairPaths> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        for (Path p : dropped) {
            if (Files.isDirectory(p)) {
                DroppedPairs inFolder = pairFolder(p);
                pairs.addAll(inFolder.pairs());
                problems.addAll(inFolder.problems());
            } else if (PairFinder.hasImageExtension(p.getFileName().toString())) {
                loose.add(p);
            } else {
                problems.add(p + ": not an image file (expected PNG, JPEG, BMP or TIFF).");
            }
        }
        if (loose.size() == 1) {
            // One image of a pair: its partner is looked up beside it, so dropping either file opens the pair.
            Optional<PairPaths> found = PartnerLookup.find(loose.get(0));
            found.ifPresentOrElse(pairs::add, () -> problems.add(PartnerLookup.notFound(loose.get(0))));
            return new DroppedPairs(pairs, List.of(), problems);
        }
        if (loose.size() == 2) {
            Optional<PairPaths> two = PairFinder.orderByName(loose.get(0), loose.get(1));
            two.ifPresent(pairs::add);
            return new DroppedPairs(pairs, two.isPresent() ? List.of() : loose, problems);
        }
        DroppedPairs byName = pairByKey(loose);
        pairs.addAll(byName.pairs());
        problems.addAll(byName.problems());
        return new DroppedPairs(pairs, List.of(), problems);
    }

    /** A folder with an infrared subfolder is a dataset folder; any other folder is a heap of loose images. */
    private static DroppedPairs pairFolder(Path folder) {
        List<Path> children;
        try (Stream<Path> s = Files.list(folder)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            return new DroppedPairs(List.of(), List.of(), List.of(folder + ": cannot list the folder (" + e.getMessage() + ")"));
        }
        boolean dataset = children.stream().filter(Files::isDirectory)
                .anyMatch(c -> PairNames.roleOfFolder(c.getFileName().toString()) == Role.INFRARED);
        if (dataset) {
            try {
                FoundPairs found = PairFinder.inFolder(folder);
                return new DroppedPairs(found.pairs(), List.of(), found.warnings());
            } catch (BadInputException e) {
                return new DroppedPairs(List.of(), List.of(), List.of(e.getMessage()));
            }
        }
        return pairByKey(children.stream().filter(Files::isRegularFile)
                .filter(f -> PairFinder.hasImageExtension(f.getFileName().toString())).toList());
    }

    /** Loose images grouped by key; each group of two that the names order is a pair. */
    private static DroppedPairs pairByKey(List<Path> files) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path f : files) {
            groups.computeIfAbsent(PairNames.key(f), k -> new ArrayList<>()).add(f);
        }
        List<PairPaths> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (List<Path> group : groups.values()) {
            Optional<PairPaths> pair = group.size() == 2 ? PairFinder.orderByName(group.get(0), group.get(1)) : Optional.empty();
            if (pair.isPresent()) {
                pairs.add(pair.get());
            } else {
                group.forEach(f -> problems.add(f + ": no matching "
                        + (PairNames.roleOf(f) == Role.INFRARED ? "visible" : "infrared") + " image found by name."));
            }
        }
        pairs.sort(Comparator.comparing(PairPaths::stem));
        return new DroppedPairs(pairs, List.of(), problems);
    }
}
