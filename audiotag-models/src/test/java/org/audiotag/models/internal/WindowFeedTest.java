package org.audiotag.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Windows cut by {@link WindowFeed}: their number, their zero-padded tail, chunk independence and score reuse. */
class WindowFeedTest {

    /** Scores a window by its sum and first sample, recording each window's samples. */
    private static List<float[]> windows(float[] y, int window, int hop, int maxChunk, long seed, int[] scored) {
        List<float[]> seen = new ArrayList<>();
        WindowFeed f = new WindowFeed(window, hop, w -> {
            scored[0]++;
            return new float[] {w[0], w[w.length - 1]};
        }, (k, s) -> {
            assertThat(k).isEqualTo(seen.size());
            seen.add(s);
        });
        SplittableRandom r = new SplittableRandom(seed);
        for (int p = 0; p < y.length; ) {
            int n = Math.min(y.length - p, r.nextInt(maxChunk + 1));
            f.push(y, p, n);
            p += n;
        }
        f.finish();
        return seen;
    }

    private static float[] ramp(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i + 1;
        }
        return y;
    }

    @Test
    void windowsCoverEverySampleTheLastOnesZeroPadded() {
        int[] scored = new int[1];
        // 10 samples, window 4, hop 3: starts 0, 3, 6 (6..9 complete: ends at 10) -> 3 windows, none padded
        List<float[]> w = windows(ramp(10), 4, 3, 10, 1, scored);
        assertThat(w).hasSize(3);
        assertThat(w.get(2)).containsExactly(7f, 10f);
        // 11 samples: a 4th window starts at 9 and holds 10, 11, 0, 0
        w = windows(ramp(11), 4, 3, 10, 1, scored);
        assertThat(w).hasSize(4);
        assertThat(w.get(3)).containsExactly(10f, 0f);
        // shorter than a window: one window, zero-padded; empty: none
        assertThat(windows(ramp(2), 4, 3, 10, 1, scored)).hasSize(1).first().satisfies(
                s -> assertThat(s).containsExactly(1f, 0f));
        assertThat(windows(new float[0], 4, 3, 10, 1, scored)).isEmpty();
    }

    @Test
    void theWindowsDoNotDependOnTheChunks() {
        float[] y = ramp(1000);
        int[] scored = new int[1];
        List<float[]> ref = windows(y, 64, 16, 1000, 1, scored);
        for (int maxChunk : new int[] {1, 5, 63, 64, 65, 200}) {
            List<float[]> w = windows(y, 64, 16, maxChunk, maxChunk, scored);
            assertThat(w).hasSameSizeAs(ref);
            for (int i = 0; i < w.size(); i++) {
                assertThat(w.get(i)).isEqualTo(ref.get(i));
            }
        }
    }

    @Test
    void aWindowEqualToThePreviousOneReusesItsScores() {
        int[] scored = new int[1];
        List<float[]> w = windows(new float[100_000], 1000, 250, 4096, 3, scored);
        assertThat(w).hasSize(397);
        assertThat(scored[0]).isEqualTo(1);
    }
}
