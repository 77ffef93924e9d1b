/**
 * Haze synthesis by the atmospheric scattering model (docs/design/iassf.md, "Haze synthesis"):
 * {@code I = J·t + A·(1 − t)}, {@code t = exp(−β·d)}, with J the clear image, A the airlight and d a smooth
 * depth proxy. Makes the (hazy, infrared, clear) triplets for training and the hazy inputs for evaluation.
 *
 * <p>{@link org.hazefuse.haze.HazeSettings} fixes one haze; {@link org.hazefuse.haze.HazeSampler} draws random
 * settings (default ranges reach transmission 0.05); {@link org.hazefuse.haze.HazePreset} names fixed ones for
 * tables; {@link org.hazefuse.haze.HazeSynthesizer} applies them with engine tensor ops.
 */
package org.hazefuse.haze;
