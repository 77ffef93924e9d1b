package org.hazefuse.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hazefuse.io.PairNames.Role;

/**
 * Finds registered visible/infrared pairs (and clear references) on disk. Only paths are returned; reading is
 * {@link PairLoader}'s job.
 *
 * <p>Layouts understood:
 * <ul>
 *   <li>two files ({@link #ofFiles});
 *   <li>a folder with a visible and an infrared subfolder ({@link #inFolder}); a subfolder's role is its
 *       whole name, one of {@link PairNames}' role words (any case);
 *   <li>a triplet folder: {@code hazy/} + infrared subfolder + optional {@code gt/} (or {@code clear/});
 *   <li>two (or three) folders given directly ({@link #inFolders});
 *   <li>a list of stems such as RoadScene's {@code train.txt} ({@link #fromList});
 *   <li>whatever a user dropped: folders and loose files paired by name ({@link #ofDropped}).
 * </ul>
 * Files are matched by stem (name without extension, case-sensitive, so {@code a.png} pairs with
 * {@code a.jpg}). Files without a partner, duplicate stems and non-image files become warnings in the
 * {@link FoundPairs}, never silent drops. Hidden files (starting with a dot) and subfolders are skipped.
 */
public final class PairFinder {
    /** Subfolder name of hazy visible images in triplet folders. */
    public static final String HAZY_FOLDER = "hazy";
    /** Subfolder names (lower case) of clear references in triplet folders. */
    public static final Set<String> CLEAR_FOLDERS = Set.of("gt", "clear");
    /** Image file extensions (lower case) that {@link ImageLoader} reads. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    private PairFinder() {
    }

    /**
     * One pair from two files, in the order given, named by {@link PairNames#pairName} as a drop of the same two
     * files would be ({@code 01_vis.png} with {@code 01_ir.png} is pair {@code 01}).
     *
     * @throws BadInputException if a file is missing, is a folder, or is not an image file by its extension
     */
    public static FoundPairs ofFiles(Path visible, Path infrared) {
        requireImageFile(visible);
        requireImageFile(infrared);
        return new FoundPairs(List.of(new PairPaths(PairNames.pairName(visible, infrared), visible, infrared)), List.of());
    }

