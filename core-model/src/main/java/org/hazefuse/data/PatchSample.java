package org.hazefuse.data;

/**
 * One augmented training sample, planar CHW floats in [0, 1] (P = patch size), with the random choices that
 * made it (for logs and tests).
 *
 * @param hazy 3·P·P samples
 * @param infrared P·P samples
 * @param clear 3·P·P samples
 * @param prior P·P samples of the whole frame's prior transmission, or null without a frame prior
 * @param airlight the whole frame's prior airlight (3 values), or null without a frame prior
 * @param pairIndex index into {@link TrainingSet#pairs()}
 * @param cropX left of the crop in the (possibly enlarged) frame
 * @param cropY top of the crop
 * @param flipped mirrored left-right (after cropping)
 * @param quarterTurns counter-clockwise 90° turns (after flipping), 0–3
 */
public record PatchSample(float[] hazy, float[] infrared, float[] clear, float[] prior, float[] airlight, int pairIndex,
                          int cropX, int cropY, boolean flipped, int quarterTurns) {
}
