package org.hazefuse.degradation;

import java.util.ArrayList;
import java.util.List;
import org.hazefuse.image.FloatImage;

/**
 * Applies degradations to a clean image (docs/design/lure.md, "Degradations"): the one place a degraded image is
 * made from a clean one, for training samples, evaluation inputs and {@code synth-degrade}.
 *
 * <p>Order: a combination is applied in {@link Task#APPLICATION_ORDER} whatever order it was given in (e.g.
 * {@code low-light} then {@code noise}; {@code blur} before {@code low-resolution}), so {@code noise,low-light}
 * and {@code low-light,noise} are the same degradation. Every step's modality is checked before any work is done.
 * Seeds: each task's random realization comes from {@link DegradationSeeds#realization(long, Task)} of the
 * image seed, so the same (run seed, image name) gives the same image, bit for bit. Stateless and thread-safe.
 */
public final class DegradationSynthesizer {
    private DegradationSynthesizer() {
    }

    /**
     * Degrades image {@code name} of a run seeded with {@code seed} as {@code plan} says: the presets, or this
     * image's random draw.
     *
     * @throws IllegalArgumentException if a task of the plan does not apply to the image's modality
     */
    public static DegradationResult degrade(FloatImage clean, String name, DegradationPlan plan, long seed) {
        long imageSeed = DegradationSeeds.forImage(seed, name);
        return apply(clean, plan.degradations(imageSeed), imageSeed);
    }

    /**
     * Applies {@code degradations} (with their parameters fixed) in application order.
     *
     * @param imageSeed the image's seed ({@link DegradationSeeds#forImage}); each task's realization is derived
     *     from it
     * @throws IllegalArgumentException if one of them does not apply to the image's modality; nothing is computed
     */
    public static DegradationResult apply(FloatImage clean, List<Degradation> degradations, long imageSeed) {
        Modality modality = Modality.of(clean);
        for (Degradation d : degradations) {
            d.task().requireModality(modality);
        }
        List<Degradation> ordered = new ArrayList<>(degradations);
        ordered.sort((a, b) -> Task.APPLICATION_ORDER.compare(a.task(), b.task()));
        FloatImage image = clean;
        for (Degradation d : ordered) {
            image = d.apply(image, DegradationSeeds.realization(imageSeed, d.task()));
        }
        return new DegradationResult(image, ordered);
    }
}
