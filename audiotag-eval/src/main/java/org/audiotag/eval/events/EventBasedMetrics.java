package org.audiotag.eval.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.audiotag.eval.internal.BipartiteMatching;

/**
 * Event-based sound event detection metrics, exactly as sed_eval 0.2's {@code EventBasedMetrics} (Mesaros, Heittola
 * and Virtanen, "Metrics for polyphonic sound event detection", Applied Sciences 6(6):162, 2016): whole events are
 * matched one to one.
 *
 * <p>A system event can match a reference event when both conditions hold:
 * <ul>
 *   <li>onset (always evaluated): {@code |onset_ref - onset_sys| <= tCollar};</li>
 *   <li>offset (only with {@code evaluateOffset}): {@code |offset_ref - offset_sys| <= max(tCollar,
 *       percentageOfLength * (offset_ref - onset_ref))}.</li>
 * </ul>
 * Per file (every file of truth or prediction), with reference and system events in list order:
 * <ol>
 *   <li>correct ({@code Ntp}): a one-to-one matching of pairs with equal labels that meet the conditions, found as
 *       {@link EventMatching} says ({@link EventMatching#OPTIMAL} by default, sed_eval 0.2's default);</li>
 *   <li>substitutions ({@code S}): then each unmatched reference event, in order, takes the first unmatched and not
 *       yet taken system event that meets the conditions whatever its label (sed_eval's substitution loop: a
 *       detection at the right time with the wrong label);</li>
 *   <li>deletions {@code D = Nref - Ntp - S}, insertions {@code I = Nsys - Ntp - S};</li>
 *   <li>class-wise: for each label, the same matching restricted to that label's events; every unmatched reference
 *       event is a deletion, every unmatched system event an insertion.</li>
 * </ol>
 * Counts are summed over files; the class list is the sorted union of the labels of truth and prediction. Scores
 * are those of {@link SoundEventScores} and {@link ClassResult}.
 *
 * <p>{@link #evaluate(List, List)} evaluates onsets only with a 200 ms collar (the "event-based F1 with a 200 ms
 * onset collar" of DCASE tasks that ignore offsets); sed_eval's own constructor default also evaluates offsets,
 * which {@code evaluate(truth, predicted, 0.2, true, 0.5)} does.
 * {@snippet :
 * EventBasedMetrics.Result onsetOnly = EventBasedMetrics.evaluate(truth, predicted);
 * EventBasedMetrics.Result onsetOffset = EventBasedMetrics.evaluate(truth, predicted, 0.2, true, 0.5);
 * double f1 = onsetOnly.f1();
 * }
 */
public final class EventBasedMetrics {
    /** The default onset (and offset) collar, sed_eval's {@code t_collar}: 0.200 s. */
    public static final double DEFAULT_T_COLLAR = 0.200;

    /** The default offset tolerance as a fraction of the reference event's length, sed_eval's default 0.5. */
    public static final double DEFAULT_PERCENTAGE_OF_LENGTH = 0.5;

    private EventBasedMetrics() {
    }

    /**
     * The counts of an event-based evaluation, its parameters, and the scores of {@link SoundEventScores} computed
     * from the counts.
     *
     * @param tCollar the collar in seconds
     * @param evaluateOffset whether offsets were evaluated (onsets always are)
     * @param percentageOfLength the offset tolerance as a fraction of the reference length (used only with offsets)
     * @param matching how events were matched
     * @param files the number of files evaluated (in truth or prediction)
     * @param nRef reference events, {@code Nref}
     * @param nSys system events, {@code Nsys}
     * @param truePositives correctly detected events, {@code Ntp}
     * @param substitutions {@code S}, unmatched reference events paired with an unmatched system event of another
     *     label that meets the time conditions
     * @param perClass class-wise counts in events, by label (copied, kept in ascending label order)
     */
    public record Result(double tCollar, boolean evaluateOffset, double percentageOfLength, EventMatching matching,
            int files, long nRef, long nSys, long truePositives, long substitutions,
            Map<String, ClassResult> perClass) implements SoundEventScores {

        /**
         * Validates the counts and copies the per-class map.
         *
         * @throws IllegalArgumentException if a count is negative or {@code Ntp + S > min(Nref, Nsys)}
         */
        public Result {
            Objects.requireNonNull(matching, "matching");
            Rates.count(files, "files");
            Rates.overallCounts(nRef, nSys, truePositives, substitutions);
            perClass = Collections.unmodifiableMap(new TreeMap<>(perClass));
        }
    }

