package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** lwlrap, LRAP and the batch-averaged variant on hand-computed cases and against brute force. */
class RankingMetricsTest {

    static Predictions of(boolean[][] t, double[][] s) {
        return Predictions.of(t, s);
    }

    @Test
    void sklearnDocumentationExample() {
        // label_ranking_average_precision_score([[1,0,0],[0,0,1]], [[0.75,0.5,1],[1,0.2,0.1]]) = 0.41666...
        // by hand: sample 0: class 0 ranked 2nd with 1 hit -> 1/2; sample 1: class 2 ranked 3rd -> 1/3
        Predictions p = of(new boolean[][] {{true, false, false}, {false, false, true}},
                new double[][] {{0.75, 0.5, 1}, {1, 0.2, 0.1}});
        for (TieRule rule : TieRule.values()) {
            assertThat(Lrap.compute(p, rule)).isCloseTo(5.0 / 12, within(1e-15));
            assertThat(Lwlrap.compute(p, rule).lwlrap()).isCloseTo(5.0 / 12, within(1e-15));
        }
        LwlrapResult r = Lwlrap.compute(p);
        assertThat(r.classScores()).containsExactly(0.5, 0.0, 1.0 / 3);
        assertThat(r.classWeights()).containsExactly(0.5, 0.0, 0.5);
        assertThat(r.support()).containsExactly(1, 0, 1);
        assertThat(r.nPositives()).isEqualTo(2);
    }

    @Test
    void allTiedSampleByHand() {
        // scores all 0.5, labels {0, 2}.
        // sklearn: both positives have rank 3 and 2 hits -> 2/3 each -> 2/3.
        // reference: order [2, 1, 0]: class 2 rank 1 (1 hit) -> 1, class 0 rank 3 (2 hits) -> 2/3 -> 5/6.
        Predictions p = of(new boolean[][] {{true, false, true}}, new double[][] {{0.5, 0.5, 0.5}});
        assertThat(Lwlrap.compute(p, TieRule.SKLEARN).lwlrap()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(Lwlrap.compute(p, TieRule.REFERENCE).lwlrap()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(Lwlrap.compute(p, TieRule.REFERENCE).classScores()).containsExactly(2.0 / 3, 0, 1.0);
    }

    @Test
    void minusZeroTiesWithZero() {
        Predictions p = of(new boolean[][] {{true, false}}, new double[][] {{-0.0, 0.0}});
        // tie: sklearn rank 2 -> 1/2; reference: class 1 first -> rank 2 -> 1/2
        assertThat(Lwlrap.compute(p, TieRule.SKLEARN).lwlrap()).isEqualTo(0.5);
        Predictions q = of(new boolean[][] {{false, true}}, new double[][] {{-0.0, 0.0}});
        assertThat(Lwlrap.compute(q, TieRule.REFERENCE).lwlrap()).isEqualTo(1.0);
        assertThat(Lwlrap.compute(q, TieRule.SKLEARN).lwlrap()).isEqualTo(0.5);
    }

    @Test
    void samplesWithoutLabelsDoNotCount() {
        Predictions with = of(new boolean[][] {{true, false}, {false, false}}, new double[][] {{0.1, 0.9}, {3, 4}});
        Predictions without = of(new boolean[][] {{true, false}}, new double[][] {{0.1, 0.9}});
        assertThat(Lwlrap.compute(with).lwlrap()).isEqualTo(Lwlrap.compute(without).lwlrap()).isEqualTo(0.5);
        assertThat(Lwlrap.compute(with).nLabeledSamples()).isEqualTo(1);
        assertThat(Lrap.compute(with, TieRule.SKLEARN)).isEqualTo(0.5);
        Predictions none = of(new boolean[][] {{false, false}}, new double[][] {{0.1, 0.9}});
        assertThatThrownBy(() -> Lwlrap.compute(none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 1 samples has a label");
        assertThatThrownBy(() -> Lrap.compute(none, TieRule.SKLEARN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lwlrapWeighsLabelsLrapWeighsSamples() {
        // sample 0: 1 label ranked 2nd -> 1/2; sample 1: 2 labels ranked 1st, 2nd -> 1, 1
        Predictions p = of(new boolean[][] {{true, false, false}, {true, true, false}},
                new double[][] {{0.2, 0.8, 0.1}, {0.9, 0.8, 0.1}});
        assertThat(Lwlrap.compute(p).lwlrap()).isCloseTo(2.5 / 3, within(1e-15));
        assertThat(Lrap.compute(p, TieRule.REFERENCE)).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void randomTiedDataAgreesWithBruteForce() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(30);
            int c = 1 + rng.nextInt(25);
            Predictions p = TestData.random(rng, n, c, rng.nextDouble(), trial % 4 == 0 ? 0 : 1 + rng.nextInt(6));
            if (p.nLabeledSamples() == 0) {
                continue;
            }
            for (TieRule rule : TieRule.values()) {
                assertThat(Lwlrap.compute(p, rule).lwlrap()).as("trial %d %s", trial, rule)
                        .isCloseTo(BruteForce.lwlrap(p, rule), within(1e-12));
                LwlrapFixtureTest.assertClose(Lwlrap.compute(p, rule).classScores(),
                        BruteForce.perClassLwlrap(p, rule), 1e-12);
                assertThat(Lrap.compute(p, rule)).isCloseTo(BruteForce.lrap(p, rule), within(1e-12));
            }
        }
    }

    @Test
    void batchAveragedIsTheWeightedMeanOfBatchLwlrap() {
        SplittableRandom rng = new SplittableRandom(11);
        Predictions p = TestData.random(rng, 150, 12, 0.15, 5);
        double expected = 0;
        int weight = 0;
        for (int from = 0; from < 150; from += 64) {
            Predictions b = p.slice(from, Math.min(150, from + 64));
            expected += b.nSamples() * BruteForce.lwlrap(b, TieRule.SKLEARN);
            weight += b.nSamples();
        }
        assertThat(Lwlrap.batchAveraged(p, 64, TieRule.SKLEARN)).isCloseTo(expected / weight, within(1e-12));
        // one batch holding everything is the dataset-level lwlrap
        assertThat(Lwlrap.batchAveraged(p, 1000, TieRule.REFERENCE))
                .isCloseTo(Lwlrap.compute(p).lwlrap(), within(1e-15));
        assertThatThrownBy(() -> Lwlrap.batchAveraged(p, 0, TieRule.SKLEARN))
                .hasMessageContaining("batchSize must be >= 1");
    }

    @Test
    void monotoneMapDoesNotChangeRankingMetrics() throws Exception {
        Predictions p = TestData.lwlrapCase("lwlrap_random_200x80").predictions();
        double[] s = p.scoresFlat();
        for (int j = 0; j < s.length; j++) {
            s[j] = 1 / (1 + Math.exp(-3 * s[j])); // sigmoid
        }
        Predictions q = Predictions.ofFlat(p.nSamples(), p.nClasses(), p.truthFlat(), s);
        assertThat(Lwlrap.compute(q).lwlrap()).isCloseTo(Lwlrap.compute(p).lwlrap(), within(1e-12));
    }
}
