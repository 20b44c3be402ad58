package org.audiotag.eval.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SegmentBasedMetrics} on hand-worked cases, sed_eval's edge cases, and against a brute-force reference that
 * samples class activity every millisecond.
 */
class SegmentBasedMetricsTest {
    private static final double TOL = 1e-12;

    static SoundEvent ev(String file, double onset, double offset, String label) {
        return new SoundEvent(file, onset, offset, label);
    }

    @Test
    void handWorkedFileMatchesTheCountsDoneOnPaper() {
        // 1-s segments; the file ends at max offset 3.0 s -> segments 0, 1, 2
        // truth: dog [0.0, 2.5] -> segments 0,1,2;  cat [1.2, 1.8] -> segment 1
        // pred:  dog [0.5, 1.0] -> segment 0 only (ends exactly on the boundary of segment 1)
        //        cat [2.1, 3.0] -> segment 2;  bird [2.2, 2.4] -> segment 2
        // seg 0: ref {dog} sys {dog}            -> Ntp 1, Nfn 0, Nfp 0: S 0 D 0 I 0
        // seg 1: ref {dog, cat} sys {}          -> Ntp 0, Nfn 2, Nfp 0: S 0 D 2 I 0
        // seg 2: ref {dog} sys {cat, bird}      -> Ntp 0, Nfn 1, Nfp 2: S 1 D 0 I 1
        // Nref 4, Nsys 3, Ntp 1, S 1, D 2, I 1; P 1/3, R 1/4, F1 = 2/(2+2+3) = 2/7; ER = (1+2+1)/4 = 1
        List<SoundEvent> truth = List.of(ev("a.wav", 0.0, 2.5, "dog"), ev("a.wav", 1.2, 1.8, "cat"));
        List<SoundEvent> pred = List.of(ev("a.wav", 0.5, 1.0, "dog"), ev("a.wav", 2.1, 3.0, "cat"),
                ev("a.wav", 2.2, 2.4, "bird"));
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(truth, pred);
        assertThat(r.files()).isEqualTo(1);
        assertThat(r.segments()).isEqualTo(3);
        assertThat(new long[] {r.nRef(), r.nSys(), r.truePositives(), r.substitutions(), r.deletions(),
            r.insertions(), r.falsePositives(), r.falseNegatives()}).containsExactly(4, 3, 1, 1, 2, 1, 2, 3);
        assertThat(r.precision()).isCloseTo(1.0 / 3, within(TOL));
        assertThat(r.recall()).isCloseTo(0.25, within(TOL));
        assertThat(r.f1()).isCloseTo(2.0 / 7, within(TOL));
        assertThat(r.errorRate()).isCloseTo(1.0, within(TOL));
        assertThat(r.substitutionRate()).isCloseTo(0.25, within(TOL));
        assertThat(r.deletionRate()).isCloseTo(0.5, within(TOL));
        assertThat(r.insertionRate()).isCloseTo(0.25, within(TOL));
        // class-wise: bird Nref 0 Nsys 1 -> F 0, ER undefined (NaN); cat Nref 1 (seg 1) Nsys 1 (seg 2) Ntp 0 ->
        // F 0, ER (1+1)/1 = 2; dog Nref 3 Nsys 1 Ntp 1 -> P 1, R 1/3, F 0.5, ER (2+0)/3
        assertThat(r.perClass().keySet()).containsExactly("bird", "cat", "dog");
        assertThat(r.perClass().get("bird").f1()).isZero();
        assertThat(r.perClass().get("bird").errorRate()).isNaN();
        assertThat(r.perClass().get("cat").f1()).isZero();
        assertThat(r.perClass().get("cat").errorRate()).isCloseTo(2.0, within(TOL));
        assertThat(r.perClass().get("dog").f1()).isCloseTo(0.5, within(TOL));
        assertThat(r.perClass().get("dog").errorRate()).isCloseTo(2.0 / 3, within(TOL));
        // macro: F (0 + 0 + 0.5) / 3; ER nanmean(NaN, 2, 2/3) = 4/3
        assertThat(r.macroF1()).isCloseTo(1.0 / 6, within(TOL));
        assertThat(r.macroErrorRate()).isCloseTo(4.0 / 3, within(TOL));
    }

    @Test
    void halfSecondSegmentsSplitTheSameFileFiner() {
        // 0.5-s segments, 4 of them (max offset 2.0): truth dog [0.2, 1.2] -> 0,1,2; pred dog [0.6, 2.0] -> 1,2,3
        // Ntp 2 (segments 1, 2), Nfn 1 (seg 0), Nfp 1 (seg 3): S 0 D 1 I 1 (different segments, no substitution)
        // F1 = 4/(4+1+1) = 2/3, ER = 2/3
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(List.of(ev("f", 0.2, 1.2, "dog")),
                List.of(ev("f", 0.6, 2.0, "dog")), 0.5);
        assertThat(r.segments()).isEqualTo(4);
        assertThat(new long[] {r.truePositives(), r.substitutions(), r.deletions(), r.insertions()})
                .containsExactly(2, 0, 1, 1);
        assertThat(r.f1()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.errorRate()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.segmentSeconds()).isEqualTo(0.5);
    }

