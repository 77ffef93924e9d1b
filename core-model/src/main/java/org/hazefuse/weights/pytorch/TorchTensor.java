package org.hazefuse.weights.pytorch;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor read from a checkpoint: its shape (PyTorch's {@code size()}; empty for a scalar) and its elements as
 * float32 in C order (last index fastest), whatever the view's offset and strides were in its storage. float16,
 * bfloat16 and float64 storages are converted to float32 (float64 rounded to nearest).
 *
 * <p>The arrays are not copied, for speed on large checkpoints: treat them as read-only. Equality compares their
 * contents.
 */
public record TorchTensor(long[] shape, float[] data) {
    public TorchTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long numel = 1;
        try {
            for (long size : shape) {
                if (size < 0) {
                    throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
                }
                numel = Math.multiplyExact(numel, size);
            }
        } catch (ArithmeticException e) {
            numel = -1;
        }
        if (numel != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold "
                    + data.length + " elements");
        }
    }

    /** The number of elements. */
    public int numel() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TorchTensor that && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TorchTensor" + Arrays.toString(shape);
    }
}
