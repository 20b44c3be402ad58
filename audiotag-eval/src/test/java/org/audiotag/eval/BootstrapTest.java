package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals against a brute-force re-run that duplicates the drawn rows. */
class BootstrapTest {

    @Test
    void lwlrapIntervalEqualsBruteForceResampling() throws Exception {
        Predictions p = TestData.lwlrapCase("lwlrap_random_50x80").predictions();
        Bootstrap b = Bootstrap.of(60, 0.9);
        ConfidenceInterval ci = b.lwlrap(p, TieRule.REFERENCE, new SplittableRandom(42));

        SplittableRandom rng = new SplittableRandom(42);
        double[] stats = new double[60];
        for (int r = 0; r < 60; r++) {
            int[] idx = new int[p.nSamples()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = rng.nextInt(p.nSamples());
            }
            stats[r] = BruteForce.lwlrap(BruteForce.rows(p, idx), TieRule.REFERENCE);
        }
        Arrays.sort(stats);
        // numpy.percentile(stats, 5) and (stats, 95), linear: position q/100 * 59
        double lo = stats[2] + 0.95 * (stats[3] - stats[2]);
        double hi = stats[56] + 0.05 * (stats[57] - stats[56]);
        assertThat(ci.lower()).isCloseTo(lo, within(1e-12));
        assertThat(ci.upper()).isCloseTo(hi, within(1e-12));
        assertThat(ci.estimate()).isEqualTo(Lwlrap.compute(p).lwlrap());
        assertThat(ci.resamples()).isEqualTo(60);
        assertThat(ci.level()).isEqualTo(0.9);
        assertThat(ci.lower()).isLessThan(ci.estimate());
        assertThat(ci.upper()).isGreaterThan(ci.estimate());
        // same seed, same interval
        assertThat(b.lwlrap(p, TieRule.REFERENCE, new SplittableRandom(42))).isEqualTo(ci);
        assertThat(b.lwlrap(p, TieRule.REFERENCE, new SplittableRandom(43))).isNotEqualTo(ci);
    }

    @Test
    void mapIntervalEqualsBruteForceResampling() throws Exception {
        Predictions p = TestData.random(new SplittableRandom(9), 40, 6, 0.2, 6);
        Bootstrap b = Bootstrap.of(30, 0.8);
        ConfidenceInterval ci = b.meanAveragePrecision(p, new SplittableRandom(5));

        SplittableRandom rng = new SplittableRandom(5);
        double[] stats = new double[30];
        for (int r = 0; r < 30; r++) {
            int[] idx = new int[p.nSamples()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = rng.nextInt(p.nSamples());
            }
            Predictions q = BruteForce.rows(p, idx);
            double[] ap = new double[p.nClasses()];
            for (int c = 0; c < ap.length; c++) {
                ap[c] = BruteForce.ap(BruteForce.truthColumn(q, c), BruteForce.scoreColumn(q, c));
            }
            stats[r] = BruteForce.nanMean(ap);
        }
        Arrays.sort(stats);
        // percentiles 10 and 90 of 30 values: positions 2.9 and 26.1
        assertThat(ci.lower()).isCloseTo(stats[2] + 0.9 * (stats[3] - stats[2]), within(1e-12));
        assertThat(ci.upper()).isCloseTo(stats[26] + 0.1 * (stats[27] - stats[26]), within(1e-12));
        assertThat(ci.estimate()).isEqualTo(AveragePrecision.macro(p));
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> Bootstrap.of(0, 0.95)).hasMessageContaining("resamples must be in [1, 10000000]");
        assertThatThrownBy(() -> Bootstrap.of(100, 1.0)).hasMessageContaining("level must be in (0, 1)");
        assertThat(Bootstrap.defaults().resamples()).isEqualTo(1000);
        assertThat(Bootstrap.defaults().level()).isEqualTo(0.95);
    }
}