    @Test
    void emptyPredictionIsAllDeletions() {
        // 2 active reference segments, nothing output: P = 0/(0+eps) = 0, R 0, F 0; ER = D/Nref = 2/2 = 1
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(List.of(ev("f", 0, 2, "dog")), List.of());
        assertThat(r.precision()).isZero();
        assertThat(r.f1()).isZero();
        assertThat(r.errorRate()).isEqualTo(1.0);
        assertThat(r.deletionRate()).isEqualTo(1.0);
    }

    @Test
    void emptyTruthGivesZeroF1AndAnUndefinedErrorRate() {
        // sed_eval: ER = I/(0 + eps) ~ 4.5e15; here NaN. F1 = 0 (P = 0/1, R = 0/eps = 0).
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(List.of(), List.of(ev("f", 0, 1.5, "dog")));
        assertThat(r.nRef()).isZero();
        assertThat(r.insertions()).isEqualTo(2);
        assertThat(r.f1()).isZero();
        assertThat(r.errorRate()).isNaN();
        assertThat(r.macroErrorRate()).isNaN();
        SegmentBasedMetrics.Result none = SegmentBasedMetrics.evaluate(List.of(), List.of());
        assertThat(none.files()).isZero();
        assertThat(none.f1()).isZero();
        assertThat(none.errorRate()).isZero();
        assertThat(none.perClass()).isEmpty();
    }

    @Test
    void overlappingEventsOfOneClassCountOncePerSegment() {
        // dog [0, 1.5] and dog [1.2, 2.0] -> segments 0, 1 active once each: Nref 2 (not 3)
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(
                List.of(ev("f", 0, 1.5, "dog"), ev("f", 1.2, 2.0, "dog")), List.of(ev("f", 0.1, 1.9, "dog")));
        assertThat(r.nRef()).isEqualTo(2);
        assertThat(r.nSys()).isEqualTo(2);
        assertThat(r.f1()).isCloseTo(1.0, within(TOL));
        assertThat(r.errorRate()).isZero();
    }

    @Test
    void zeroLengthEventsMarkTheirSegmentUnlessOnABoundary() {
        // [1.5, 1.5]: floor 1, ceil 2 -> segment 1; [1.0, 1.0]: floor 1, ceil 1 -> none (file still has 2 segments)
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(List.of(ev("f", 1.5, 1.5, "dog")),
                List.of(ev("f", 1.0, 1.0, "dog")));
        assertThat(r.segments()).isEqualTo(2);
        assertThat(r.nRef()).isEqualTo(1);
        assertThat(r.nSys()).isZero();
    }

    @Test
    void filesOnlyInThePredictionAreFalseAlarmsAndFilesOnlyInTheTruthMisses() {
        // a: truth dog [0,1] predicted exactly; b: only predicted, dog [0, 2] -> 2 insertions;
        // c: only in truth, cat [0, 1] -> 1 deletion. Nref 2, Nsys 3, Ntp 1 -> F1 2/(2+2+1) = 0.4, ER (1+2)/2
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(
                List.of(ev("a", 0, 1, "dog"), ev("c", 0, 1, "cat")),
                List.of(ev("a", 0, 1, "dog"), ev("b", 0, 2, "dog")));
        assertThat(r.files()).isEqualTo(3);
        assertThat(r.segments()).isEqualTo(4);
        assertThat(new long[] {r.truePositives(), r.substitutions(), r.deletions(), r.insertions()})
                .containsExactly(1, 0, 1, 2);
        assertThat(r.f1()).isCloseTo(0.4, within(TOL));
        assertThat(r.errorRate()).isCloseTo(1.5, within(TOL));
    }

    @Test
    void resultsAreImmutableAndParametersChecked() {
        SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(List.of(ev("f", 0, 1, "dog")), List.of());
        assertThatThrownBy(() -> r.perClass().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SegmentBasedMetrics.evaluate(List.of(), List.of(), 0))
                .hasMessageContaining("segmentSeconds");
        assertThatThrownBy(() -> SegmentBasedMetrics.evaluate(List.of(), List.of(), Double.NaN))
                .hasMessageContaining("segmentSeconds");
        assertThatThrownBy(() -> SegmentBasedMetrics.evaluate(List.of(ev("long.wav", 0, 1e9, "dog")), List.of(),
                1.0)).hasMessageContaining("long.wav").hasMessageContaining("segments");
    }

