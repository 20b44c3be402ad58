package org.audiotag.eval.events;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segment-based sound event detection metrics, exactly as sed_eval 0.2's {@code SegmentBasedMetrics} (Mesaros,
 * Heittola and Virtanen, "Metrics for polyphonic sound event detection", Applied Sciences 6(6):162, 2016): the
 * activity of each class is compared in fixed-length segments.
 *
 * <p>Per file (every file of truth or prediction; a file with no predictions has only misses, a file only in the
 * prediction only false alarms):
 * <ol>
 *   <li>the file has {@code ceil(maxOffset / segmentSeconds)} segments, {@code maxOffset} being the largest offset
 *       over its truth and its prediction (sed_eval pads the shorter event roll to the longer one);</li>
 *   <li>an event {@code [onset, offset]} makes its class active in segments {@code floor(onset / L)} up to
 *       {@code ceil(offset / L) - 1} ({@code L = segmentSeconds}): every segment it overlaps, but not the segment
 *       that starts exactly at its offset; a zero-length event marks the segment it lies in, or none if it lies
 *       exactly on a segment boundary;</li>
 *   <li>in each segment, over the classes: {@code Ntp} active in both, {@code Nfp = Nsys - Ntp},
 *       {@code Nfn = Nref - Ntp}, substitutions {@code S = min(Nfn, Nfp)}, deletions {@code D = max(0, Nfn - Nfp)},
 *       insertions {@code I = max(0, Nfp - Nfn)};</li>
 *   <li>the counts are summed over segments and files (micro average); class-wise counts per class over all
 *       segments.</li>
 * </ol>
 * The class list is the sorted union of the labels of truth and prediction (the labels a caller of sed_eval
 * passes as {@code event_label_list} when it collects both lists' {@code unique_event_labels}). Scores are those of
 * {@link SoundEventScores} and {@link ClassResult}.
 *
 * {@snippet :
 * List<SoundEvent> truth = EventListFile.read(Path.of("truth.tsv"));
 * List<SoundEvent> predicted = EventListFile.read(Path.of("predicted.tsv"));
 * SegmentBasedMetrics.Result r = SegmentBasedMetrics.evaluate(truth, predicted);   // 1-s segments
 * double f1 = r.f1();
 * double er = r.errorRate();
 * double dogF1 = r.perClass().get("dog").f1();
 * }
 */
public final class SegmentBasedMetrics {
    /** The default segment length, sed_eval's {@code time_resolution}: 1 s. */
    public static final double DEFAULT_SEGMENT_SECONDS = 1.0;

    /** The most segments one file may have (longer files need a longer segment). */
    static final long MAX_SEGMENTS_PER_FILE = 100_000_000L;

    private SegmentBasedMetrics() {
    }

    /**
     * The counts of a segment-based evaluation and the scores of {@link SoundEventScores} computed from them.
     *
     * @param segmentSeconds the segment length, in seconds
     * @param files the number of files evaluated (in truth or prediction)
     * @param segments the number of segments evaluated, over all files
     * @param nRef active reference segment-class pairs, {@code Nref}
     * @param nSys active system segment-class pairs, {@code Nsys}
     * @param truePositives pairs active in both, {@code Ntp}
     * @param substitutions {@code S}, the sum over segments of {@code min(Nfn, Nfp)}
     * @param perClass class-wise counts in segments, by label (copied, kept in ascending label order)
     */
    public record Result(double segmentSeconds, int files, long segments, long nRef, long nSys, long truePositives,
            long substitutions, Map<String, ClassResult> perClass) implements SoundEventScores {

        /**
         * Validates the counts and copies the per-class map.
         *
         * @throws IllegalArgumentException if a count is negative or {@code Ntp + S > min(Nref, Nsys)}
         */
        public Result {
            Rates.count(files, "files");
            Rates.count(segments, "segments");
            Rates.overallCounts(nRef, nSys, truePositives, substitutions);
            perClass = Collections.unmodifiableMap(new TreeMap<>(perClass));
        }
    }

    /**
     * Evaluates with 1-s segments ({@link #DEFAULT_SEGMENT_SECONDS}).
     *
     * @param truth the reference events (any files, any order)
     * @param predicted the system's events (any files, any order)
     * @return the counts and scores
     * @throws IllegalArgumentException if a file would have more than 100,000,000 segments
     */
    public static Result evaluate(List<SoundEvent> truth, List<SoundEvent> predicted) {
        return evaluate(truth, predicted, DEFAULT_SEGMENT_SECONDS);
    }

    /**
     * Evaluates with segments of the given length, as sed_eval's {@code SegmentBasedMetrics(event_label_list,
     * time_resolution=segmentSeconds)} called once per file.
     *
     * @param truth the reference events (any files, any order)
     * @param predicted the system's events (any files, any order)
     * @param segmentSeconds the segment length in seconds, finite and {@code > 0}
     * @return the counts and scores
     * @throws IllegalArgumentException if {@code segmentSeconds} is out of range or a file would have more than
     *     100,000,000 segments
     */
    public static Result evaluate(List<SoundEvent> truth, List<SoundEvent> predicted, double segmentSeconds) {
        if (!(segmentSeconds > 0) || !Double.isFinite(segmentSeconds)) {
            throw new IllegalArgumentException("segmentSeconds must be finite and > 0, got " + segmentSeconds);
        }
        FilePairs data = FilePairs.of(truth, predicted);
        List<String> labels = data.labels;
        int nc = labels.size();
        long[] classRef = new long[nc];
        long[] classSys = new long[nc];
        long[] classTp = new long[nc];
        long segments = 0;
        long nRef = 0;
        long nSys = 0;
        long tp = 0;
        long subs = 0;
        for (FilePairs.Pair pair : data.pairs) {
            double maxOffset = 0;
            for (SoundEvent e : pair.truth()) {
                maxOffset = Math.max(maxOffset, e.offset());
            }
            for (SoundEvent e : pair.predicted()) {
                maxOffset = Math.max(maxOffset, e.offset());
            }
            double n = Math.ceil(maxOffset / segmentSeconds);
            if (n > MAX_SEGMENTS_PER_FILE) {
                throw new IllegalArgumentException("file " + pair.filename() + ": an offset of " + maxOffset
                        + " s makes " + (long) n + " segments of " + segmentSeconds + " s, more than "
                        + MAX_SEGMENTS_PER_FILE + " (use longer segments)");
            }
            int nSeg = (int) n;
            BitSet[] ref = roll(pair.truth(), labels, segmentSeconds);
            BitSet[] sys = roll(pair.predicted(), labels, segmentSeconds);
            for (int s = 0; s < nSeg; s++) {
                int r = 0;
                int y = 0;
                int both = 0;
                for (int c = 0; c < nc; c++) {
                    boolean a = ref[c].get(s);
                    boolean b = sys[c].get(s);
                    r += a ? 1 : 0;
                    y += b ? 1 : 0;
                    both += a && b ? 1 : 0;
                }
                nRef += r;
                nSys += y;
                tp += both;
                subs += Math.min(r, y) - both; // min(Nfn, Nfp) = min(Nref, Nsys) - Ntp
            }
            for (int c = 0; c < nc; c++) {
                classRef[c] += ref[c].cardinality();
                classSys[c] += sys[c].cardinality();
                BitSet and = (BitSet) ref[c].clone();
                and.and(sys[c]);
                classTp[c] += and.cardinality();
            }
            segments += nSeg;
        }
        Map<String, ClassResult> perClass = new TreeMap<>();
        for (int c = 0; c < nc; c++) {
            perClass.put(labels.get(c), new ClassResult(labels.get(c), classRef[c], classSys[c], classTp[c]));
        }
        return new Result(segmentSeconds, data.pairs.size(), segments, nRef, nSys, tp, subs, perClass);
    }

    /** One event roll per class: bit s set when the class is active in segment s (sed_eval's event roll). */
    private static BitSet[] roll(List<SoundEvent> events, List<String> labels, double segmentSeconds) {
        BitSet[] roll = new BitSet[labels.size()];
        for (int c = 0; c < roll.length; c++) {
            roll[c] = new BitSet();
        }
        for (SoundEvent e : events) {
            int c = Collections.binarySearch(labels, e.label());
            // sed_eval: int(math.floor(onset * 1 / float(time_resolution))), int(math.ceil(offset * 1 / ...))
            int from = (int) Math.floor(e.onset() / segmentSeconds);
            int to = (int) Math.ceil(e.offset() / segmentSeconds);
            if (to > from) {
                roll[c].set(from, to);
            }
        }
        return roll;
    }
}
