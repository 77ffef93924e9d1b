package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Multiplying and dividing by a constant in code that autograd records (the network's forward pass and the loss).
 * Use these instead of {@code NDArray.mul(Number)}, {@code div(Number)} and {@code pow(Number)} there.
 *
 * <p>Why: DJL 0.29's PyTorch engine turns the number into a 0-d tensor with {@code NDManager.create(Number)}, which
 * wraps a fresh Java direct {@code ByteBuffer} with {@code torch::from_blob} (the tensor does not own that memory),
 * runs the operator and closes the 0-d array at once. Autograd keeps that tensor for the backward pass (the
 * gradient of x·c is g·c), but once the array is closed nothing in Java refers to the buffer, so the next garbage
 * collection frees it and the backward pass reads freed memory: garbage or NaN gradients whenever a collection
 * falls between a forward pass and its backward pass (docs/known-issues.md). A constant made by the engine
 * ({@code torch::full}) owns its storage, which PyTorch reference-counts, so closing its array is harmless.
 *
 * <p>{@code add}/{@code sub} with a number are safe (autograd keeps nothing of the constant), as is {@code clip}
 * (the bounds go to PyTorch as plain scalars). The constant has x's data type, so results are bit-identical to
 * the DJL operators for floating-point x.
 */
public final class Scalars {
    private Scalars() {}

    /** x·factor. */
    public static NDArray mul(NDArray x, double factor) {
        try (NDArray c = constant(x, factor)) {
            return x.mul(c);
        }
    }

    /** x / divisor. */
    public static NDArray div(NDArray x, double divisor) {
        try (NDArray c = constant(x, divisor)) {
            return x.div(c);
        }
    }

    /** A 0-d tensor holding {@code value}, with x's type and device, in memory the engine owns. */
    private static NDArray constant(NDArray x, double value) {
        if (!x.getDataType().isFloating()) {
            throw new IllegalArgumentException("expected a floating-point array, got " + x.getDataType());
        }
        return JniUtils.full((PtNDManager) x.getManager(), new Shape(), value, x.getDataType(), x.getDevice(),
                SparseFormat.DENSE);
    }
}
