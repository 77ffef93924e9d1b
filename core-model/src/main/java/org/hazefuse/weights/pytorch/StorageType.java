package org.hazefuse.weights.pytorch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The storage classes read, each decoded from little-endian bytes to float32. */
enum StorageType {
    FLOAT32("FloatStorage", 4),
    FLOAT16("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    /** Narrowed to float32. */
    FLOAT64("DoubleStorage", 8);

    /** The class name in module {@code torch}, as the pickle names it. */
    final String className;
    final int bytesPerElement;

    StorageType(String className, int bytesPerElement) {
        this.className = className;
        this.bytesPerElement = bytesPerElement;
    }

    /** The type of {@code torch.<name>}, or null when it is not one read here. */
    static StorageType byClassName(String name) {
        for (StorageType type : values()) {
            if (type.className.equals(name)) {
                return type;
            }
        }
        return null;
    }

    String qualifiedName() {
        return "torch." + className;
    }

    /** Decodes {@code count} elements from {@code src[srcOffset...]} into {@code dst[dstOffset...]}. */
    void decode(byte[] src, int srcOffset, int count, float[] dst, int dstOffset) {
        ByteBuffer bytes = ByteBuffer.wrap(src, srcOffset, count * bytesPerElement).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case FLOAT32 -> bytes.asFloatBuffer().get(dst, dstOffset, count);
            case FLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = halfToFloat(bytes.getShort());
                }
            }
            case BFLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = (float) bytes.getDouble();
                }
            }
        }
    }

    /** IEEE 754 binary16 to binary32, exactly (every half value is a float value). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f80_0000 | (mantissa << 13)); // infinity or NaN
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // zero or subnormal
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }
}
