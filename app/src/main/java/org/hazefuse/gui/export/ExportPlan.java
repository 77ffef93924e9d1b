package org.hazefuse.gui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * The files one pair's export writes: {@code NAME_dehazed.png}, {@code NAME_density.png} (the density as gray
 * levels, 0 = clear, so it stays measurable), {@code NAME_density_color.png} (the viewer's heat colours, for
 * figures), {@code NAME_fused.png} and, with synthesized haze, {@code NAME_hazy.png}. Pure naming rules, checked
 * before anything is written.
 */
public final class ExportPlan {
    private ExportPlan() {
    }

    /** Output file → image, in writing order. */
    public static Map<Path, FloatImage> files(Path folder, ImagePair input, FusionResult result) {
        String base = safe(input.name());
        Map<Path, FloatImage> out = new LinkedHashMap<>();
        if (input.clearVisible().isPresent()) {
            out.put(folder.resolve(base + "_hazy.png"), input.visible());
        }
        out.put(folder.resolve(base + "_dehazed.png"), result.dehazed());
        out.put(folder.resolve(base + "_density.png"), result.density());
        out.put(folder.resolve(base + "_density_color.png"), org.hazefuse.gui.image.HeatColorMap.colorize(result.density()));
        out.put(folder.resolve(base + "_fused.png"), result.fused());
        return out;
    }

    /** Just the names, for checks before the results exist (batch export). */
    public static List<Path> names(Path folder, String pairName, boolean hazy) {
        String base = safe(pairName);
        List<Path> out = new ArrayList<>();
        if (hazy) {
            out.add(folder.resolve(base + "_hazy.png"));
        }
        for (String suffix : List.of("_dehazed.png", "_density.png", "_density_color.png", "_fused.png")) {
            out.add(folder.resolve(base + suffix));
        }
        return out;
    }

    /** The outputs that would replace an input file: never allowed. */
    public static List<Path> clashesWithInputs(List<Path> outputs, Set<Path> inputs) {
        Set<Path> normalizedInputs = new java.util.HashSet<>();
        inputs.forEach(p -> normalizedInputs.add(p.toAbsolutePath().normalize()));
        return outputs.stream().filter(o -> normalizedInputs.contains(o.toAbsolutePath().normalize())).toList();
    }

    /** A pair name as a file name: path separators and control characters replaced. */
    static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        return s.isEmpty() ? "pair" : s;
    }
}
