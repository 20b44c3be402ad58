package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Element-wise fixture comparison {@code |java - ref| <= atol + rtol |ref|}; logs the worst error / tolerance. */
final class Tolerance {
    private static final Logger LOG = LoggerFactory.getLogger(Tolerance.class);

    private Tolerance() {
    }

    static void check(String what, double[] actual, double[] expected, double atol, double rtol) {
        assertThat(actual).as(what + ": length").hasSize(expected.length);
        double worst = 0;
        int at = -1;
        double maxErr = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= Double.MAX_VALUE) && actual[i] != expected[i]) {
                err = Double.POSITIVE_INFINITY;
            } else if (actual[i] == expected[i]) {
                err = 0;
            }
            double tol = atol + rtol * Math.abs(expected[i]);
            double ratio = tol == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / tol;
            maxErr = Math.max(maxErr, err);
            if (ratio > worst || at < 0) {
                if (ratio > worst) {
                    worst = ratio;
                }
                at = i;
            }
        }
        LOG.info("fixture {}: max |err| {} , worst err/tol {}", what, maxErr, worst);
        final int idx = at;
        assertThat(worst).as(() -> what + ": worst error/tolerance at index " + idx + " (java "
                + (idx >= 0 ? actual[idx] : Double.NaN) + ", librosa " + (idx >= 0 ? expected[idx] : Double.NaN)
                + ", atol " + atol + ", rtol " + rtol + ")").isLessThanOrEqualTo(1.0);
    }

    static void checkComplex(String what, double[] re, double[] im, double[] interleaved, double atol, double rtol) {
        assertThat(re.length * 2).as(what + ": length").isEqualTo(interleaved.length);
        double worst = 0;
        int at = 0;
        double maxErr = 0;
        for (int i = 0; i < re.length; i++) {
            double er = interleaved[2 * i];
            double ei = interleaved[2 * i + 1];
            double err = Math.hypot(re[i] - er, im[i] - ei);
            double tol = atol + rtol * Math.hypot(er, ei);
            maxErr = Math.max(maxErr, err);
            if (!(err <= tol * worst) && err / tol > worst) {
                worst = err / tol;
                at = i;
            }
            if (Double.isNaN(err)) {
                worst = Double.POSITIVE_INFINITY;
                at = i;
            }
        }
        LOG.info("fixture {}: max |err| {} , worst err/tol {}", what, maxErr, worst);
        final int idx = at;
        assertThat(worst).as(() -> what + ": worst error/tolerance at flat index " + idx + " (java " + re[idx] + "+"
                + im[idx] + "i, librosa " + interleaved[2 * idx] + "+" + interleaved[2 * idx + 1] + "i)")
                .isLessThanOrEqualTo(1.0);
    }
}
