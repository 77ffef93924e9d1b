package org.hazefuse.metrics;

import java.util.function.IntBinaryOperator;

/** Small synthetic planes for hand-computable metric cases. */
final class Planes {
    private Planes() {
    }

    static EightBitPlane of(int w, int h, IntBinaryOperator levelAt) {
        double[] v = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = levelAt.applyAsInt(x, y);
            }
        }
        return new EightBitPlane(w, h, v);
    }

    static EightBitPlane constant(int w, int h, int level) {
        return of(w, h, (x, y) -> level);
    }

    /** One-pixel 0/255 checkerboard. */
    static EightBitPlane checkerboard(int w, int h) {
        return of(w, h, (x, y) -> (x + y) % 2 == 0 ? 0 : 255);
    }

    /** A smooth, textured, deterministic test plane with values in 0..255. */
    static EightBitPlane texture(int w, int h, int seed) {
        java.util.Random r = new java.util.Random(seed);
        return of(w, h, (x, y) -> (int) Math.max(0, Math.min(255, Math.round(
                128 + 60 * Math.sin(0.11 * x + seed) * Math.cos(0.07 * y) + ((x / 9 + y / 7) % 2 == 0 ? 30 : -30)
                        + 8 * r.nextGaussian()))));
    }

    static EightBitPlane shifted(EightBitPlane p, int dx) {
        return of(p.width(), p.height(), (x, y) -> (int) p.get(Math.min(p.width() - 1, Math.max(0, x - dx)), y));
    }
}
