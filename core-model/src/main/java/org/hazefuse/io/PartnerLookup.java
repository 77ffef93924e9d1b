package org.hazefuse.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.hazefuse.io.PairNames.Role;

/**
 * The partner of one dropped image, looked up next to it, so a user can drop a single file of a pair:
 * <ol>
 *   <li>in its own folder, the one image with the same {@link PairNames#key} whose name tells the other role
 *       ({@code 001_vis.png} finds {@code 001_ir.png});
 *   <li>when its folder is a role folder ({@code vis/}, {@code ir/}, {@code hazy/}), the image with the same stem in
 *       the sibling folder of the other role ({@code set/ir/7.png} finds {@code set/vis/7.png}), with the clear
 *       reference from {@code gt/} beside a {@code hazy/} folder, as a folder drop would pair it.
 * </ol>
 * Two candidates are as bad as none: the lookup never guesses.
 */
final class PartnerLookup {
    private PartnerLookup() {
    }

    /** The pair of {@code file}, or empty when nothing next to it is its one partner. */
    static Optional<PairPaths> find(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        return byName(file, folder).or(() -> inSiblingFolder(file, folder));
    }

    /** What the problem line says when {@link #find} finds nothing. */
    static String notFound(Path file) {
        return file + ": no partner found next to it (the same name with the other role word, e.g. 001_vis.png and "
                + "001_ir.png, or the same name in a vis/ or ir/ folder beside it); drop both images.";
    }

    private static Optional<PairPaths> byName(Path file, Path folder) {
        String key = PairNames.key(file);
        if (key.isEmpty() || PairNames.roleOfName(PairFinder.stem(file)) == Role.UNKNOWN) {
            return Optional.empty();
        }
        List<PairPaths> pairs = images(folder).stream()
                .filter(other -> !other.equals(file.toAbsolutePath().normalize()))
                .filter(other -> PairNames.key(other).equals(key))
                .map(other -> PairFinder.orderByName(file, other))
                .flatMap(Optional::stream)
                .toList();
        return pairs.size() == 1 ? Optional.of(pairs.get(0)) : Optional.empty();
    }

    private static Optional<PairPaths> inSiblingFolder(Path file, Path folder) {
        Path root = folder.getParent();
        if (root == null || folder.getFileName() == null) {
            return Optional.empty();
        }
        String name = folder.getFileName().toString();
        boolean hazy = name.equalsIgnoreCase(PairFinder.HAZY_FOLDER);
        Role role = hazy ? Role.VISIBLE : PairNames.roleOfFolder(name);
        if (role == Role.UNKNOWN) {
            return Optional.empty();
        }
        List<Path> siblings = folders(root);
        boolean triplet = hazy || role == Role.INFRARED && siblings.stream()
                .anyMatch(s -> s.getFileName().toString().equalsIgnoreCase(PairFinder.HAZY_FOLDER));
        String stem = PairFinder.stem(file);
        Optional<Path> partner;
        if (role == Role.VISIBLE) {
            partner = oneWithStem(siblings.stream().filter(s -> PairNames.roleOfFolder(s.getFileName().toString()) == Role.INFRARED), stem);
        } else if (triplet) {
            partner = oneWithStem(siblings.stream().filter(s -> s.getFileName().toString().equalsIgnoreCase(PairFinder.HAZY_FOLDER)), stem);
        } else {
            partner = oneWithStem(siblings.stream().filter(s -> PairNames.roleOfFolder(s.getFileName().toString()) == Role.VISIBLE), stem);
        }
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        Path visible = role == Role.VISIBLE ? file : partner.get();
        Path infrared = role == Role.VISIBLE ? partner.get() : file;
        Optional<Path> clear = triplet
                ? oneWithStem(siblings.stream().filter(s -> PairFinder.CLEAR_FOLDERS.contains(
                        s.getFileName().toString().toLowerCase(Locale.ROOT))), stem)
                : Optional.empty();
        return Optional.of(new PairPaths(PairFinder.stem(visible), visible, infrared, clear));
    }

    private static Optional<Path> oneWithStem(Stream<Path> folders, String stem) {
        List<Path> matches = folders.flatMap(f -> images(f).stream())
                .filter(f -> PairFinder.stem(f).equals(stem))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static List<Path> images(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> PairFinder.hasImageExtension(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
