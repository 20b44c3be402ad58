package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Top1Accuracy#hitRate}: precision at 1 for multi-label data, equal to top-1 accuracy on single-label data. */
class Top1HitRateTest {

    @Test
    void countsASampleWhenItsTopClassIsAnyOfItsLabels() {
        Predictions p = Predictions.of(new boolean[][] {{true, true, false}, {false, true, true},
            {true, false, false}, {false, false, false}, {false, true, false}},
                new double[][] {{0.2, 0.9, 0.1}, {0.8, 0.7, 0.6}, {0.3, 0.3, 0.3}, {0.9, 0.1, 0.1}, {0.5, 0.5, 0.1}});
        // row 0: top = 1, a label -> hit; row 1: top = 0, not a label -> miss; row 2: tie -> class 0 -> hit;
        // row 3: no label -> miss; row 4: tie between 0 and 1 -> class 0 (np.argmax) -> miss
        assertThat(Top1Accuracy.hitRate(p)).isEqualTo(2 / 5.0);
    }

    @Test
    void equalsTop1AccuracyOnSingleLabelData() {
        SplittableRandom r = new SplittableRandom(3);
        boolean[][] t = new boolean[200][7];
        double[][] s = new double[200][7];
        for (int i = 0; i < t.length; i++) {
            t[i][r.nextInt(7)] = true;
            for (int c = 0; c < 7; c++) {
                s[i][c] = r.nextInt(4) / 4.0; // coarse scores: many ties
            }
        }
        Predictions p = Predictions.of(t, s);
        assertThat(Top1Accuracy.hitRate(p)).isEqualTo(Top1Accuracy.compute(p));
    }

    @Test
    void refusesAnEmptySet() {
        Predictions empty = Predictions.ofFlat(0, 3, new boolean[0], new double[0]);
        assertThatThrownBy(() -> Top1Accuracy.hitRate(empty)).hasMessageContaining("0 samples");
    }
}
