package org.hazefuse.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What file and folder names say about a pair: which image is visible and which infrared, and the name the pair
 * goes by. The one rule set for every front end: the GUI's drops and {@code fuse} on two files both use it.
 *
 * <p>Role words (any case): visible {@code vis, vi, visible, rgb, color, colour}; infrared
 * {@code ir, infrared, thermal, lwir}. A file name (without extension) is read in two steps:
 * <ol>
 *   <li>split at separators (anything not an ASCII letter or digit); if these words name one role, that is the
 *       file's role ({@code sceneIR01-vis} is visible: {@code vis} decides, {@code sceneir01} is one word);
 *   <li>otherwise split further at letter/digit and lower-to-upper-case changes ({@code vis16} is
 *       {@code vis 16}, so visible; {@code sceneIR} is {@code scene IR}, so infrared); {@code FLIR_0006} stays
 *       {@code flir 0006}, not infrared, because an all-capital word is not split.
 * </ol>
 * Words of both roles, or none, leave the name undecided. A folder's role is its whole name: one of the role
 * words ({@code vis/}, {@code Thermal/}); a file whose own name is undecided takes its folder's role.
 *
 * <p>Two files belong together by their <em>key</em>: the letters and digits of the name, lower case, without the
 * role words ({@code 001_IR} and {@code 001-vis} both give {@code 001}). A pair is named after its visible file
 * without the role word and the separators around it ({@code my-vis-01} gives {@code my-01}) when both files
 * share a non-empty key, else after the visible file's whole stem ({@code photo} with {@code thermal}).
 */
public final class PairNames {
    /** Words (lower case) that mark a visible image or folder. */
    public static final Set<String> VISIBLE_WORDS = Set.of("vis", "vi", "visible", "rgb", "color", "colour");
    /** Words (lower case) that mark an infrared image or folder. */
    public static final Set<String> INFRARED_WORDS = Set.of("ir", "infrared", "thermal", "lwir");

    /** What a name says about an image. */
    public enum Role { VISIBLE, INFRARED, UNKNOWN }

    private PairNames() {
    }

    /** The role of a file: from its name, else from its folder's name. */
    public static Role roleOf(Path file) {
        Role own = roleOfName(PairFinder.stem(file));
        if (own != Role.UNKNOWN) {
            return own;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? Role.UNKNOWN : roleOfFolder(parent.getFileName().toString());
    }

    /** The role a file name (without extension) tells by its words. */
    public static Role roleOfName(String stem) {
        return Reading.of(stem).role();
    }

    /** The role a folder name tells: it is one role word as a whole. */
    public static Role roleOfFolder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (INFRARED_WORDS.contains(lower)) {
            return Role.INFRARED;
        }
        return VISIBLE_WORDS.contains(lower) ? Role.VISIBLE : Role.UNKNOWN;
    }

    /** The key two files of a pair share: the name's letters and digits, lower case, role words left out. */
    public static String key(Path file) {
        Reading r = Reading.of(PairFinder.stem(file));
        StringBuilder key = new StringBuilder();
        for (int[] span : r.spans()) {
            String word = r.word(span);
            if (!r.isRoleWord(word)) {
                key.append(word);
            }
        }
        return key.toString();
    }

    /** The name of the pair of these two files (see the class comment). */
    public static String pairName(Path visible, Path infrared) {
        String key = key(visible);
        return !key.isEmpty() && key.equals(key(infrared)) ? withoutRoleWords(PairFinder.stem(visible)) : PairFinder.stem(visible);
    }

    /** The words the role was read from (or the finest split, when undecided), lower case. */
    static List<String> words(String stem) {
        Reading r = Reading.of(stem);
        return r.spans().stream().map(r::word).toList();
    }

    /** The stem without its role words and the separators around each; the whole stem if nothing is left. */
    private static String withoutRoleWords(String stem) {
        Reading r = Reading.of(stem);
        String name = stem;
        List<int[]> spans = r.spans();
        for (int i = spans.size() - 1; i >= 0; i--) {
            int[] span = spans.get(i);
            if (r.isRoleWord(r.word(span))) {
                String before = name.substring(0, span[0]).replaceAll("[^A-Za-z0-9]+$", "");
                String after = name.substring(span[1]).replaceAll("^[^A-Za-z0-9]+", "");
                char next = name.charAt(before.length());
                // Keep one separator where the word stood between two others ("my-vis-01" gives "my-01").
                String glue = before.isEmpty() || after.isEmpty() || isWordChar(next) ? "" : String.valueOf(next);
                name = before + glue + after;
            }
        }
        return name.isEmpty() ? stem : name;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** A name split into words at the level that decides its role (see the class comment). */
    private record Reading(String name, List<int[]> spans, Role role) {
        static Reading of(String name) {
            List<int[]> coarse = spans(name, false);
            Role role = role(name, coarse);
            if (role != Role.UNKNOWN) {
                return new Reading(name, coarse, role);
            }
            List<int[]> fine = spans(name, true);
            return new Reading(name, fine, role(name, fine));
        }

        String word(int[] span) {
            return name.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
        }

        /** Only the decided role's words are role words: an undecided name keeps all its words. */
        boolean isRoleWord(String word) {
            return role == Role.INFRARED && INFRARED_WORDS.contains(word)
                    || role == Role.VISIBLE && VISIBLE_WORDS.contains(word);
        }

        private static Role role(String name, List<int[]> spans) {
            boolean ir = false;
            boolean vis = false;
            for (int[] span : spans) {
                String word = name.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
                ir |= INFRARED_WORDS.contains(word);
                vis |= VISIBLE_WORDS.contains(word);
            }
            if (ir == vis) {
                return Role.UNKNOWN;
            }
            return ir ? Role.INFRARED : Role.VISIBLE;
        }

        /** [start, end) of each word: runs of ASCII letters and digits, split further at case and digit changes if {@code fine}. */
        private static List<int[]> spans(String name, boolean fine) {
            List<int[]> spans = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= name.length(); i++) {
                boolean word = i < name.length() && isWordChar(name.charAt(i));
                if (start >= 0) {
                    char p = name.charAt(i - 1);
                    char c = word ? name.charAt(i) : ' ';
                    boolean boundary = !word || fine && (Character.isLowerCase(p) && Character.isUpperCase(c)
                            || Character.isDigit(p) != Character.isDigit(c));
                    if (boundary) {
                        spans.add(new int[] {start, i});
                        start = -1;
                    }
                }
                if (word && start < 0) {
                    start = i;
                }
            }
            return spans;
        }
    }
}
