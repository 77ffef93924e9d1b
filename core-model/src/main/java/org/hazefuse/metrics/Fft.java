package org.hazefuse.metrics;

/**
 * In-place complex discrete Fourier transforms of any length: iterative radix-2 for powers of two, Bluestein's
 * chirp-z algorithm (via three power-of-two transforms) otherwise. Unnormalized forward transform
 * X[k] = Σ x[n] e^{−2πi kn/N}; the inverse divides by N. Used by {@link Qcv} for its frequency-domain filter.
 */
final class Fft {
    private final int n;
    private final boolean pow2;
    private final double[] cos;
    private final double[] sin;
    // Bluestein state
    private final int m;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] kernelRe;
    private final double[] kernelIm;
    private final Fft inner;

    Fft(int n) {
        this.n = n;
        this.pow2 = Integer.bitCount(n) == 1;
        if (pow2) {
            cos = new double[n / 2];
            sin = new double[n / 2];
            for (int i = 0; i < n / 2; i++) {
                cos[i] = Math.cos(2 * Math.PI * i / n);
                sin[i] = Math.sin(2 * Math.PI * i / n);
            }
            m = 0;
            chirpRe = chirpIm = kernelRe = kernelIm = null;
            inner = null;
        } else {
            cos = sin = null;
            m = Integer.highestOneBit(2 * n - 1) << 1;
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int i = 0; i < n; i++) {
                // exp(-i pi k^2 / n), k^2 reduced mod 2n to keep the angle accurate
                long k2 = ((long) i * i) % (2L * n);
                double ang = Math.PI * k2 / n;
                chirpRe[i] = Math.cos(ang);
                chirpIm[i] = -Math.sin(ang);
            }
            inner = new Fft(m);
            kernelRe = new double[m];
            kernelIm = new double[m];
            kernelRe[0] = chirpRe[0];
            kernelIm[0] = -chirpIm[0];
            for (int i = 1; i < n; i++) {
                kernelRe[i] = kernelRe[m - i] = chirpRe[i];
                kernelIm[i] = kernelIm[m - i] = -chirpIm[i];
            }
            inner.transform(kernelRe, kernelIm, false);
        }
    }

    int length() {
        return n;
    }

    /** Transforms {@code re + i·im} in place; {@code inverse} applies the conjugate kernel and divides by N. */
    void transform(double[] re, double[] im, boolean inverse) {
        if (inverse) {
            for (int i = 0; i < n; i++) {
                im[i] = -im[i];
            }
        }
        if (pow2) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
        if (inverse) {
            double s = 1.0 / n;
            for (int i = 0; i < n; i++) {
                re[i] *= s;
                im[i] = -im[i] * s;
            }
        }
    }

    private void radix2(double[] re, double[] im) {
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = -sin[k * step];
                    int p = i + k;
                    int q = p + half;
                    double xr = re[q] * wr - im[q] * wi;
                    double xi = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - xr;
                    im[q] = im[p] - xi;
                    re[p] += xr;
                    im[p] += xi;
                }
            }
        }
    }

    private void bluestein(double[] re, double[] im) {
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int i = 0; i < n; i++) {
            ar[i] = re[i] * chirpRe[i] - im[i] * chirpIm[i];
            ai[i] = re[i] * chirpIm[i] + im[i] * chirpRe[i];
        }
        inner.transform(ar, ai, false);
        for (int i = 0; i < m; i++) {
            double r = ar[i] * kernelRe[i] - ai[i] * kernelIm[i];
            double s = ar[i] * kernelIm[i] + ai[i] * kernelRe[i];
            ar[i] = r;
            ai[i] = s;
        }
        inner.transform(ar, ai, true);
        for (int i = 0; i < n; i++) {
            re[i] = ar[i] * chirpRe[i] - ai[i] * chirpIm[i];
            im[i] = ar[i] * chirpIm[i] + ai[i] * chirpRe[i];
        }
    }
}
