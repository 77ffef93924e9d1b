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
 * @param prior (N, 1, P, P) the whole frames' dark-channel transmission, or null (see {@link PatchSampler})
 * @param airlight (N, 3) the whole frames' dark-channel airlight, or null
 */
public record Batch(long step, int size, int patch, float[] hazy, float[] infrared, float[] clear, float[] prior,
                    float[] airlight) {

    public boolean hasPrior() {
        return prior != null;
    }

    public Shape visibleShape() {
        return new Shape(size, 3, patch, patch);
    }

    public Shape infraredShape() {
        return new Shape(size, 1, patch, patch);
    }

    /**
     * The arrays on {@code manager}: [hazy (N,3,P,P), infrared (N,1,P,P), clear (N,3,P,P)], then, with a prior,
     * [prior transmission (N,1,P,P), airlight (N,3,1,1)].
     */
    public NDList toNDList(NDManager manager) {
        NDList list = new NDList(
                manager.create(hazy, visibleShape()),
                manager.create(infrared, infraredShape()),
                manager.create(clear, visibleShape()));
        if (hasPrior()) {
            list.add(manager.create(prior, infraredShape()));
            list.add(manager.create(airlight, new Shape(size, 3, 1, 1)));
        }
        return list;
    }
}
