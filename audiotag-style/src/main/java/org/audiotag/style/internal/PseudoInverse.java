package org.audiotag.style.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Applies the Moore-Penrose pseudo-inverse of a wide sparse matrix A (n_mels x n_bins) as numpy.linalg.pinv(A) @ M
 * without forming the dense n_bins x n_mels product: A^+ = A^T (A A^T)^+, so pinv(A) m = A^T (G^+ m) with the small
 * n_mels x n_mels G = A A^T. When G is too ill-conditioned for that identity to be accurate in double precision
 * (smallest/largest eigenvalue below 1e-12, e.g. a mel bank with empty filters), it falls back to the dense SVD
 * pseudo-inverse with numpy's cut-off (singular values at most 1e-15 x the largest are dropped).
 */
public final class PseudoInverse {
    private final SparseMatrix a;
    private final int rows;
    private final int cols;
    /** (A A^T)^{-1}, rows x rows, row-major; null when the dense fallback is used. */
    private final double[] gramInverse;
    /** Dense pinv(A), cols x rows, row-major; null unless the fallback is used. */
    private final double[] densePinv;

    /**
     * Prepares the pseudo-inverse of A: the inverse of the small Gram matrix A A^T by eigendecomposition, or the
     * dense SVD pseudo-inverse when A A^T is too ill-conditioned.
     *
     * @param a the matrix to pseudo-invert (n_mels x n_bins)
     */
    public PseudoInverse(SparseMatrix a) {
        this.a = a;
        this.rows = a.rows();
        this.cols = a.cols();
        double[] g = a.gram();
        RealMatrix gm = new Array2DRowRealMatrix(rows, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                gm.setEntry(i, j, g[i * rows + j]);
            }
        }
        EigenDecomposition eig = new EigenDecomposition(gm);
        double[] lambda = eig.getRealEigenvalues();
        double max = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double l : lambda) {
            max = Math.max(max, l);
            min = Math.min(min, l);
        }
        if (max > 0.0 && min > 1e-12 * max) {
            RealMatrix v = eig.getV();
            double[] inv = new double[rows * rows];
            for (int i = 0; i < rows; i++) {
                for (int j = i; j < rows; j++) {
                    double s = 0.0;
                    for (int k = 0; k < rows; k++) {
                        s += v.getEntry(i, k) * v.getEntry(j, k) / lambda[k];
                    }
                    inv[i * rows + j] = s;
                    inv[j * rows + i] = s;
                }
            }
            gramInverse = inv;
            densePinv = null;
        } else {
            gramInverse = null;
            densePinv = denseSvdPinv(a);
        }
    }

    /**
     * Tells which route applies the pseudo-inverse.
     *
     * @return true when the sparse A^T (A A^T)^{-1} route is used (false: dense SVD fallback)
     */
    public boolean usesGramRoute() {
        return gramInverse != null;
    }

    private static double[] denseSvdPinv(SparseMatrix a) {
        int rows = a.rows();
        int cols = a.cols();
        // Build A^T (cols x rows, tall) column by column from unit vectors: A^T e_r = row r of A.
        double[] unit = new double[rows];
        double[] col = new double[cols];
        RealMatrix at = new Array2DRowRealMatrix(cols, rows);
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(unit, 0.0);
            unit[r] = 1.0;
            a.multiplyTransposed(unit, 1.0, col, 0, 1);
            for (int c = 0; c < cols; c++) {
                at.setEntry(c, r, col[c]);
            }
        }
        // pinv(A) = pinv(A^T)^T = (V S^+ U^T)^T of A^T = U S^+ V^T with A^T = U S V^T.
        SingularValueDecomposition svd = new SingularValueDecomposition(at);
        double[] s = svd.getSingularValues();
        double cutoff = 1e-15 * (s.length == 0 ? 0.0 : s[0]);
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double[] p = new double[cols * rows];
        for (int k = 0; k < s.length; k++) {
            if (s[k] <= cutoff) {
                continue;
            }
            double inv = 1.0 / s[k];
            for (int c = 0; c < cols; c++) {
                double uc = u.getEntry(c, k) * inv;
                if (uc == 0.0) {
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    p[c * rows + r] += uc * v.getEntry(r, k);
                }
            }
        }
        return p;
    }

    /**
     * Applies the pseudo-inverse and clips at zero, x[t*cols + c] = max(0, (pinv(A) m_t)[c]) for frames t in
     * [t0, t1) (numpy: clip(pinv(A) @ M, 0)), the start point of librosa's NNLS.
     *
     * @param m frame-major right-hand sides, {@code rows} values per frame
     * @param x frame-major output, {@code cols} values per frame
     * @param t0 first frame
     * @param t1 end frame (exclusive)
     */
    public void solveClipped(double[] m, double[] x, int t0, int t1) {
        solve(m, x, t0, t1);
        for (int i = t0 * cols; i < t1 * cols; i++) {
            if (!(x[i] > 0.0)) {
                x[i] = 0.0;
            }
        }
    }

    /**
     * Applies the pseudo-inverse, x[t*cols + c] = (pinv(A) m_t)[c] for frames t in [t0, t1), without clipping
     * (negative values kept, as the 2019 notebook's {@code np.linalg.pinv(mel_basis) @ amp}).
     *
     * @param m frame-major right-hand sides, {@code rows} values per frame
     * @param x frame-major output, {@code cols} values per frame
     * @param t0 first frame
     * @param t1 end frame (exclusive)
     */
    public void solve(double[] m, double[] x, int t0, int t1) {
        if (gramInverse != null) {
            double[] z = new double[rows];
            for (int t = t0; t < t1; t++) {
                int mo = t * rows;
                for (int i = 0; i < rows; i++) {
                    double s = 0.0;
                    int go = i * rows;
                    for (int j = 0; j < rows; j++) {
                        s += gramInverse[go + j] * m[mo + j];
                    }
                    z[i] = s;
                }
                a.multiplyTransposedFrame(z, 0, 1.0, x, t * cols);
            }
        } else {
            for (int t = t0; t < t1; t++) {
                int mo = t * rows;
                int xo = t * cols;
                for (int c = 0; c < cols; c++) {
                    double s = 0.0;
                    int po = c * rows;
                    for (int r = 0; r < rows; r++) {
                        s += densePinv[po + r] * m[mo + r];
                    }
                    x[xo + c] = s;
                }
            }
        }
    }
}
