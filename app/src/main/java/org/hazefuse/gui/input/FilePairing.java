package org.hazefuse.gui.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.PairFinder;

/**
 * Turns dropped or opened files and folders into visible/infrared pairs, by name.
 *
 * <p>Roles come from name tokens (split at anything not a letter or digit, so {@code FLIR_0006} is not
 * infrared but {@code 0006_ir} is): {@code ir, infrared, thermal, lwir} mean infrared, {@code vis, vi, visible,
 * rgb, color, colour} visible; a file inside a folder with such a name takes the folder's role. Two files are
 * paired when at least one role is known and the roles differ; otherwise the user is asked. A folder is either
 * {@code vis/} + {@code ir/} style subfolders matched by file name, or loose files matched by name with the role
 * token removed ({@code 001_ir.png} with {@code 001_vis.png} gives pair {@code 001}). Folders with role
 * subfolders go to core {@link PairFinder}, which also reads triplet folders with clear references.
 */
public final class FilePairing {
    public enum Role { VISIBLE, INFRARED, UNKNOWN }

    private static final Set<String> INFRARED_WORDS = Set.of("ir", "infrared", "thermal", "lwir");
    private static final Set<String> VISIBLE_WORDS = Set.of("vis", "vi", "visible", "rgb", "color", "colour");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "gif");

    private FilePairing() {
    }

    /** Pairs everything dropped: folders are searched (one level of role subfolders), loose images matched. */
    public static DropOutcome pair(List<Path> dropped) {
        List<InputPair> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        for (Path p : dropped) {
            if (Files.isDirectory(p)) {
                DropOutcome inFolder = pairFolder(p);
                pairs.addAll(inFolder.pairs());
                problems.addAll(inFolder.problems());
            } else if (isImage(p)) {
                loose.add(p);
            } else {
                problems.add(p + ": not an image file (expected PNG, JPEG, BMP or TIFF).");
            }
        }
        if (loose.size() == 2) {
            Optional<InputPair> two = pairTwo(loose.get(0), loose.get(1));
            if (two.isPresent()) {
                pairs.add(two.get());
                return new DropOutcome(pairs, List.of(), problems);
            }
            return new DropOutcome(pairs, loose, problems);
        }
        DropOutcome byName = pairByName(loose);
        pairs.addAll(byName.pairs());
        problems.addAll(byName.problems());
        return new DropOutcome(pairs, List.of(), problems);
    }

    /** Two files: paired when their roles are known and differ (one known role suffices). */
    public static Optional<InputPair> pairTwo(Path a, Path b) {
        Role ra = roleOf(a);
        Role rb = roleOf(b);
        Path infrared;
        Path visible;
        if ((ra == Role.INFRARED && rb != Role.INFRARED) || (rb == Role.VISIBLE && ra != Role.VISIBLE)) {
            infrared = a;
            visible = b;
        } else if ((rb == Role.INFRARED && ra != Role.INFRARED) || (ra == Role.VISIBLE && rb != Role.VISIBLE)) {
            infrared = b;
            visible = a;
        } else {
            return Optional.empty();
        }
        String name = key(visible).equals(key(infrared)) && !key(visible).isEmpty() ? displayKey(visible) : stem(visible);
        return Optional.of(new InputPair(name, visible, infrared));
    }

    /**
     * A folder: the layouts of core {@link PairFinder#inFolder} (visible + infrared subfolders matched by file name,
     * or a triplet folder hazy/ + ir/ + gt/ whose clear images give reference metrics), else its loose images
     * matched by name.
     */
    public static DropOutcome pairFolder(Path folder) {
        List<Path> children = list(folder);
        boolean hasRoleSubfolders = children.stream().filter(Files::isDirectory)
                .map(c -> c.getFileName().toString().toLowerCase(Locale.ROOT))
                .anyMatch(n -> PairFinder.INFRARED_FOLDERS.contains(n));
        if (hasRoleSubfolders) {
            try {
                FoundPairs found = PairFinder.inFolder(folder);
                List<InputPair> pairs = found.pairs().stream()
                        .map(p -> new InputPair(p.stem(), p.visible(), p.infrared(), p.clear())).toList();
                return new DropOutcome(pairs, List.of(), found.warnings());
            } catch (BadInputException e) {
                return new DropOutcome(List.of(), List.of(), List.of(e.getMessage()));
            }
        }
        return pairByName(children.stream().filter(Files::isRegularFile).filter(FilePairing::isImage).toList());
    }

    /** Loose files: grouped by name without role tokens; each group of one visible and one infrared is a pair. */
    static DropOutcome pairByName(List<Path> files) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path f : files) {
            groups.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
        List<InputPair> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (List<Path> group : groups.values()) {
            Optional<InputPair> pair = group.size() == 2 ? pairTwo(group.get(0), group.get(1)) : Optional.empty();
            if (pair.isPresent()) {
                pairs.add(pair.get());
            } else {
                group.forEach(f -> problems.add(f + ": no matching "
                        + (roleOf(f) == Role.INFRARED ? "visible" : "infrared") + " image found by name."));
            }
        }
        pairs.sort(Comparator.comparing(InputPair::name));
        return new DropOutcome(pairs, List.of(), problems);
    }

    /** The role the file's name (or its folder's name) tells. */
    public static Role roleOf(Path file) {
        Role own = roleOfWords(tokens(stem(file)));
        if (own != Role.UNKNOWN) {
            return own;
        }
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? Role.UNKNOWN : roleOfWord(parent.getFileName().toString());
    }

    private static Role roleOfWord(String name) {
        return roleOfWords(tokens(name));
    }

    private static Role roleOfWords(List<String> words) {
        boolean ir = words.stream().anyMatch(INFRARED_WORDS::contains);
        boolean vis = words.stream().anyMatch(VISIBLE_WORDS::contains);
        if (ir == vis) {
            return Role.UNKNOWN;
        }
        return ir ? Role.INFRARED : Role.VISIBLE;
    }

    /** The name with role tokens removed, lower case: the key both files of a pair share. */
    static String key(Path file) {
        List<String> kept = tokens(stem(file)).stream()
                .filter(t -> !INFRARED_WORDS.contains(t) && !VISIBLE_WORDS.contains(t))
                .toList();
        return String.join("_", kept);
    }

    /** {@link #key} in the file's own letter case, for the pair's label. */
    static String displayKey(Path file) {
        List<String> kept = Stream.of(stem(file).split("[^\\p{Alnum}]+"))
                .filter(t -> !t.isEmpty())
                .filter(t -> !INFRARED_WORDS.contains(t.toLowerCase(Locale.ROOT))
                        && !VISIBLE_WORDS.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
        return String.join("_", kept);
    }

    private static List<String> tokens(String name) {
        return Stream.of(name.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")).filter(s -> !s.isEmpty()).toList();
    }

    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
