package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AP, mAP, ROC-AUC, d' and top-1 on hand-computed cases and against brute force. */
class CurvesTest {

    static Predictions column(boolean[] y, double[] s) {
        boolean[][] t = new boolean[y.length][1];
        double[][] sc = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            t[i][0] = y[i];
            sc[i][0] = s[i];
        }
        return Predictions.of(t, sc);
    }

    @Test
    void sklearnDocumentationExamples() {
        // average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.8333...:
        // thresholds 0.8 (P=1, R=1/2), 0.4 (P=1/2, R=1/2), 0.35 (P=2/3, R=1) -> 1/2*1 + 1/2*2/3
        // roc_auc_score(same) = 0.75: 3 of the 4 (positive, negative) pairs are ordered correctly
        Predictions p = column(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertThat(AveragePrecision.perClass(p)[0]).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(RocAuc.perClass(p)[0]).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void tiesFormOneThreshold() {
        // all scores equal: one threshold with P = 1/2, R = 1 -> AP 1/2; AUC 1/2
        Predictions p = column(new boolean[] {true, false}, new double[] {0.5, 0.5});
        assertThat(AveragePrecision.perClass(p)[0]).isEqualTo(0.5);
        assertThat(RocAuc.perClass(p)[0]).isEqualTo(0.5);
        // order within a tie does not matter
        Predictions q = column(new boolean[] {false, true}, new double[] {0.5, 0.5});
        assertThat(AveragePrecision.perClass(q)[0]).isEqualTo(0.5);
    }

    @Test
    void undefinedClassesAreNanAndLeftOutOfMeans() {
        Predictions p = Predictions.of(new boolean[][] {{true, false, true}, {false, false, true}},
                new double[][] {{0.9, 0.1, 0.3}, {0.2, 0.4, 0.8}});
        double[] ap = AveragePrecision.perClass(p);
        assertThat(ap[0]).isEqualTo(1.0);
        assertThat(ap[1]).isNaN();
        assertThat(ap[2]).isEqualTo(1.0);
        assertThat(AveragePrecision.macro(p)).isEqualTo(1.0);
        double[] auc = RocAuc.perClass(p);
        assertThat(auc[0]).isEqualTo(1.0);
        assertThat(auc[1]).isNaN(); // no positive
        assertThat(auc[2]).isNaN(); // no negative
        assertThat(RocAuc.macro(p)).isEqualTo(1.0);
    }

    @Test
    void randomTiedDataAgreesWithBruteForce() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rng.nextInt(40);
            int c = 1 + rng.nextInt(8);
            Predictions p = TestData.random(rng, n, c, 0.05 + 0.5 * rng.nextDouble(),
                    trial % 3 == 0 ? 0 : 1 + rng.nextInt(8));
            double[] ap = AveragePrecision.perClass(p);
            double[] auc = RocAuc.perClass(p);
            for (int k = 0; k < c; k++) {
                boolean[] y = BruteForce.truthColumn(p, k);
                double[] s = BruteForce.scoreColumn(p, k);
                double eAp = BruteForce.ap(y, s);
                double eAuc = BruteForce.auc(y, s);
                if (Double.isNaN(eAp)) {
                    assertThat(ap[k]).isNaN();
                } else {
                    assertThat(ap[k]).as("trial %d class %d", trial, k).isCloseTo(eAp, within(1e-12));
                }
                if (Double.isNaN(eAuc)) {
                    assertThat(auc[k]).isNaN();
                } else {
                    assertThat(auc[k]).as("trial %d class %d", trial, k).isCloseTo(eAuc, within(1e-12));
                }
            }
            boolean[] yAll = p.truthFlat();
            double[] sAll = p.scoresFlat();
            double micro = BruteForce.ap(yAll, sAll);
            if (Double.isNaN(micro)) {
                assertThatThrownBy(() -> AveragePrecision.micro(p)).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(AveragePrecision.micro(p)).isCloseTo(micro, within(1e-12));
                assertThat(AveragePrecision.macro(p)).isCloseTo(BruteForce.nanMean(ap), within(1e-15));
            }
        }
    }

    @Test
    void dPrimeFromAuc() {
        // d' = sqrt(2) * Phi^-1(AUC); Phi^-1(0.975) = 1.959963984540054 (scipy.stats.norm.ppf)
        assertThat(RocAuc.dPrime(0.5)).isEqualTo(0.0);
        assertThat(RocAuc.dPrime(0.975)).isCloseTo(Math.sqrt(2) * 1.959963984540054, within(1e-13));
        assertThat(RocAuc.dPrime(0.025)).isCloseTo(-Math.sqrt(2) * 1.959963984540054, within(1e-13));
        // Phi(1) = 0.8413447460685429 -> d' = sqrt(2)
        assertThat(RocAuc.dPrime(0.8413447460685429)).isCloseTo(Math.sqrt(2), within(1e-13));
        assertThat(RocAuc.dPrime(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(RocAuc.dPrime(Double.NaN)).isNaN();
        assertThatThrownBy(() -> RocAuc.dPrime(1.5)).hasMessageContaining("auc must be in [0, 1]");
    }

    @Test
    void top1AccuracyOnSingleLabelData() {
        Predictions p = Predictions.of(new boolean[][] {{true, false, false}, {false, true, false},
            {false, false, true}, {true, false, false}},
                new double[][] {{0.9, 0.1, 0.0}, {0.5, 0.4, 0.1}, {0.2, 0.2, 0.7}, {0.3, 0.3, 0.3}});
        // rows 0, 2 right; row 1 wrong; row 3 all tied -> argmax = class 0 (first index, as np.argmax) -> right
        assertThat(Top1Accuracy.isSingleLabel(p)).isTrue();
        assertThat(Top1Accuracy.compute(p)).isEqualTo(0.75);
        Predictions multi = Predictions.of(new boolean[][] {{true, true}}, new double[][] {{1, 0}});
        assertThat(Top1Accuracy.isSingleLabel(multi)).isFalse();
        assertThatThrownBy(() -> Top1Accuracy.compute(multi)).hasMessageContaining("sample 0 has more than one");
    }
}