    /** 200 random multi-file cases: the fast event rolls against millisecond sampling of the activity. */
    @Test
    void agreesWithMillisecondSamplingOnRandomCases() {
        SplittableRandom rng = new SplittableRandom(14);
        int[] segmentMs = {1000, 500, 250, 2000};
        for (int trial = 0; trial < 200; trial++) {
            List<SoundEvent> truth = randomEvents(rng);
            List<SoundEvent> pred = randomEvents(rng);
            int lms = segmentMs[trial % segmentMs.length];
            SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(truth, pred, lms / 1000.0);
            long[] b = bruteForce(truth, pred, lms);
            String what = "trial " + trial + " truth " + truth + " pred " + pred;
            assertThat(new long[] {r.nRef(), r.nSys(), r.truePositives(), r.substitutions(), r.deletions(),
                r.insertions(), r.segments()}).as(what).containsExactly(b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
            long tp = b[2];
            long fp = b[1] - b[2];
            long fn = b[0] - b[2];
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            assertThat(r.f1()).as(what).isCloseTo(f1, within(TOL));
            if (b[0] > 0) {
                assertThat(r.errorRate()).as(what).isCloseTo((double) (b[3] + b[4] + b[5]) / b[0], within(TOL));
            }
            for (ClassResult c : r.perClass().values()) {
                long[] k = bruteForceClass(truth, pred, lms, c.label());
                assertThat(new long[] {c.nRef(), c.nSys(), c.truePositives()}).as(what + " " + c.label())
                        .containsExactly(k[0], k[1], k[2]);
                if (k[0] > 0) {
                    assertThat(c.errorRate()).isCloseTo((double) (k[0] - k[2] + k[1] - k[2]) / k[0], within(TOL));
                }
            }
        }
    }

    static List<SoundEvent> randomEvents(SplittableRandom rng) {
        List<SoundEvent> out = new ArrayList<>();
        int files = 1 + rng.nextInt(3);
        for (int f = 0; f < files; f++) {
            int n = rng.nextInt(7);
            for (int i = 0; i < n; i++) {
                int on = rng.nextInt(5000);
                int off = on + 1 + rng.nextInt(2000);
                out.add(ev("file" + rng.nextInt(3) + ".wav", on / 1000.0, off / 1000.0,
                        String.valueOf((char) ('a' + rng.nextInt(3)))));
            }
        }
        return out;
    }

    /** {Nref, Nsys, Ntp, S, D, I, segments} from activity sampled at every millisecond t, active if on <= t < off. */
    private static long[] bruteForce(List<SoundEvent> truth, List<SoundEvent> pred, int lms) {
        TreeSet<String> files = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>();
        for (SoundEvent e : concat(truth, pred)) {
            files.add(e.filename());
            labels.add(e.label());
        }
        long[] out = new long[7];
        for (String f : files) {
            int maxMs = 0;
            for (SoundEvent e : concat(truth, pred)) {
                if (e.filename().equals(f)) {
                    maxMs = Math.max(maxMs, ms(e.offset()));
                }
            }
            int nSeg = (maxMs + lms - 1) / lms;
            out[6] += nSeg;
            for (int s = 0; s < nSeg; s++) {
                int nref = 0;
                int nsys = 0;
                int tp = 0;
                for (String l : labels) {
                    boolean a = activeInSegment(truth, f, l, s, lms, maxMs);
                    boolean b = activeInSegment(pred, f, l, s, lms, maxMs);
                    nref += a ? 1 : 0;
                    nsys += b ? 1 : 0;
                    tp += a && b ? 1 : 0;
                }
                int fn = nref - tp;
                int fp = nsys - tp;
                out[0] += nref;
                out[1] += nsys;
                out[2] += tp;
                out[3] += Math.min(fn, fp);
                out[4] += Math.max(0, fn - fp);
                out[5] += Math.max(0, fp - fn);
            }
        }
        return out;
    }

    /** {Nref, Nsys, Ntp} of one class, in segments, by millisecond sampling. */
    private static long[] bruteForceClass(List<SoundEvent> truth, List<SoundEvent> pred, int lms, String label) {
        TreeSet<String> files = new TreeSet<>();
        for (SoundEvent e : concat(truth, pred)) {
            files.add(e.filename());
        }
        long[] out = new long[3];
        for (String f : files) {
            int maxMs = 0;
            for (SoundEvent e : concat(truth, pred)) {
                if (e.filename().equals(f)) {
                    maxMs = Math.max(maxMs, ms(e.offset()));
                }
            }
            for (int s = 0; s * lms < maxMs; s++) {
                boolean a = activeInSegment(truth, f, label, s, lms, maxMs);
                boolean b = activeInSegment(pred, f, label, s, lms, maxMs);
                out[0] += a ? 1 : 0;
                out[1] += b ? 1 : 0;
                out[2] += a && b ? 1 : 0;
            }
        }
        return out;
    }

    private static boolean activeInSegment(List<SoundEvent> events, String file, String label, int s, int lms,
            int maxMs) {
        for (int t = s * lms; t < Math.min((s + 1) * lms, maxMs); t++) {
            for (SoundEvent e : events) {
                if (e.filename().equals(file) && e.label().equals(label) && ms(e.onset()) <= t && t < ms(e.offset())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int ms(double seconds) {
        return (int) Math.round(seconds * 1000);
    }

    private static List<SoundEvent> concat(List<SoundEvent> a, List<SoundEvent> b) {
        List<SoundEvent> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
