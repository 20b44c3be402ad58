package org.audiotag.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.audiotag.models.DetectedEvent;
import org.junit.jupiter.api.Test;

/**
 * The post-processing of window probabilities, on hand-worked sequences. With hop = window = 1 sample at 1 Hz, window
 * {@code k} stands for {@code [k, k + 1)} seconds, so an event of windows {@code a..b} is {@code [a, b + 1)}.
 */
class EventTrackerTest {

    private final List<DetectedEvent> events = new ArrayList<>();
    private final List<Long> reportedAt = new ArrayList<>();

    private EventTracker tracker(int tags, double on, double off, int median, double minDuration, double gap) {
        double[] onset = new double[tags];
        double[] offset = new double[tags];
        java.util.Arrays.fill(onset, on);
        java.util.Arrays.fill(offset, off);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            labels.add("t" + i);
        }
        EventTracker[] self = new EventTracker[1];
        self[0] = new EventTracker(labels, onset, offset, median, minDuration, gap, false, 1, 1, 1, e -> {
            events.add(e);
            reportedAt.add(self[0].framesProcessed());
        });
        return self[0];
    }

    private static void run(EventTracker t, double... scores) {
        for (double s : scores) {
            t.push(new float[] {(float) s});
        }
        t.finish(scores.length);
    }

    private static DetectedEvent ev(double on, double off, String label, double conf) {
        return new DetectedEvent(on, off, label, (float) conf);
    }

    @Test
    void hysteresisStartsAtTheOnsetThresholdAndEndsBelowTheOffsetThreshold() {
        // 0.4 before any onset does not start an event; 0.4 and 0.35 after one keep it going; 0.2 ends it
        run(tracker(1, 0.5, 0.3, 1, 0, 0), 0.4, 0.6, 0.4, 0.35, 0.2, 0.7, 0.1);
        assertThat(events).containsExactly(ev(1, 4, "t0", 0.6), ev(5, 6, "t0", 0.7));
    }

    @Test
    void anEventIsReportedAtTheFirstWindowBelowTheOffsetThreshold() {
        run(tracker(1, 0.5, 0.3, 1, 0, 0), 0.1, 0.6, 0.6, 0.1, 0.1, 0.1);
        assertThat(events).containsExactly(ev(1, 3, "t0", 0.6));
        assertThat(reportedAt).containsExactly(4L); // windows 0..3 processed: window 3 is the first below 0.3
    }

    @Test
    void theMedianFilterPadsTheEndsWithTheFirstAndLastWindow() {
        // medians of 3 with nearest padding: 0.9 0.9 0.9 0.9 0.1 0.1 0.9; the last event is open at the end
        run(tracker(1, 0.5, 0.5, 3, 0, 0), 0.9, 0.1, 0.9, 0.9, 0.1, 0.1, 0.9);
        assertThat(events).containsExactly(ev(0, 4, "t0", 0.9), ev(6, 7, "t0", 0.9));
    }

    @Test
    void theMedianFilterDelaysReportsByItsRadius() {
        run(tracker(1, 0.5, 0.5, 5, 0, 0), 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        // medians of 5: 0.9 0.9 0.9 0.9 0.1 ... : event [0, 4), known once window 4's median (raw up to 6) exists
        assertThat(events).containsExactly(ev(0, 4, "t0", 0.9));
        assertThat(reportedAt).containsExactly(5L);
    }

    @Test
    void eventsSeparatedByAtMostTheGapMerge() {
        double[] s = {0.9, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.9};
        run(tracker(1, 0.5, 0.5, 1, 0, 2.0), s);
        assertThat(events).containsExactly(ev(0, 4, "t0", 0.9), ev(7, 8, "t0", 0.9));
        events.clear();
        run(tracker(1, 0.5, 0.5, 1, 0, 1.9), s);
        assertThat(events).containsExactly(ev(0, 1, "t0", 0.9), ev(3, 4, "t0", 0.9), ev(7, 8, "t0", 0.9));
    }

    @Test
    void aMergeWaitsForTheGapBeforeReporting() {
        run(tracker(1, 0.5, 0.5, 1, 0, 2.0), 0.9, 0.1, 0.1, 0.1, 0.1);
        // closed after window 0; a restart at window 3 would still merge (gap 2): final once window 3 is below
        assertThat(events).containsExactly(ev(0, 1, "t0", 0.9));
        assertThat(reportedAt).containsExactly(4L);
    }

    @Test
    void shortEventsAreDroppedAfterMerging() {
        run(tracker(1, 0.5, 0.5, 1, 1.5, 1.0), 0.9, 0.1, 0.9, 0.1, 0.1, 0.6, 0.1, 0.1);
        // [0,1) and [2,3) merge to [0,3) (kept, 3 s); [5,6) lasts 1 s < 1.5 s: dropped
        assertThat(events).containsExactly(ev(0, 3, "t0", 0.9));
    }

    @Test
    void tagsAreTrackedIndependentlyAndReportedInTagOrderAtTheSameWindow() {
        EventTracker t = tracker(2, 0.5, 0.5, 1, 0, 0);
        t.push(new float[] {0.8f, 0.1f});
        t.push(new float[] {0.8f, 0.7f});
        t.push(new float[] {0.1f, 0.1f});
        t.push(new float[] {0.1f, 0.9f});
        t.finish(4);
        assertThat(events).containsExactly(ev(0, 2, "t0", 0.8), ev(1, 2, "t1", 0.7), ev(3, 4, "t1", 0.9));
    }

    @Test
    void windowsMapToHopWideIntervalsAroundTheirCentres() {
        // 2-s windows every 0.25 s at 44.1 kHz: window k is centred at k/4 + 1 s
        assertThat(EventTracker.onsetSeconds(0, 11_025, 88_200, 44_100)).isEqualTo(0.0);
        assertThat(EventTracker.onsetSeconds(2, 11_025, 88_200, 44_100)).isEqualTo(1.375);
        assertThat(EventTracker.offsetSeconds(2, 11_025, 88_200, 44_100)).isEqualTo(1.625);
        List<DetectedEvent> out = new ArrayList<>();
        EventTracker t = new EventTracker(List.of("a"), new double[] {0.5}, new double[] {0.5}, 1, 0, 0, false,
                11_025, 88_200, 44_100, out::add);
        for (double s : new double[] {0.1, 0.1, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9}) {
            t.push(new float[] {(float) s});
        }
        t.finish(3.7);
        assertThat(out).containsExactly(new DetectedEvent(1.375, 1.875, "a", 0.9f),
                new DetectedEvent(2.625, 3.7, "a", 0.9f));
    }

    @Test
    void oneTagAtATimeKeepsOnlyTheMostProbableTagOfEachWindow() {
        List<DetectedEvent> out = new ArrayList<>();
        EventTracker t = new EventTracker(List.of("a", "b"), new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1, 0,
                0, true, 1, 1, 1, out::add);
        // both above the thresholds in windows 1-3: a wins 1-2, b wins 3 (a still 0.6); a tie (window 4) goes to a
        float[][] w = {{0.1f, 0.1f}, {0.9f, 0.6f}, {0.8f, 0.7f}, {0.6f, 0.9f}, {0.7f, 0.7f}, {0.1f, 0.1f}};
        for (float[] f : w) {
            t.push(f);
        }
        t.finish(w.length);
        assertThat(out).containsExactly(new DetectedEvent(1, 3, "a", 0.9f), new DetectedEvent(3, 4, "b", 0.9f),
                new DetectedEvent(4, 5, "a", 0.7f));
        // without the rule, both tags are active together
        List<DetectedEvent> both = new ArrayList<>();
        EventTracker u = new EventTracker(List.of("a", "b"), new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1, 0,
                0, false, 1, 1, 1, both::add);
        for (float[] f : w) {
            u.push(f);
        }
        u.finish(w.length);
        assertThat(both).containsExactly(new DetectedEvent(1, 5, "a", 0.9f), new DetectedEvent(1, 5, "b", 0.9f));
    }

    @Test
    void anEmptyStreamHasNoEvents() {
        tracker(1, 0.5, 0.5, 3, 0, 0).finish(0);
        assertThat(events).isEmpty();
    }
}
