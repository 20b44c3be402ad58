package org.audiotag.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.audiotag.eval.Evaluation;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.eval.TieRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures lwlrap of 100,000 clips x 80 classes (the FSDKaggle2019 shape; about 1.2 labels per clip, as the curated
 * train set) on one thread, against baselines measured in the same run:
 * <ul>
 *   <li>{@code baselineReferencePort}: the organisers' reference algorithm ported literally, an argsort of every
 *       row (boxed, with a comparator), then ranks and cumulative hits;</li>
 *   <li>{@code baselineAllClassRanks}: the naive O(C^2) per-sample method, the rank of every class by counting;</li>
 *   <li>{@code baselineSortRowsOnly}: only sorting a copy of every row with {@code Arrays.sort(double[])}, the
 *       floor of any sort-based method.</li>
 * </ul>
 * Run: {@code java -jar audiotag-benchmarks/target/benchmarks.jar LwlrapBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class LwlrapBenchmark {
    /** Number of clips. */
    @Param({"100000"})
    public int nSamples;

    /** Number of classes. */
    @Param({"80"})
    public int nClasses;

    private Predictions predictions;
    private boolean[] truth;
    private double[] scores;
    private List<String> names;

    /** Builds seeded random truth (1 label, 20 % of clips 2) and Gaussian-like scores. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(2019);
        truth = new boolean[nSamples * nClasses];
        scores = new double[nSamples * nClasses];
        for (int i = 0; i < nSamples; i++) {
            truth[i * nClasses + rng.nextInt(nClasses)] = true;
            if (rng.nextDouble() < 0.2) {
                truth[i * nClasses + rng.nextInt(nClasses)] = true;
            }
            for (int c = 0; c < nClasses; c++) {
                // float-valued logits, signal on the labels
                scores[i * nClasses + c] = (float) (rng.nextDouble() * 4 - 2 + (truth[i * nClasses + c] ? 1.5 : 0));
            }
        }
        predictions = Predictions.ofFlat(nSamples, nClasses, truth, scores);
        names = new java.util.ArrayList<>();
        for (int c = 0; c < nClasses; c++) {
            names.add("class" + c);
        }
    }

    /**
     * Computes lwlrap with the library and the reference tie rule.
     *
     * @return the lwlrap, consumed by JMH
     */
    @Benchmark
    public double lwlrapReference() {
        return Lwlrap.compute(predictions, TieRule.REFERENCE).lwlrap();
    }

    /**
     * Computes lwlrap with the library and scikit-learn's tie rule.
     *
     * @return the lwlrap, consumed by JMH
     */
    @Benchmark
    public double lwlrapSklearn() {
        return Lwlrap.compute(predictions, TieRule.SKLEARN).lwlrap();
    }

    /**
     * Computes every metric of {@link Evaluation} (lwlrap, LRAP, per-class AP and AUC, micro mAP).
     *
     * @return the lwlrap of the evaluation, consumed by JMH
     */
    @Benchmark
    @Measurement(iterations = 3, time = 4)
    public double fullEvaluation() {
        return Evaluation.of(predictions, names, TieRule.REFERENCE).mapMacro();
    }

    /**
     * Computes lwlrap by a literal port of the reference notebook, a boxed argsort per row (baseline).
     *
     * @return the lwlrap, consumed by JMH
     */
    @Benchmark
    public double baselineReferencePort() {
        int nc = nClasses;
        double sum = 0;
        long count = 0;
        Integer[] order = new Integer[nc];
        int[] rank = new int[nc];
        for (int i = 0; i < nSamples; i++) {
            final int off = i * nc;
            boolean any = false;
            for (int c = 0; c < nc; c++) {
                any |= truth[off + c];
                order[c] = c;
            }
            if (!any) {
                continue;
            }
            // np.argsort(scores)[::-1] with a stable sort: descending, equal scores higher index first
            Arrays.sort(order, (a, b) -> {
                int cmp = Double.compare(scores[off + b], scores[off + a]);
                return cmp != 0 ? cmp : Integer.compare(b, a);
            });
            for (int r = 0; r < nc; r++) {
                rank[order[r]] = r;
            }
            int hits = 0;
            double[] precAtRank = new double[nc];
            boolean[] hitAt = new boolean[nc];
            for (int r = 0; r < nc; r++) {
                if (truth[off + order[r]]) {
                    hits++;
                    hitAt[r] = true;
                }
                precAtRank[r] = (double) hits / (r + 1);
            }
            for (int c = 0; c < nc; c++) {
                if (truth[off + c]) {
                    sum += precAtRank[rank[c]];
                    count++;
                }
            }
        }
        return sum / count;
    }

    /**
     * Computes lwlrap by ranking every class of every sample by counting, O(C²) per sample (baseline).
     *
     * @return the lwlrap, consumed by JMH
     */
    @Benchmark
    public double baselineAllClassRanks() {
        int nc = nClasses;
        double sum = 0;
        long count = 0;
        int[] rank = new int[nc];
        for (int i = 0; i < nSamples; i++) {
            int off = i * nc;
            for (int c = 0; c < nc; c++) {
                double sc = scores[off + c];
                int r = 0;
                for (int k = 0; k < nc; k++) {
                    double sk = scores[off + k];
                    if (sk > sc || (sk == sc && k >= c)) {
                        r++;
                    }
                }
                rank[c] = r;
            }
            for (int c = 0; c < nc; c++) {
                if (!truth[off + c]) {
                    continue;
                }
                int hits = 0;
                for (int k = 0; k < nc; k++) {
                    if (truth[off + k] && rank[k] <= rank[c]) {
                        hits++;
                    }
                }
                sum += (double) hits / rank[c];
                count++;
            }
        }
        return sum / count;
    }

    /**
     * Sorts a copy of every row and nothing else, the floor any ranking metric pays (baseline).
     *
     * @return a checksum, consumed by JMH
     */
    @Benchmark
    public double baselineSortRowsOnly() {
        int nc = nClasses;
        double[] row = new double[nc];
        double acc = 0;
        for (int i = 0; i < nSamples; i++) {
            System.arraycopy(scores, i * nc, row, 0, nc);
            Arrays.sort(row);
            acc += row[nc - 1];
        }
        return acc;
    }
}
