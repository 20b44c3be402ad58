package org.audiotag.features.internal;

/**
 * Least-squares polynomial derivative weights (the maths of scipy's {@code savgol_coeffs} and of the polynomial edge
 * fits of {@code savgol_filter(mode='interp')}). Not part of the API.
 */
public final class SavitzkyGolay {
    private SavitzkyGolay() {
    }

    /**
     * Weights {@code w} such that {@code sum_j w[j] * data[j]} is the {@code deriv}-th derivative, at position
     * {@code at}, of the degree-{@code polyorder} least-squares polynomial through the points {@code (u[j], data[j])}.
     *
     * @param u sample positions
     * @param polyorder polynomial degree, &lt; u.length
     * @param deriv derivative order, 0..polyorder
     * @param at where the derivative is evaluated
     * @return the weights, one per point
     */
    public static double[] weights(double[] u, int polyorder, int deriv, double at) {
        int p = polyorder + 1;
        int n = u.length;
        // Gram matrix G = A A^T with A[i][j] = u[j]^i
        double[][] g = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += Math.pow(u[j], i + k);
                }
                g[i][k] = s;
            }
        }
        // e = d^deriv/du^deriv of [1, u, u^2, ...] at 'at'
        double[] e = new double[p];
        for (int i = deriv; i < p; i++) {
            double f = 1;
            for (int q = 0; q < deriv; q++) {
                f *= (i - q);
            }
            e[i] = f * Math.pow(at, i - deriv);
        }
        double[] z = solve(g, e); // G symmetric: w = A^T G^{-1} e
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            double pw = 1;
            for (int i = 0; i < p; i++) {
                s += z[i] * pw;
                pw *= u[j];
            }
            w[j] = s;
        }
        return w;
    }

    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            if (a[col][col] == 0) {
                throw new IllegalArgumentException("singular least-squares system (too few points for the degree)");
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
