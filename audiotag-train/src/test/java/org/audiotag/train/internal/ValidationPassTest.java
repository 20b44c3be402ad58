package org.audiotag.train.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.eval.AveragePrecision;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.eval.Top1Accuracy;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.TrainingConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validation pass against an independent window-by-window computation, with audiotag-eval's metrics and the
 * trainer's former accuracy and loss code as oracles, on real ESC-10 log-mels.
 */
class ValidationPassTest {

    @TempDir
    static Path cache;

    /** A deterministic stand-in for a model: tag probabilities from the window's mean and spread. */
    static float[] fakeModel(float[] x, int n, int ex, int tags) {
        float[] p = new float[n * tags];
        for (int i = 0; i < n; i++) {
            double s = 0;
            double s2 = 0;
            for (int j = 0; j < ex; j++) {
                s += x[i * ex + j];
                s2 += (double) x[i * ex + j] * x[i * ex + j];
            }
            double mean = s / ex;
            double sd = Math.sqrt(Math.max(s2 / ex - mean * mean, 0));
            for (int k = 0; k < tags; k++) {
                p[i * tags + k] = (float) (1 / (1 + Math.exp(-(mean * (k - 4.5) * 0.7 + sd * (k % 3 - 1) * 0.5))));
            }
        }
        return p;
    }

    /** Window starts written from the definition: hops from 0, one more aligned to the end, placement if short. */
    static List<Integer> starts(int frames, int window, int hop, WindowAggregation agg) {
        List<Integer> s = new ArrayList<>();
        if (frames <= window) {
            s.add(window - frames);
        } else if (agg == WindowAggregation.FIRST) {
            s.add(0);
        } else {
            int t = 0;
            for (; t + window <= frames; t += hop) {
                s.add(t);
            }
            if (t - hop + window < frames) {
                s.add(frames - window);
            }
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"MEAN, 128, 8", "MAX, 128, 8", "FIRST, 128, 64", "MEAN, 400, 50", "MAX, 128, 128"})
    void scoresWindowsAggregatesAndEvaluatesLikeTheDefinition(WindowAggregation agg, int crop, int hop)
            throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().cropFrames(crop).windowHopFrames(hop).aggregation(agg)
                .threads(2).build();
        try (TrainingData data = TinyRunData.open(cfg, cache)) {
            int ex = data.window() * data.bins();
            int tags = data.numTags();
            List<Integer> chunkSizes = new ArrayList<>();
            ValidationResult r = new ValidationPass(data, agg).run((x, n) -> {
                chunkSizes.add(n);
                return fakeModel(x, n, ex, tags);
            });

            int[] val = data.validation();
            float mean = data.normalization().mean();
            float inv = 1f / data.normalization().std();
            double[][] expected = new double[val.length][tags];
            boolean[][] truth = new boolean[val.length][tags];
            int windows = 0;
            for (int v = 0; v < val.length; v++) {
                TimeMajorFeatures f = data.features().get(val[v]);
                float min = Float.POSITIVE_INFINITY;
                for (float a : f.data()) {
                    min = Math.min(min, a);
                }
                List<Integer> st = starts(f.frames(), data.window(), data.hop(), agg);
                windows += st.size();
                for (int s : st) {
                    float[] w = new float[ex];
                    for (int t = 0; t < data.window(); t++) {
                        // long clip: frame s + t; short clip: placed at s, padded with its minimum
                        int src = f.frames() > data.window() ? s + t : t - s;
                        for (int b = 0; b < data.bins(); b++) {
                            float a = src >= 0 && src < f.frames() ? f.get(src, b) : min;
                            w[t * data.bins() + b] = (a - mean) * inv;
                        }
                    }
                    float[] p = fakeModel(w, 1, ex, tags);
                    for (int k = 0; k < tags; k++) {
                        expected[v][k] = agg == WindowAggregation.MAX
                                ? Math.max(s == st.get(0) ? Double.NEGATIVE_INFINITY : expected[v][k], p[k])
                                : expected[v][k] + p[k];
                    }
                }
                float[] target = data.dataset().target(val[v]);
                for (int k = 0; k < tags; k++) {
                    if (agg == WindowAggregation.MEAN) {
                        expected[v][k] /= st.size();
                    }
                    truth[v][k] = target[k] > 0.5f;
                }
            }
            assertThat(chunkSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(windows);
            assertThat(chunkSizes).allMatch(n -> n <= 64);
            for (int v = 0; v < val.length; v++) {
                for (int k = 0; k < tags; k++) {
                    assertThat(r.predictions().score(v, k)).as("clip %d tag %d", v, k).isEqualTo(expected[v][k]);
                }
            }

            // metrics: audiotag-eval on the clip scores
            Predictions p = Predictions.of(truth, expected);
            assertThat(r.lwlrap()).isEqualTo(Lwlrap.compute(p).lwlrap());
            assertThat(r.map()).isEqualTo(AveragePrecision.macro(p));
            assertThat(r.accuracy()).isEqualTo(Top1Accuracy.compute(p));
            // the trainer's former accuracy (best-scored tag is a label) and loss code give the same numbers
            int hits = 0;
            double loss = 0;
            for (int v = 0; v < val.length; v++) {
                int best = 0;
                for (int k = 1; k < tags; k++) {
                    if (expected[v][k] > expected[v][best]) {
                        best = k;
                    }
                }
                hits += truth[v][best] ? 1 : 0;
                for (int k = 0; k < tags; k++) {
                    double q = Math.min(Math.max(expected[v][k], 1e-7), 1 - 1e-7);
                    loss -= truth[v][k] ? Math.log(q) : Math.log(1 - q);
                }
            }
            assertThat(r.accuracy()).isEqualTo(hits / (double) val.length);
            assertThat(r.loss()).isEqualTo(loss / ((double) val.length * tags));
            assertThat(r.lwlrap()).isBetween(0.0, 1.0);
        }
    }
}