    /**
     * Evaluates onsets only with a 200 ms collar and optimal matching.
     *
     * @param truth the reference events (any files; order within a file is the order sed_eval would see)
     * @param predicted the system's events
     * @return the counts and scores
     */
    public static Result evaluate(List<SoundEvent> truth, List<SoundEvent> predicted) {
        return evaluate(truth, predicted, DEFAULT_T_COLLAR, false, DEFAULT_PERCENTAGE_OF_LENGTH);
    }

    /**
     * Evaluates with optimal matching, as sed_eval's {@code EventBasedMetrics(event_label_list,
     * evaluate_onset=True, evaluate_offset=evaluateOffset, t_collar=tCollar,
     * percentage_of_length=percentageOfLength)} called once per file.
     *
     * @param truth the reference events
     * @param predicted the system's events
     * @param tCollar the collar in seconds, finite and {@code >= 0}
     * @param evaluateOffset whether offsets must match too (onsets always must)
     * @param percentageOfLength offset tolerance as a fraction of the reference length, in {@code [0, 1]}
     * @return the counts and scores
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Result evaluate(List<SoundEvent> truth, List<SoundEvent> predicted, double tCollar,
            boolean evaluateOffset, double percentageOfLength) {
        return evaluate(truth, predicted, tCollar, evaluateOffset, percentageOfLength, EventMatching.OPTIMAL);
    }

    /**
     * Evaluates with the given matching, as sed_eval's {@code EventBasedMetrics(..., event_matching_type=...)}.
     *
     * @param truth the reference events
     * @param predicted the system's events
     * @param tCollar the collar in seconds, finite and {@code >= 0}
     * @param evaluateOffset whether offsets must match too (onsets always must)
     * @param percentageOfLength offset tolerance as a fraction of the reference length, in {@code [0, 1]}
     * @param matching optimal (sed_eval 0.2's default) or greedy (sed_eval 0.1)
     * @return the counts and scores
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Result evaluate(List<SoundEvent> truth, List<SoundEvent> predicted, double tCollar,
            boolean evaluateOffset, double percentageOfLength, EventMatching matching) {
        if (!(tCollar >= 0) || !Double.isFinite(tCollar)) {
            throw new IllegalArgumentException("tCollar must be a finite number of seconds >= 0, got " + tCollar);
        }
        if (!(percentageOfLength >= 0 && percentageOfLength <= 1)) {
            throw new IllegalArgumentException("percentageOfLength must be in [0, 1], got " + percentageOfLength);
        }
        Objects.requireNonNull(matching, "matching");
        Conditions cond = new Conditions(tCollar, evaluateOffset, percentageOfLength);
        FilePairs data = FilePairs.of(truth, predicted);
        List<String> labels = data.labels;
        long[] classRef = new long[labels.size()];
        long[] classSys = new long[labels.size()];
        long[] classTp = new long[labels.size()];
        long nRef = 0;
        long nSys = 0;
        long tp = 0;
        long subs = 0;
        for (FilePairs.Pair pair : data.pairs) {
            List<SoundEvent> ref = pair.truth();
            List<SoundEvent> sys = pair.predicted();
            boolean[] refCorrect = new boolean[ref.size()];
            boolean[] sysCorrect = new boolean[sys.size()];
            tp += match(ref, sys, cond, true, matching, refCorrect, sysCorrect);
            subs += substitutions(ref, sys, cond, refCorrect, sysCorrect);
            nRef += ref.size();
            nSys += sys.size();
            for (int c = 0; c < labels.size(); c++) {
                String label = labels.get(c);
                List<SoundEvent> classRefEvents = ofLabel(ref, label);
                List<SoundEvent> classSysEvents = ofLabel(sys, label);
                classRef[c] += classRefEvents.size();
                classSys[c] += classSysEvents.size();
                if (!classRefEvents.isEmpty() && !classSysEvents.isEmpty()) {
                    classTp[c] += match(classRefEvents, classSysEvents, cond, false, matching,
                            new boolean[classRefEvents.size()], new boolean[classSysEvents.size()]);
                }
            }
        }
        Map<String, ClassResult> perClass = new TreeMap<>();
        for (int c = 0; c < labels.size(); c++) {
            perClass.put(labels.get(c), new ClassResult(labels.get(c), classRef[c], classSys[c], classTp[c]));
        }
        return new Result(tCollar, evaluateOffset, percentageOfLength, matching, data.pairs.size(), nRef, nSys, tp,
                subs, perClass);
    }

    /** sed_eval's {@code validate_onset} and, when offsets are evaluated, {@code validate_offset}. */
    private record Conditions(double tCollar, boolean evaluateOffset, double percentageOfLength) {
        boolean hold(SoundEvent ref, SoundEvent sys) {
            if (!(Math.abs(ref.onset() - sys.onset()) <= tCollar)) {
                return false;
            }
            if (evaluateOffset) {
                double annotatedLength = ref.offset() - ref.onset();
                return Math.abs(ref.offset() - sys.offset()) <= Math.max(tCollar,
                        percentageOfLength * annotatedLength);
            }
            return true;
        }
    }

