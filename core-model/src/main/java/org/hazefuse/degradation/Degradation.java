package org.hazefuse.degradation;

import java.util.Map;
import org.hazefuse.image.FloatImage;

/**
 * One degradation of one task, with its parameters fixed (docs/design/lure.md, "Degradations"). The same
 * degradation and the same seed on the same image give the same result, bit for bit.
 *
 * <p>Each task has its own class, which holds its formula, its presets ({@code preset(Severity)}) and its
 * sampling ranges ({@code sample(SplittableRandom)}); {@link DegradationPresets} and {@link DegradationSampler}
 * dispatch on the {@link Task}. Images are in [0, 1] and stay there (results are clamped).
 */
public sealed interface Degradation
        permits Haze, LowLight, OverExposure, SensorNoise, GaussianBlur, MotionBlur, Rain, LowResolution,
        IrNoise, IrStripes, IrLowContrast, Identity {

    Task task();

    /**
     * Degrades {@code image} into a new image of the same size and channels.
     *
     * @param seed the random realization (noise samples, streak positions); ignored by deterministic tasks
     * @throws IllegalArgumentException if the task does not apply to the image's modality (see
     *     {@link Task#requireModality(Modality)})
     */
    FloatImage apply(FloatImage image, long seed);

    /** The parameters by name, in a stable order, for the record of a run (numbers, or a word for a kind). */
    Map<String, Object> parameters();
}
