package org.hazefuse.metrics;

/**
 * In-place complex discrete Fourier transforms of any length: iterative radix-2 for powers of two, recursive
 * mixed-radix Cooley–Tukey when every prime factor is at most {@value #MAX_MIXED_FACTOR} (image sides such as
 * 640 = 2⁷·5 or 480 = 2⁵·3·5), Bluestein's chirp-z algorithm (via three power-of-two transforms) otherwise. Unnormalized forward transform
 * X[k] = Σ x[n] e^{−2πi kn/N}; the inverse divides by N. Used by {@link Qcv} for its frequency-domain filter.
 */
final class Fft {
    static final int MAX_MIXED_FACTOR = 31;
    private final int n;
    private final boolean pow2;
    private final boolean mixed;
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
        this.mixed = !pow2 && largestPrimeFactor(n) <= MAX_MIXED_FACTOR;
        if (pow2 || mixed) {
            int table = pow2 ? n / 2 : n;
            cos = new double[table];
            sin = new double[table];
            for (int i = 0; i < table; i++) {
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
        } else if (mixed) {
            double[] r = re.clone();
            double[] i = im.clone();
            mixedRadix(r, i, 0, 1, n, re, im, 0);
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

    /**
     * Transforms the length-{@code len} sequence {@code in[offset + j·stride]} into {@code out[outOffset ..
     * outOffset + len)}: split by the smallest prime factor p into p interleaved sub-sequences, transform each,
     * then combine X[k] = Σ_r W_len^{rk} S_r[k mod (len/p)].
     */
    private void mixedRadix(double[] inRe, double[] inIm, int offset, int stride, int len, double[] outRe,
            double[] outIm, int outOffset) {
        if (len == 1) {
            outRe[outOffset] = inRe[offset];
            outIm[outOffset] = inIm[offset];
            return;
        }
        int p = smallestPrimeFactor(len);
        int m = len / p;
        double[] subRe = new double[len];
        double[] subIm = new double[len];
        for (int r = 0; r < p; r++) {
            mixedRadix(inRe, inIm, offset + r * stride, stride * p, m, subRe, subIm, r * m);
        }
        int twiddleStep = n / len; // W_len^j = W_n^{j·n/len}
        if (p == 2) {
            // butterfly: X[k] = S0[k] + W^k S1[k], X[k + m] = S0[k] − W^k S1[k]
            for (int k = 0; k < m; k++) {
                double wr = cos[k * twiddleStep];
                double wi = -sin[k * twiddleStep];
                double xr = subRe[m + k] * wr - subIm[m + k] * wi;
                double xi = subRe[m + k] * wi + subIm[m + k] * wr;
                outRe[outOffset + k] = subRe[k] + xr;
                outIm[outOffset + k] = subIm[k] + xi;
                outRe[outOffset + k + m] = subRe[k] - xr;
                outIm[outOffset + k + m] = subIm[k] - xi;
            }
            return;
        }
        for (int k = 0; k < len; k++) {
            int km = k % m;
            double sr = 0;
            double si = 0;
            int rk = 0; // r·k mod len, kept by addition
            for (int r = 0; r < p; r++) {
                int t = rk * twiddleStep;
                double wr = cos[t];
                double wi = -sin[t];
                double xr = subRe[r * m + km];
                double xi = subIm[r * m + km];
                sr += xr * wr - xi * wi;
                si += xr * wi + xi * wr;
                rk += k;
                if (rk >= len) {
                    rk -= len;
                }
            }
            outRe[outOffset + k] = sr;
            outIm[outOffset + k] = si;
        }
    }

    static int smallestPrimeFactor(int v) {
        for (int f = 2; (long) f * f <= v; f++) {
            if (v % f == 0) {
                return f;
            }
        }
        return v;
    }

    static int largestPrimeFactor(int v) {
        int largest = 1;
        int rest = v;
        while (rest > 1) {
            int f = smallestPrimeFactor(rest);
            largest = Math.max(largest, f);
            rest /= f;
        }
        return largest;
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
