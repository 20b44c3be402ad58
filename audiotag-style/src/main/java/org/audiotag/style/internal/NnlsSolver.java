package org.audiotag.style.internal;

/**
 * Non-negative least squares for a block of frames, min_X (0.5 / B.size) ||A X - B||_F^2 subject to X &gt;= 0, the
 * objective of librosa.util.nnls (which hands it to scipy's L-BFGS-B). This is an own projected limited-memory BFGS:
 * variables at the bound with a positive gradient are held at zero, the L-BFGS two-loop direction is computed on the
 * free variables, the step is the exact minimiser of the quadratic along that direction, then projected and
 * backtracked (Armijo) if the projection spoils the decrease. The stopping tests are scipy's: the infinity norm of the
 * projected gradient (scipy's {@code projgr}: g_i if g_i &lt; 0, else min(x_i, g_i)) at most {@code pgtol}, or a
 * relative decrease (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) at most factr x machine epsilon. Both are tested at the
 * start point too, so a start point that already satisfies them is returned unchanged, as L-BFGS-B does.
 *
 * <p>Vectors are frame-major: frame t of X is {@code x[t*cols .. (t+1)*cols)}. Instances are single-threaded;
 * solve independent blocks in parallel with one solver each.
 */
public final class NnlsSolver {
    private static final double EPS = Math.ulp(1.0);

    private final SparseMatrix a;
    private final double pgtol;
    private final double factr;
    private final int maxIter;
    private final int memory;

    /** Diagnostics of one solve. */
    public record Result(int iterations, double objectiveStart, double objectiveFinal, double projectedGradientNorm,
                         String stop) { }

    /**
     * Creates a solver for one matrix and scipy-style stopping rules.
     *
     * @param a the matrix A (rows x cols)
     * @param pgtol projected-gradient tolerance (scipy default 1e-5)
     * @param factr relative-decrease factor (scipy default 1e7)
     * @param maxIter iteration limit (scipy default 15000)
     * @param memory number of stored correction pairs
     */
    public NnlsSolver(SparseMatrix a, double pgtol, double factr, int maxIter, int memory) {
        this.a = a;
        this.pgtol = pgtol;
        this.factr = factr;
        this.maxIter = maxIter;
        this.memory = memory;
    }

