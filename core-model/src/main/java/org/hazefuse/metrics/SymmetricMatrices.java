package org.hazefuse.metrics;

/** Pseudo-inverse of a small symmetric matrix through its eigen-decomposition (cyclic Jacobi rotations). */
final class SymmetricMatrices {
    private SymmetricMatrices() {
    }

    /**
     * Moore–Penrose pseudo-inverse of symmetric {@code a} (n×n, row-major). Eigenvalues with magnitude at most
     * n · max|λ| · 2.2e-16 are treated as zero, MATLAB {@code pinv}'s default tolerance.
     */
    static double[][] pseudoInverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] == 0) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(m[i][i]));
        }
        double tol = n * max * 2.220446049250313e-16;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double lambda = m[k][k];
            if (Math.abs(lambda) <= tol) {
                continue;
            }
            double inv = 1 / lambda;
            for (int i = 0; i < n; i++) {
                double vi = v[i][k] * inv;
                for (int j = 0; j < n; j++) {
                    out[i][j] += vi * v[j][k];
                }
            }
        }
        return out;
    }
}
