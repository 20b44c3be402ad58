package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch-by-batch accumulation gives exactly the one-shot result. */
class StreamingEvaluatorTest {

    @Test
    void batchesOfTheFixtureGiveTheOneShotResult() throws Exception {
        TestData.LwlrapCase fx = TestData.lwlrapCase("lwlrap_random_200x80");
        Predictions all = fx.predictions();
        StreamingEvaluator ev = new StreamingEvaluator(80);
        // float batches of 64 (as a model outputs them), the fixture scores are float32 so widening is exact
        for (int from = 0; from < 200; from += 64) {
            int to = Math.min(200, from + 64);
            boolean[][] t = new boolean[to - from][80];
            float[][] s = new float[to - from][80];
            for (int i = from; i < to; i++) {
                for (int c = 0; c < 80; c++) {
                    t[i - from][c] = all.truth(i, c);
                    s[i - from][c] = (float) all.score(i, c);
                }
            }
            ev.add(t, s);
        }
        assertThat(ev.nSamples()).isEqualTo(200);
        LwlrapResult streamed = ev.lwlrap(TieRule.SKLEARN);
        assertThat(streamed.lwlrap()).isEqualTo(Lwlrap.compute(all, TieRule.SKLEARN).lwlrap());
        assertThat(Math.abs(streamed.lwlrap() - fx.values().get("lwlrap_sklearn"))).isLessThan(1e-12);
        assertThat(ev.predictions().scoresFlat()).containsExactly(all.scoresFlat());

        List<String> names = new ArrayList<>();
        for (int c = 0; c < 80; c++) {
            names.add("class" + c);
        }
        Evaluation e = ev.evaluate(names, TieRule.REFERENCE);
        assertThat(e.mapMacro()).isEqualTo(AveragePrecision.macro(all));
        assertThat(e.nSamples()).isEqualTo(200);

        ev.reset();
        assertThat(ev.nSamples()).isZero();
        ev.add(all.slice(0, 10));
        ev.addFlat(190, all.slice(10, 200).truthFlat(), all.slice(10, 200).scoresFlat());
        assertThat(ev.lwlrap(TieRule.REFERENCE).lwlrap()).isEqualTo(Lwlrap.compute(all).lwlrap());
    }

    @Test
    void badBatchesAreRejectedWithTheirRowAndNothingIsAdded() {
        StreamingEvaluator ev = new StreamingEvaluator(3);
        ev.add(new boolean[][] {{true, false, false}}, new double[][] {{0.1, 0.2, 0.3}});
        assertThatThrownBy(() -> ev.add(new boolean[][] {{true, false, false}, {false, true, false}},
                new double[][] {{0.1, 0.2, 0.3}, {0.1, Double.NaN, 0.3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch 1, row 1 (sample 2), class 1: score is NaN");
        assertThatThrownBy(() -> ev.add(new boolean[][] {{true, false}}, new float[][] {{0.1f, 0.2f}}))
                .hasMessageContaining("expected 3 classes");
        assertThatThrownBy(() -> ev.add(new boolean[][] {{true, false, false}}, new float[][] {}))
                .hasMessageContaining("truth has 1 rows but scores has 0");
        assertThatThrownBy(() -> ev.addFlat(1, new boolean[3], new double[] {0, Double.POSITIVE_INFINITY, 0}))
                .hasMessageContaining("score is Infinity");
        assertThat(ev.nSamples()).isEqualTo(1);
        assertThatThrownBy(() -> new StreamingEvaluator(0)).hasMessageContaining("nClasses must be >= 1");
    }

    @Test
    void predictionsValidateShapesAndValues() {
        assertThatThrownBy(() -> Predictions.ofFlat(2, 3, new boolean[6], new double[5]))
                .hasMessageContaining("scores must have nSamples*nClasses = 6 entries, got 5");
        assertThatThrownBy(() -> Predictions.ofFlat(1, 2, new boolean[2], new double[] {0, Double.NaN}))
                .hasMessageContaining("sample 0, class 1 is NaN");
        assertThatThrownBy(() -> Predictions.of(new boolean[][] {{true}, {true, false}},
                new double[][] {{1}, {1, 2}})).hasMessageContaining("truth row 1 has 2 classes");
        assertThatThrownBy(() -> Predictions.of(new float[][] {{1f, 0.5f}}, new float[][] {{1f, 2f}}))
                .hasMessageContaining("truth row 0, class 1 is 0.5");
        Predictions p = Predictions.of(new float[][] {{1f, 0f}}, new float[][] {{1f, 2f}});
        assertThat(p.truth(0, 0)).isTrue();
        assertThat(p.truth(0, 1)).isFalse();
    }
}