    /**
     * Solves min (0.5 / B.size) ||A X - B||_F^2 over X &gt;= 0 for one block of frames, in place.
     *
     * @param b frame-major right-hand side, {@code a.rows()} values per frame
     * @param x frame-major start point (non-negative), {@code a.cols()} per frame; overwritten with the solution
     * @param frames number of frames in the block
     * @return diagnostics
     */
    public Result solve(double[] b, double[] x, int frames) {
        final int rows = a.rows();
        final int n = a.cols() * frames;
        final double scale = 1.0 / ((double) rows * frames);
        double[] r = new double[rows * frames];
        double[] g = new double[n];
        double f = evaluate(b, x, frames, scale, r, g);
        double f0 = f;
        double[][] sMem = new double[memory][];
        double[][] yMem = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] q = new double[n];
        double[] alpha = new double[memory];
        boolean[] free = new boolean[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] rNew = new double[rows * frames];
        double[] ad = new double[rows * frames];
        int it = 0;
        String stop = "max_iter";
        while (true) {
            double pg = projectedGradientNorm(x, g);
            if (pg <= pgtol) {
                stop = "projected_gradient<=pgtol";
                return new Result(it, f0, f, pg, stop);
            }
            if (it >= maxIter) {
                return new Result(it, f0, f, pg, stop);
            }
            freeSet(x, g, free, q);
            // L-BFGS two-loop recursion on the free variables.
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, memory);
                alpha[j] = rho[j] * dotMasked(sMem[j], q, free);
                axpyMasked(-alpha[j], yMem[j], q, free);
            }
            if (stored > 0) {
                int j = Math.floorMod(head - 1, memory);
                double sy = 1.0 / rho[j];
                double yy = dot(yMem[j], yMem[j]);
                scale(q, sy / yy);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, memory);
                double beta = rho[j] * dotMasked(yMem[j], q, free);
                axpyMasked(alpha[j] - beta, sMem[j], q, free);
            }
            double gd = negateMasked(q, free, d, g);
            if (!(gd < 0.0)) {
                // Not a descent direction: forget the curvature pairs and take the projected steepest descent.
                stored = 0;
                gd = negateMasked(g, free, d, g);
                if (!(gd < 0.0)) {
                    return new Result(it, f0, f, pg, "no_descent_direction");
                }
            }
            // Exact minimiser of the quadratic along d (before projection).
            a.multiply(d, ad, 0, frames);
            double curv = dot(ad, ad) * scale;
            double step = curv > 0.0 ? -gd / curv : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int bt = 0; bt < 50; bt++) {
                double decrease = projectedStep(x, d, step, g, xNew);
                fNew = evaluate(b, xNew, frames, scale, rNew, gNew);
                if (fNew <= f + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                return new Result(it, f0, f, pg, "line_search_failed");
            }
            it++;
            // Curvature pair.
            double[] s = sMem[head] == null ? new double[n] : sMem[head];
            double[] y = yMem[head] == null ? new double[n] : yMem[head];
            double sy = differences(xNew, x, s, gNew, g, y);
            if (sy > EPS * Math.abs(gd) * step) {
                sMem[head] = s;
                yMem[head] = y;
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            System.arraycopy(rNew, 0, r, 0, r.length);
            f = fNew;
            if ((fOld - f) <= factr * EPS * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1.0)) {
                return new Result(it, f0, f, projectedGradientNorm(x, g), "relative_reduction<=factr*epsmch");
            }
        }
    }

    private static void freeSet(double[] x, double[] g, boolean[] free, double[] q) {
        for (int i = 0; i < x.length; i++) {
            boolean f = !(x[i] <= 0.0 && g[i] > 0.0);
            free[i] = f;
            q[i] = f ? g[i] : 0.0;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dotMasked(double[] a, double[] b, boolean[] m) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            if (m[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static void axpyMasked(double alpha, double[] x, double[] y, boolean[] m) {
        for (int i = 0; i < x.length; i++) {
            if (m[i]) {
                y[i] += alpha * x[i];
            }
        }
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    /** d = -v on the free set, 0 elsewhere; returns g . d. */
    private static double negateMasked(double[] v, boolean[] free, double[] d, double[] g) {
        double gd = 0.0;
        for (int i = 0; i < v.length; i++) {
            double di = free[i] ? -v[i] : 0.0;
            d[i] = di;
            gd += g[i] * di;
        }
        return gd;
    }

    /** xNew = max(0, x + step d); returns g . (xNew - x). */
    private static double projectedStep(double[] x, double[] d, double step, double[] g, double[] xNew) {
        double decrease = 0.0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] + step * d[i];
            double xn = v > 0.0 ? v : 0.0;
            xNew[i] = xn;
            decrease += g[i] * (xn - x[i]);
        }
        return decrease;
    }

    /** s = xNew - x, y = gNew - g; returns s . y. */
    private static double differences(double[] xNew, double[] x, double[] s, double[] gNew, double[] g, double[] y) {
        double sy = 0.0;
        for (int i = 0; i < x.length; i++) {
            double si = xNew[i] - x[i];
            double yi = gNew[i] - g[i];
            s[i] = si;
            y[i] = yi;
            sy += si * yi;
        }
        return sy;
    }

    /** f = scale/2 ||A x - b||^2, r = A x - b, g = scale A^T r. */
    private double evaluate(double[] b, double[] x, int frames, double scale, double[] r, double[] g) {
        a.multiply(x, r, 0, frames);
        double sum = residual(r, b);
        a.multiplyTransposed(r, scale, g, 0, frames);
        return 0.5 * scale * sum;
    }

    private static double residual(double[] r, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < r.length; i++) {
            double v = r[i] - b[i];
            r[i] = v;
            sum += v * v;
        }
        return sum;
    }

    /**
     * Computes scipy L-BFGS-B's projected-gradient norm for the bound x &gt;= 0.
     *
     * @param x point
     * @param g gradient at x
     * @return max_i |pg_i| with pg_i = g_i if g_i &lt; 0, else min(x_i, g_i)
     */
    public static double projectedGradientNorm(double[] x, double[] g) {
        double m = 0.0;
        for (int i = 0; i < x.length; i++) {
            double gi = g[i];
            double p = gi < 0.0 ? gi : Math.min(x[i], gi);
            m = Math.max(m, Math.abs(p));
        }
        return m;
    }
}
