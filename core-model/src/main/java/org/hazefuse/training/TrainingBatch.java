package org.hazefuse.training;

/**
 * One batch of training triplets as plain NCHW float arrays in [0, 1], ready to copy to the engine.
 *
 * @param hazy (size, 3, height, width)
 * @param infrared (size, 1, height, width)
 * @param clear (size, 3, height, width), the ground truth
 */
public record TrainingBatch(int size, int height, int width, float[] hazy, float[] infrared, float[] clear) {
    public TrainingBatch {
        long pixels = (long) size * height * width;
        if (hazy.length != 3 * pixels || clear.length != 3 * pixels || infrared.length != pixels) {
            throw new IllegalArgumentException("batch arrays do not match " + size + "x" + height + "x" + width);
        }
    }
}
