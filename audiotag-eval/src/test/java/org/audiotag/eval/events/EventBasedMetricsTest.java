package org.audiotag.eval.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.audiotag.eval.events.SegmentBasedMetricsTest.ev;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link EventBasedMetrics} on hand-worked cases (traced through sed_eval's matching by hand), edge cases, and
 * against an exhaustive search over all one-to-one matchings of small random cases.
 */
class EventBasedMetricsTest {
    private static final double TOL = 1e-12;

    @Test
    void handWorkedOnsetOnlyCase() {
        // collar 0.2 s, onsets only:
        // truth: dog@1.0, dog@3.0, cat@5.0, bird@7.0     pred: dog@1.1, cat@3.05, cat@5.3, bird@9.0
        // dog@1.0-dog@1.1 match (0.1 <= 0.2); dog@3.0 has only cat@3.05 in time -> substitution;
        // cat@5.0 vs cat@5.3: 0.3 > 0.2 -> no match; bird@7.0 vs bird@9.0 no match.
        // Ntp 1, S 1, D = 4-1-1 = 2, I = 4-1-1 = 2; P = R = 1/4, F1 = 0.25; ER = (1+2+2)/4 = 1.25
        List<SoundEvent> truth = List.of(ev("f", 1.0, 2.0, "dog"), ev("f", 3.0, 4.0, "dog"), ev("f", 5.0, 6.0,
                "cat"), ev("f", 7.0, 8.0, "bird"));
        List<SoundEvent> pred = List.of(ev("f", 1.1, 2.5, "dog"), ev("f", 3.05, 4.0, "cat"), ev("f", 5.3, 6.0,
                "cat"), ev("f", 9.0, 9.5, "bird"));
        EventBasedMetrics.Result r = EventBasedMetrics.evaluate(truth, pred);
        assertThat(r.tCollar()).isEqualTo(0.2);
        assertThat(r.evaluateOffset()).isFalse();
        assertThat(r.matching()).isEqualTo(EventMatching.OPTIMAL);
        assertThat(new long[] {r.nRef(), r.nSys(), r.truePositives(), r.substitutions(), r.deletions(),
            r.insertions()}).containsExactly(4, 4, 1, 1, 2, 2);
        assertThat(r.f1()).isCloseTo(0.25, within(TOL));
        assertThat(r.errorRate()).isCloseTo(1.25, within(TOL));
        assertThat(r.substitutionRate()).isCloseTo(0.25, within(TOL));
        // class-wise (no substitutions): bird 1/1/0 -> F 0, ER 2; cat Nref 1 Nsys 2 Ntp 0 -> F 0, ER (1+2)/1 = 3;
        // dog Nref 2 Nsys 1 Ntp 1 -> P 1, R 1/2, F 2/3, ER (1+0)/2 = 0.5. Macro F 2/9, macro ER 11/6.
        assertThat(r.perClass().get("bird").errorRate()).isCloseTo(2.0, within(TOL));
        assertThat(r.perClass().get("cat").errorRate()).isCloseTo(3.0, within(TOL));
        assertThat(r.perClass().get("dog").f1()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.perClass().get("dog").errorRate()).isCloseTo(0.5, within(TOL));
        assertThat(r.macroF1()).isCloseTo(2.0 / 9, within(TOL));
        assertThat(r.macroErrorRate()).isCloseTo(11.0 / 6, within(TOL));
    }

    @Test
    void offsetConditionUsesTheLargerOfCollarAndHalfTheReferenceLength() {
        // truth dog [1.0, 5.0] (length 4 -> offset tolerance max(0.2, 0.5 * 4) = 2.0)
        // pred dog [1.1, 6.9]: onset ok (0.1), offset |5 - 6.9| = 1.9 <= 2.0 -> match
        // pred dog [1.1, 7.1] would miss: 2.1 > 2.0
        List<SoundEvent> truth = List.of(ev("f", 1.0, 5.0, "dog"));
        assertThat(EventBasedMetrics.evaluate(truth, List.of(ev("f", 1.1, 6.9, "dog")), 0.2, true, 0.5)
                .truePositives()).isEqualTo(1);
        EventBasedMetrics.Result miss = EventBasedMetrics.evaluate(truth, List.of(ev("f", 1.1, 7.1, "dog")), 0.2,
                true, 0.5);
        assertThat(miss.truePositives()).isZero();
        assertThat(miss.evaluateOffset()).isTrue();
        // onset only, the same pair matches
        assertThat(EventBasedMetrics.evaluate(truth, List.of(ev("f", 1.1, 7.1, "dog"))).truePositives())
                .isEqualTo(1);
        // a short reference: tolerance is the collar (0.5 * 0.1 < 0.2): offset 1.35 vs 1.1 -> 0.25 > 0.2, miss
        assertThat(EventBasedMetrics.evaluate(List.of(ev("f", 1.0, 1.1, "dog")), List.of(ev("f", 1.0, 1.35,
                "dog")), 0.2, true, 0.5).truePositives()).isZero();
    }

    @Test
    void optimalMatchingFindsTheAugmentingPathGreedyMisses() {
        // truth dog@1.0, dog@1.3; pred dog@1.15 (within 0.2 of both), dog@0.9 (within 0.2 of dog@1.0 only)
        // greedy: dog@1.0 takes the first free candidate dog@1.15, dog@1.3 then has none -> Ntp 1
        // optimal: dog@1.0-dog@0.9 and dog@1.3-dog@1.15 -> Ntp 2
        List<SoundEvent> truth = List.of(ev("f", 1.0, 2.0, "dog"), ev("f", 1.3, 2.0, "dog"));
        List<SoundEvent> pred = List.of(ev("f", 1.15, 2.0, "dog"), ev("f", 0.9, 2.0, "dog"));
        EventBasedMetrics.Result opt = EventBasedMetrics.evaluate(truth, pred);
        EventBasedMetrics.Result greedy = EventBasedMetrics.evaluate(truth, pred, 0.2, false, 0.5,
                EventMatching.GREEDY);
        assertThat(opt.truePositives()).isEqualTo(2);
        assertThat(opt.f1()).isCloseTo(1.0, within(TOL));
        assertThat(opt.perClass().get("dog").truePositives()).isEqualTo(2);
        assertThat(greedy.truePositives()).isEqualTo(1);
        assertThat(greedy.perClass().get("dog").truePositives()).isEqualTo(1);
        assertThat(greedy.f1()).isCloseTo(0.5, within(TOL));
        assertThat(greedy.matching()).isEqualTo(EventMatching.GREEDY);
    }

    @Test
    void substitutionsDependOnWhichMaximumMatchingIsTakenAsInSedEval() {
        // truth dog@1.0, cat@1.25; pred dog@1.1 and dog@0.85, both within 0.2 of dog@1.0; cat@1.25 is within 0.2
        // of dog@1.1 only. sed_eval's graph {pred 0: [ref 0], pred 1: [ref 0]}: its greedy start matches ref 0 to
        // pred 0, no augmenting path exists, so that matching stays.
        // pred order (dog@1.1, dog@0.85): dog@1.0-dog@1.1 matched, leftover dog@0.85 is 0.4 from cat@1.25 -> S 0,
        //   D 1, I 1, ER 2/2 = 1
        // pred order (dog@0.85, dog@1.1): dog@1.0-dog@0.85 matched, leftover dog@1.1 is 0.15 from cat@1.25 -> S 1,
        //   D 0, I 0, ER 1/2
        List<SoundEvent> truth = List.of(ev("f", 1.0, 2.0, "dog"), ev("f", 1.25, 2.0, "cat"));
        SoundEvent a = ev("f", 1.1, 2.0, "dog");
        SoundEvent b = ev("f", 0.85, 2.0, "dog");
        EventBasedMetrics.Result ab = EventBasedMetrics.evaluate(truth, List.of(a, b));
        EventBasedMetrics.Result ba = EventBasedMetrics.evaluate(truth, List.of(b, a));
        assertThat(new long[] {ab.truePositives(), ab.substitutions(), ab.deletions(), ab.insertions()})
                .containsExactly(1, 0, 1, 1);
        assertThat(ab.errorRate()).isCloseTo(1.0, within(TOL));
        assertThat(new long[] {ba.truePositives(), ba.substitutions(), ba.deletions(), ba.insertions()})
                .containsExactly(1, 1, 0, 0);
        assertThat(ba.errorRate()).isCloseTo(0.5, within(TOL));
    }

    @Test
    void edgeCases() {
        List<SoundEvent> truth = List.of(ev("a", 1, 2, "dog"), ev("a", 3, 4, "dog"));
        // empty prediction: P 0, R 0, F 0, ER = D/Nref = 1
        EventBasedMetrics.Result none = EventBasedMetrics.evaluate(truth, List.of());
        assertThat(none.f1()).isZero();
        assertThat(none.errorRate()).isEqualTo(1.0);
        // empty truth: F 0, ER undefined (NaN here; sed_eval I / eps)
        EventBasedMetrics.Result noTruth = EventBasedMetrics.evaluate(List.of(), truth);
        assertThat(noTruth.f1()).isZero();
        assertThat(noTruth.errorRate()).isNaN();
        // a file only in the prediction: its events are insertions; one only in the truth: deletions
        EventBasedMetrics.Result files = EventBasedMetrics.evaluate(truth, List.of(ev("a", 1.1, 2, "dog"),
                ev("b", 3, 4, "dog")));
        assertThat(files.files()).isEqualTo(2);
        assertThat(new long[] {files.truePositives(), files.deletions(), files.insertions()})
                .containsExactly(1, 1, 1);
        // the same onset in two files never matches across files
        assertThat(EventBasedMetrics.evaluate(List.of(ev("a", 1, 2, "dog")), List.of(ev("b", 1, 2, "dog")))
                .truePositives()).isZero();
        // overlapping events of one class match one to one: two predictions for one reference -> one insertion
        EventBasedMetrics.Result dup = EventBasedMetrics.evaluate(List.of(ev("a", 1, 2, "dog")),
                List.of(ev("a", 1.0, 2, "dog"), ev("a", 1.05, 2, "dog")));
        assertThat(new long[] {dup.truePositives(), dup.insertions()}).containsExactly(1, 1);
        // a collar of exactly the onset difference still matches (<=)
        assertThat(EventBasedMetrics.evaluate(List.of(ev("a", 1.0, 2, "dog")), List.of(ev("a", 1.5, 2, "dog")),
                0.5, false, 0.5).truePositives()).isEqualTo(1);
        assertThatThrownBy(() -> EventBasedMetrics.evaluate(truth, truth, -0.1, false, 0.5))
                .hasMessageContaining("tCollar");
        assertThatThrownBy(() -> EventBasedMetrics.evaluate(truth, truth, 0.2, true, 1.5))
                .hasMessageContaining("percentageOfLength");
    }

    /**
     * 200 random cases: Ntp (overall and per class) is the size of a maximum matching found by trying every
     * one-to-one matching; S is what sed_eval's substitution rule gives for one of the maximum matchings; the
     * scores follow the formulas; greedy never finds more matches.
     */
    @Test
    void agreesWithExhaustiveMatchingOnRandomCases() {
        SplittableRandom rng = new SplittableRandom(2016);
        for (int trial = 0; trial < 200; trial++) {
            List<SoundEvent> truth = randomEvents(rng);
            List<SoundEvent> pred = randomEvents(rng);
            boolean offsets = trial % 3 == 0;
            double collar = trial % 2 == 0 ? 0.2 : 0.25;
            EventBasedMetrics.Result r = EventBasedMetrics.evaluate(truth, pred, collar, offsets, 0.5);
            String what = "trial " + trial + " truth " + truth + " pred " + pred;
            TreeSet<String> files = new TreeSet<>();
            TreeSet<String> labels = new TreeSet<>();
            for (SoundEvent e : concat(truth, pred)) {
                files.add(e.filename());
                labels.add(e.label());
            }
            long maxTp = 0;
            Set<Long> possibleS = new HashSet<>(Set.of(0L));
            for (String f : files) {
                List<SoundEvent> ref = ofFile(truth, f);
                List<SoundEvent> sys = ofFile(pred, f);
                List<int[]> best = new ArrayList<>();
                int size = maximumMatchings(ref, sys, collar, offsets, true, best);
                maxTp += size;
                Set<Long> fileS = new LinkedHashSet<>();
                for (int[] m : best) {
                    fileS.add((long) substitutions(ref, sys, m, collar, offsets));
                }
                Set<Long> sums = new HashSet<>();
                for (long s0 : possibleS) {
                    for (long s1 : fileS) {
                        sums.add(s0 + s1);
                    }
                }
                possibleS = sums;
            }
            assertThat(r.truePositives()).as(what).isEqualTo(maxTp);
            assertThat(possibleS).as(what).contains(r.substitutions());
            assertThat(r.nRef()).isEqualTo(truth.size());
            assertThat(r.nSys()).isEqualTo(pred.size());
            long fp = pred.size() - maxTp;
            long fn = truth.size() - maxTp;
            assertThat(r.f1()).as(what).isCloseTo(maxTp == 0 ? 0 : 2.0 * maxTp / (2.0 * maxTp + fp + fn),
                    within(TOL));
            if (!truth.isEmpty()) {
                long s = r.substitutions();
                assertThat(r.errorRate()).as(what).isCloseTo((double) (s + (fn - s) + (fp - s)) / truth.size(),
                        within(TOL));
            }
            for (String l : labels) {
                long tp = 0;
                for (String f : files) {
                    tp += maximumMatchings(ofLabel(ofFile(truth, f), l), ofLabel(ofFile(pred, f), l), collar, offsets,
                            false, new ArrayList<>());
                }
                ClassResult c = r.perClass().get(l);
                assertThat(c.truePositives()).as(what + " " + l).isEqualTo(tp);
                assertThat(c.nRef()).isEqualTo(ofLabel(truth, l).size());
                assertThat(c.nSys()).isEqualTo(ofLabel(pred, l).size());
            }
            EventBasedMetrics.Result greedy = EventBasedMetrics.evaluate(truth, pred, collar, offsets, 0.5,
                    EventMatching.GREEDY);
            assertThat(greedy.truePositives()).as(what).isLessThanOrEqualTo(maxTp);
        }
    }

    private static List<SoundEvent> randomEvents(SplittableRandom rng) {
        List<SoundEvent> out = new ArrayList<>();
        int n = rng.nextInt(7);
        for (int i = 0; i < n; i++) {
            int on = 50 * rng.nextInt(30); // a coarse grid so that onsets often fall within the collar
            int off = on + 50 + 50 * rng.nextInt(20);
            out.add(ev("f" + rng.nextInt(2), on / 1000.0, off / 1000.0, String.valueOf((char) ('a' + rng.nextInt(2)))));
        }
        return out;
    }

    private static boolean hold(SoundEvent r, SoundEvent s, double collar, boolean offsets) {
        boolean on = Math.abs(r.onset() - s.onset()) <= collar;
        boolean off = !offsets || Math.abs(r.offset() - s.offset()) <= Math.max(collar, 0.5 * r.duration());
        return on && off;
    }

    /**
     * Tries every one-to-one matching (reference j to system m[j], or -1), returns the largest size and collects
     * the matchings of that size into {@code best}.
     */
    private static int maximumMatchings(List<SoundEvent> ref, List<SoundEvent> sys, double collar, boolean offsets,
            boolean checkLabel, List<int[]> best) {
        int[] m = new int[ref.size()];
        int[] bestSize = {0};
        enumerate(ref, sys, collar, offsets, checkLabel, 0, m, new boolean[sys.size()], 0, bestSize, best);
        return bestSize[0];
    }

    private static void enumerate(List<SoundEvent> ref, List<SoundEvent> sys, double collar, boolean offsets,
            boolean checkLabel, int j, int[] m, boolean[] used, int size, int[] bestSize, List<int[]> best) {
        if (j == ref.size()) {
            if (size > bestSize[0]) {
                bestSize[0] = size;
                best.clear();
            }
            if (size == bestSize[0]) {
                best.add(m.clone());
            }
            return;
        }
        m[j] = -1;
        enumerate(ref, sys, collar, offsets, checkLabel, j + 1, m, used, size, bestSize, best);
        for (int i = 0; i < sys.size(); i++) {
            if (!used[i] && (!checkLabel || ref.get(j).label().equals(sys.get(i).label()))
                    && hold(ref.get(j), sys.get(i), collar, offsets)) {
                used[i] = true;
                m[j] = i;
                enumerate(ref, sys, collar, offsets, checkLabel, j + 1, m, used, size + 1, bestSize, best);
                used[i] = false;
                m[j] = -1;
            }
        }
    }

    /** The substitutions the paper defines over a matching: leftover pairs in time, each used once, in order. */
    private static int substitutions(List<SoundEvent> ref, List<SoundEvent> sys, int[] m, double collar,
            boolean offsets) {
        boolean[] taken = new boolean[sys.size()];
        for (int i : m) {
            if (i >= 0) {
                taken[i] = true;
            }
        }
        int n = 0;
        for (int j = 0; j < ref.size(); j++) {
            if (m[j] >= 0) {
                continue;
            }
            for (int i = 0; i < sys.size(); i++) {
                if (!taken[i] && hold(ref.get(j), sys.get(i), collar, offsets)) {
                    taken[i] = true;
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static List<SoundEvent> ofFile(List<SoundEvent> events, String f) {
        return events.stream().filter(e -> e.filename().equals(f)).toList();
    }

    private static List<SoundEvent> ofLabel(List<SoundEvent> events, String l) {
        return events.stream().filter(e -> e.label().equals(l)).toList();
    }

    private static List<SoundEvent> concat(List<SoundEvent> a, List<SoundEvent> b) {
        List<SoundEvent> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
