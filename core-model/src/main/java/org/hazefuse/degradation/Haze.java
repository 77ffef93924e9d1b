package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hazefuse.haze.HazePreset;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code haze} (docs/design/lure.md, "Degradations"): the atmospheric scattering model of IASSF, delegated
 * to {@link HazeSynthesizer} so that LURE and IASSF are evaluated on the same hazes: the presets are
 * {@link HazePreset}'s, the random draws {@link HazeSampler}'s default ranges.
 *
 * @param settings the haze, fully determined (its own seed fixes the depth relief)
 */
public record Haze(HazeSettings settings) implements Degradation {
    public Haze {
        Objects.requireNonNull(settings, "settings");
    }

    public static Haze preset(Severity severity) {
        return new Haze(switch (severity) {
            case LIGHT -> HazePreset.LIGHT.settings();
            case MEDIUM -> HazePreset.MEDIUM.settings();
            case HEAVY -> HazePreset.HEAVY.settings();
        });
    }

    public static Haze sample(SplittableRandom random) {
        return new Haze(new HazeSampler().sample(random.nextLong()));
    }

    @Override
    public Task task() {
        return Task.HAZE;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        return HazeSynthesizer.apply(image, settings).hazy();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("beta", settings.beta());
        p.put("airlightR", settings.airlight().r());
        p.put("airlightG", settings.airlight().g());
        p.put("airlightB", settings.airlight().b());
        p.put("depth", settings.mode().name().toLowerCase(Locale.ROOT));
        p.put("near", settings.near());
        p.put("centerX", settings.centerX());
        p.put("centerY", settings.centerY());
        p.put("relief", settings.relief());
        p.put("minTransmission", settings.minTransmission());
        return p;
    }
}