    /**
     * Matches reference and system events one to one, marking the matched ones, and returns the number of matches.
     * With {@code checkLabel} a pair also needs equal labels (the overall matching); without, the lists are one
     * class's events (the class-wise matching).
     */
    private static int match(List<SoundEvent> ref, List<SoundEvent> sys, Conditions cond, boolean checkLabel,
            EventMatching matching, boolean[] refCorrect, boolean[] sysCorrect) {
        if (matching == EventMatching.GREEDY) {
            int n = 0;
            for (int j = 0; j < ref.size(); j++) {
                for (int i = 0; i < sys.size(); i++) {
                    if (!sysCorrect[i] && (!checkLabel || ref.get(j).label().equals(sys.get(i).label()))
                            && cond.hold(ref.get(j), sys.get(i))) {
                        refCorrect[j] = true;
                        sysCorrect[i] = true;
                        n++;
                        break;
                    }
                }
            }
            return n;
        }
        // the graph as sed_eval builds it from numpy.where(hit_matrix): row-major over (reference j, system i),
        // system event -> its matching reference events
        Map<Integer, List<Integer>> graph = new LinkedHashMap<>();
        for (int j = 0; j < ref.size(); j++) {
            for (int i = 0; i < sys.size(); i++) {
                if ((!checkLabel || ref.get(j).label().equals(sys.get(i).label()))
                        && cond.hold(ref.get(j), sys.get(i))) {
                    graph.computeIfAbsent(i, k -> new ArrayList<>()).add(j);
                }
            }
        }
        Map<Integer, Integer> m = BipartiteMatching.maximum(graph);
        for (Map.Entry<Integer, Integer> e : m.entrySet()) {
            refCorrect[e.getKey()] = true;
            sysCorrect[e.getValue()] = true;
        }
        return m.size();
    }

    /** sed_eval's substitution loop over the events the matching left over. */
    private static int substitutions(List<SoundEvent> ref, List<SoundEvent> sys, Conditions cond,
            boolean[] refCorrect, boolean[] sysCorrect) {
        boolean[] counted = new boolean[sys.size()];
        int n = 0;
        for (int j = 0; j < ref.size(); j++) {
            if (refCorrect[j]) {
                continue;
            }
            for (int i = 0; i < sys.size(); i++) {
                if (!sysCorrect[i] && !counted[i] && cond.hold(ref.get(j), sys.get(i))) {
                    counted[i] = true;
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static List<SoundEvent> ofLabel(List<SoundEvent> events, String label) {
        List<SoundEvent> out = new ArrayList<>();
        for (SoundEvent e : events) {
            if (e.label().equals(label)) {
                out.add(e);
            }
        }
        return out;
    }
}
