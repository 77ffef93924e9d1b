/**
 * Degradation synthesis for every task id of LURE (docs/design/lure.md, "Degradations"): haze, low light,
 * over-exposure, noise, blur, rain and low resolution on visible (RGB) images; noise, column stripes and low
 * contrast on infrared (one-channel) images; and the identity {@code none}. Seeded and reproducible; formulas,
 * presets and ranges in docs/degradations.md.
 *
 * <p>{@link org.hazefuse.degradation.Task} names the ids, their modality and the order a combination is applied
 * in; one class per task ({@link org.hazefuse.degradation.LowLight}, …) holds its formula, presets and ranges;
 * {@link org.hazefuse.degradation.DegradationPresets} and {@link org.hazefuse.degradation.DegradationSampler}
 * give the fixed and the random degradation of a task; a {@link org.hazefuse.degradation.DegradationPlan} is
 * what a run does to every image, and {@link org.hazefuse.degradation.DegradationSynthesizer} applies it.
 * Haze is delegated to {@link org.hazefuse.haze.HazeSynthesizer}; everything else is plain Java on
 * {@link org.hazefuse.image.FloatImage}.
 */
package org.hazefuse.degradation;
