package org.hazefuse.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One training batch as plain NCHW float arrays in [0, 1], ready to be copied to the engine.
 *
 * @param step the training step it belongs to (samples {@code step·size … step·size + size − 1})
 * @param size N, samples in the batch
 * @param patch P, side of the square patches
 * @param hazy (N, 3, P, P) hazy visible inputs
 * @param infrared (N, 1, P, P) infrared inputs
 * @param clear (N, 3, P, P) clear visible targets
 */
public record Batch(long step, int size, int patch, float[] hazy, float[] infrared, float[] clear) {

    public Shape visibleShape() {
        return new Shape(size, 3, patch, patch);
    }

    public Shape infraredShape() {
        return new Shape(size, 1, patch, patch);
    }

    /** The three arrays on {@code manager}: [hazy (N,3,P,P), infrared (N,1,P,P), clear (N,3,P,P)]. */
    public NDList toNDList(NDManager manager) {
        return new NDList(
                manager.create(hazy, visibleShape()),
                manager.create(infrared, infraredShape()),
                manager.create(clear, visibleShape()));
    }
}
