package org.hazefuse.io;

import java.nio.file.Path;
import java.util.List;

/**
 * The names of a pair's output files, for every front end: {@code fuse}, the GUI's export and {@code eval}'s
 * reading of another tool's outputs all use these, so a folder written by one is read by the others.
 */
public final class OutputNames {
    /** Suffix of the restored (dehazed) visible image. */
    public static final String DEHAZED = "_dehazed";
    /** Suffix of the density / degradation map, as gray levels (0 = clear), so it stays measurable. */
    public static final String DENSITY = "_density";
    /** Suffix of the density map in the viewer's heat colours, for figures. */
    public static final String DENSITY_COLOUR = "_density_color";
    /** Suffix of the fused image. */
    public static final String FUSED = "_fused";
    /** Suffix of the synthesized hazy input, when the run hazed a clear pair. */
    public static final String HAZY = "_hazy";
    /** Every output is a PNG. */
    public static final String EXTENSION = ".png";

    /** The three files every run of a method on a pair writes. */
    public record PairOutputs(Path dehazed, Path density, Path fused) {
        public List<Path> all() {
            return List.of(dehazed, density, fused);
        }
    }

    private OutputNames() {}

    /** The three outputs of the pair named {@code name} in {@code folder}. */
    public static PairOutputs of(Path folder, String name) {
        String base = fileName(name);
        return new PairOutputs(folder.resolve(base + DEHAZED + EXTENSION), folder.resolve(base + DENSITY + EXTENSION),
                folder.resolve(base + FUSED + EXTENSION));
    }

    /** One output of the pair named {@code name}, e.g. {@code file(folder, "FLIR_00122", HAZY)}. */
    public static Path file(Path folder, String name, String suffix) {
        return folder.resolve(fileName(name) + suffix + EXTENSION);
    }

    /** A pair name as a file name: path separators and control characters replaced, never empty. */
    public static String fileName(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        return s.isEmpty() ? "pair" : s;
    }
}