    /**
     * Pairs in a folder that holds a visible and an infrared subfolder, or a triplet folder ({@code hazy/},
     * infrared, optional {@code gt/}).
     *
     * @throws BadInputException if the folder is missing, has no such subfolders, or has two subfolders for
     *     the same role (e.g. {@code vis/} and {@code rgb/})
     */
    public static FoundPairs inFolder(Path root) {
        requireFolder(root);
        List<Path> subfolders;
        try (Stream<Path> s = Files.list(root)) {
            subfolders = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(root, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        Optional<Path> hazy = pick(root, subfolders, Set.of(HAZY_FOLDER), "hazy");
        Optional<Path> visible = hazy.isPresent() ? hazy : pick(root, subfolders, PairNames.VISIBLE_WORDS, "visible");
        Optional<Path> infrared = pick(root, subfolders, PairNames.INFRARED_WORDS, "infrared");
        Optional<Path> clear = hazy.isPresent() ? pick(root, subfolders, CLEAR_FOLDERS, "clear") : Optional.empty();
        if (visible.isEmpty() || infrared.isEmpty()) {
            List<String> names = subfolders.stream().map(p -> p.getFileName().toString()).toList();
            throw new BadInputException(root, "no visible and infrared subfolders found (expected one of "
                    + "vis, vi, visible, rgb, color, colour (or hazy + gt) and one of ir, infrared, thermal, lwir; found "
                    + (names.isEmpty() ? "no subfolders" : String.join(", ", names)) + ")");
        }
        return inFolders(visible.get(), infrared.get(), clear);
    }

    /**
     * Pairs from a visible folder and an infrared folder matched by stem, with clear references from
     * {@code clearFolder} when given (a pair without a reference is kept, with a warning).
     */
    public static FoundPairs inFolders(Path visibleFolder, Path infraredFolder, Optional<Path> clearFolder) {
        List<String> warnings = new ArrayList<>();
        Map<String, Path> vis = imagesByStem(visibleFolder, warnings);
        Map<String, Path> ir = imagesByStem(infraredFolder, warnings);
        Map<String, Path> clear = clearFolder.map(f -> imagesByStem(f, warnings)).orElse(Map.of());
        List<PairPaths> pairs = new ArrayList<>();
        for (Map.Entry<String, Path> e : vis.entrySet()) {
            Path partner = ir.get(e.getKey());
            if (partner == null) {
                warnings.add(e.getValue() + ": no infrared image with stem '" + e.getKey() + "' in "
                        + infraredFolder + "; skipped");
                continue;
            }
            Optional<Path> reference = Optional.ofNullable(clear.get(e.getKey()));
            if (clearFolder.isPresent() && reference.isEmpty()) {
                warnings.add(e.getValue() + ": no clear image with stem '" + e.getKey() + "' in "
                        + clearFolder.get() + "; pair kept without a reference");
            }
            pairs.add(new PairPaths(e.getKey(), e.getValue(), partner, reference));
        }
        for (Map.Entry<String, Path> e : ir.entrySet()) {
            if (!vis.containsKey(e.getKey())) {
                warnings.add(e.getValue() + ": no visible image with stem '" + e.getKey() + "' in "
                        + visibleFolder + "; skipped");
            }
        }
        for (Map.Entry<String, Path> e : clear.entrySet()) {
            if (!vis.containsKey(e.getKey()) || !ir.containsKey(e.getKey())) {
                warnings.add(e.getValue() + ": clear image without a visible/infrared pair; skipped");
            }
        }
        return new FoundPairs(pairs, warnings);
    }

    /**
     * The pairs of {@code root} (see {@link #inFolder}) whose stems are listed in {@code listFile}, in list
     * order. The list has one stem per line (RoadScene's {@code train.txt}/{@code val.txt} format, e.g.
     * {@code FLIR_00006}); a file name with an image extension is also accepted; blank lines and lines
     * starting with {@code #} are skipped. Listed stems without a pair become warnings.
     */
    public static FoundPairs fromList(Path listFile, Path root) {
        if (!Files.isRegularFile(listFile)) {
            throw new BadInputException(listFile, "list file not found");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(listFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(listFile, "cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        FoundPairs all = inFolder(root);
        Map<String, PairPaths> byStem = new TreeMap<>();
        all.pairs().forEach(p -> byStem.put(p.stem(), p));
        List<String> warnings = new ArrayList<>();
        List<PairPaths> pairs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String stem = hasImageExtension(entry) ? stem(Path.of(entry)) : entry;
            if (!seen.add(stem)) {
                warnings.add(listFile + ": '" + stem + "' is listed twice; used once");
                continue;
            }
            PairPaths pair = byStem.get(stem);
            if (pair == null) {
                warnings.add(listFile + ": '" + stem + "' is listed but has no pair in " + root);
            } else {
                pairs.add(pair);
            }
        }
        return new FoundPairs(pairs, warnings);
    }

    /**
     * Decides which of two loose files (e.g. dropped on the GUI together) is infrared, by {@link PairNames#roleOf}
     * (the file's name, else its folder's). One role known is enough; the pair is named by {@link PairNames#pairName}.
     *
     * @return the pair ordered (visible, infrared), or empty when the names do not decide
     */
    public static Optional<PairPaths> orderByName(Path first, Path second) {
        Role a = PairNames.roleOf(first);
        Role b = PairNames.roleOf(second);
        Path visible;
        Path infrared;
        if (a == Role.INFRARED && b != Role.INFRARED || b == Role.VISIBLE && a != Role.VISIBLE) {
            visible = second;
            infrared = first;
        } else if (b == Role.INFRARED && a != Role.INFRARED || a == Role.VISIBLE && b != Role.VISIBLE) {
            visible = first;
            infrared = second;
        } else {
            return Optional.empty();
        }
        return Optional.of(new PairPaths(PairNames.pairName(visible, infrared), visible, infrared));
    }

    /**
     * Pairs files and folders as a user dropped or opened them: each folder by {@link #inFolder} when it has an
     * infrared subfolder, else by its loose images; one loose image with its partner found next to it (same name
     * with the other role word, or the same name in the other role's sibling folder); two loose images by {@link #orderByName} (undecided when the
     * names do not tell); more loose images grouped by {@link PairNames#key}. Nothing is thrown for one bad file:
     * it becomes a problem line.
     */
    public static DroppedPairs ofDropped(List<Path> dropped) {
        return DropPairing.pair(dropped);
    }

    /** The file name without its last extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** True if the name ends with one of {@link #IMAGE_EXTENSIONS} (any case). */
    public static boolean hasImageExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Optional<Path> pick(Path root, List<Path> subfolders, Set<String> names, String role) {
        List<Path> matches = subfolders.stream()
                .filter(p -> names.contains(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                .toList();
        if (matches.size() > 1) {
            throw new BadInputException(root, "more than one " + role + " subfolder ("
                    + String.join(", ", matches.stream().map(p -> p.getFileName().toString()).toList())
                    + "); keep one");
        }
        return matches.stream().findFirst();
    }

    private static Map<String, Path> imagesByStem(Path folder, List<String> warnings) {
        requireFolder(folder);
        Map<String, Path> byStem = new TreeMap<>();
        Map<String, List<Path>> duplicates = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        for (Path file : files) {
            if (!hasImageExtension(file.getFileName().toString())) {
                warnings.add(file + ": not an image file (PNG, JPEG, BMP or TIFF); ignored");
                continue;
            }
            String stem = stem(file);
            Path previous = byStem.putIfAbsent(stem, file);
            if (previous != null) {
                duplicates.computeIfAbsent(stem, k -> new ArrayList<>(List.of(previous))).add(file);
            }
        }
        duplicates.forEach((stem, paths) -> {
            byStem.remove(stem);
            warnings.add(folder + ": several files with stem '" + stem + "' ("
                    + String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList())
                    + "); skipped, keep one");
        });
        return byStem;
    }

    private static void requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, Files.exists(folder) ? "is a file, a folder was expected" : "folder not found");
        }
    }

    private static void requireImageFile(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, an image file was expected");
        }
        if (!hasImageExtension(file.getFileName().toString())) {
            throw new BadInputException(file, "not an image file (PNG, JPEG, BMP or TIFF expected)");
        }
    }
}
