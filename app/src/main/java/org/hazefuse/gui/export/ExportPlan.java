package org.hazefuse.gui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hazefuse.gui.image.HeatColorMap;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.OutputNames;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * The files one pair's export writes: {@code NAME_dehazed.png}, {@code NAME_density.png} (the density as gray
 * levels, 0 = clear, so it stays measurable), {@code NAME_density_color.png} (the viewer's heat colours, for
 * figures), {@code NAME_fused.png} and, with synthesized haze, {@code NAME_hazy.png}: core's {@link OutputNames}, so a
 * GUI export reads like a {@code fuse} folder. Pure naming rules, checked before anything is written.
 */
public final class ExportPlan {
    private ExportPlan() {
    }

    /** Output file → image, in writing order. */
    public static Map<Path, FloatImage> files(Path folder, ImagePair input, FusionResult result) {
        boolean hazy = input.clearVisible().isPresent();
        List<Path> names = names(folder, input.name(), hazy);
        List<FloatImage> images = new ArrayList<>();
        if (hazy) {
            images.add(input.visible());
        }
        images.addAll(List.of(result.dehazed(), result.density(), HeatColorMap.colorize(result.density()), result.fused()));
        Map<Path, FloatImage> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), images.get(i));
        }
        return out;
    }

    /** Just the names, for checks before the results exist (batch export). */
    public static List<Path> names(Path folder, String pairName, boolean hazy) {
        List<Path> out = new ArrayList<>();
        if (hazy) {
            out.add(OutputNames.file(folder, pairName, OutputNames.HAZY));
        }
        for (String suffix : List.of(OutputNames.DEHAZED, OutputNames.DENSITY, OutputNames.DENSITY_COLOUR,
                OutputNames.FUSED)) {
            out.add(OutputNames.file(folder, pairName, suffix));
        }
        return out;
    }

    /** The outputs that would replace an input file: never allowed. */
    public static List<Path> clashesWithInputs(List<Path> outputs, Set<Path> inputs) {
        Set<Path> normalizedInputs = new java.util.HashSet<>();
        inputs.forEach(p -> normalizedInputs.add(p.toAbsolutePath().normalize()));
        return outputs.stream().filter(o -> normalizedInputs.contains(o.toAbsolutePath().normalize())).toList();
    }
}
