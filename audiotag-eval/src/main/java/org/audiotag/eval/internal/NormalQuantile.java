package org.audiotag.eval.internal;

/**
 * The standard normal distribution function and its inverse, to double precision, written from the textbook
 * series and continued fraction of the complementary error function (Abramowitz and Stegun 7.1.6 and 7.1.14) and
 * bisection (so the inverse is exact to the last bits the forward function resolves).
 */
public final class NormalQuantile {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    private NormalQuantile() {
    }

    /**
     * Complementary error function erfc(z) = 1 - erf(z).
     *
     * @param z argument
     * @return erfc(z), in (0, 2)
     */
    public static double erfc(double z) {
        if (z < 0) {
            return 2.0 - erfc(-z);
        }
        if (z < 2.0) {
            // erf(z) = 2/sqrt(pi) exp(-z^2) sum_n 2^n z^(2n+1) / (1*3*...*(2n+1))  (A&S 7.1.6), all terms positive
            double term = z;
            double sum = z;
            double z2 = 2 * z * z;
            for (int n = 1; n < 200; n++) {
                term *= z2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return 1.0 - 2.0 / SQRT_PI * Math.exp(-z * z) * sum;
        }
        // erfc(z) = exp(-z^2)/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + ...)))))  (A&S 7.1.14),
        // evaluated by the modified Lentz method
        double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = z + a * d;
            d = d == 0 ? tiny : d;
            c = z + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-z * z) / SQRT_PI / f;
    }

    /**
     * Standard normal distribution function Phi(x) = erfc(-x / sqrt 2) / 2.
     *
     * @param x argument
     * @return Phi(x)
     */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / SQRT2);
    }

    /**
     * Inverse of the standard normal distribution function, Phi^-1(p) ({@code scipy.stats.norm.ppf}).
     *
     * @param p probability in [0, 1]
     * @return x with Phi(x) = p; -infinity for 0, +infinity for 1
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    public static double inverse(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0.0;
        }
        if (p > 0.5) {
            return -lowerInverse(1.0 - p); // 1 - p is exact for p in (0.5, 1)
        }
        return lowerInverse(p);
    }

    private static double lowerInverse(double p) {
        // Phi is increasing; bisect on [-40, 0] until the bracket is two adjacent doubles
        double lo = -40;
        double hi = 0;
        for (int it = 0; it < 2200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(cdf(lo) - p) < Math.abs(cdf(hi) - p) ? lo : hi;
    }
}
