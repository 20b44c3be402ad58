package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamingResampler} gives exactly, bit for bit, the samples of {@link Resampler#resample(float[], int, int,
 * ResampleType)} on the whole signal, whatever the chunk sizes, for up- and down-sampling and both kaiser methods.
 */
class StreamingResamplerTest {

    private static float[] signal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.5 * Math.sin(i * 0.013) + 0.2 * r.nextGaussian());
        }
        return y;
    }

    /** Feeds {@code y} in random chunks (0 to maxChunk samples) and concatenates the outputs. */
    private static float[] streamed(float[] y, int from, int to, ResampleType t, int maxChunk, long seed) {
        StreamingResampler s = new StreamingResampler(from, to, t);
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[Resampler.outputLength(y.length, from, to)];
        int k = 0;
        for (int p = 0; p < y.length; ) {
            int n = Math.min(y.length - p, r.nextInt(maxChunk + 1));
            float[] part = s.push(y, p, n);
            System.arraycopy(part, 0, out, k, part.length);
            k += part.length;
            p += n;
        }
        float[] tail = s.finish();
        assertThat(k + tail.length).isEqualTo(out.length);
        System.arraycopy(tail, 0, out, k, tail.length);
        return out;
    }

    @Test
    void chunkedOutputEqualsTheWholeSignalsBitForBit() {
        int[][] rates = {{48_000, 44_100}, {16_000, 44_100}, {22_050, 44_100}, {44_100, 16_000}, {8_000, 44_100}};
        for (int[] rr : rates) {
            float[] y = signal(rr[0] / 2 + 37, rr[0]);
            for (ResampleType t : new ResampleType[] {ResampleType.KAISER_BEST, ResampleType.KAISER_FAST}) {
                float[] whole = Resampler.resample(y, rr[0], rr[1], t);
                for (int maxChunk : new int[] {1, 7, 1000, 20_000}) {
                    float[] s = streamed(y, rr[0], rr[1], t, maxChunk, maxChunk * 31L + rr[0]);
                    assertThat(s).as("%d -> %d Hz %s chunks <= %d", rr[0], rr[1], t, maxChunk).isEqualTo(whole);
                }
            }
        }
    }

    @Test
    void samplesComeOutAsSoonAsTheFilterReachIsCovered() {
        StreamingResampler s = new StreamingResampler(48_000, 44_100, ResampleType.KAISER_BEST);
        float[] y = signal(48_000, 3);
        int got = s.push(y, 0, 24_000).length;
        // all but the outputs within the filter's reach (about 70 input samples) of the end are out already
        assertThat(got).isBetween((int) (24_000 * 44_100L / 48_000) - 80, (int) (24_000 * 44_100L / 48_000));
    }

    @Test
    void equalRatesPassThroughAndTooShortStreamsGiveNothing() {
        StreamingResampler same = new StreamingResampler(44_100, 44_100, ResampleType.KAISER_BEST);
        float[] y = signal(100, 5);
        assertThat(same.push(y, 10, 20)).isEqualTo(Arrays.copyOfRange(y, 10, 30));
        assertThat(same.finish()).isEmpty();
        StreamingResampler tiny = new StreamingResampler(44_100, 8_000, ResampleType.KAISER_BEST);
        assertThat(tiny.push(y, 0, 3)).isEmpty();
        assertThat(tiny.finish()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new StreamingResampler(44_100, 16_000, ResampleType.FFT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fft cannot stream");
        assertThatThrownBy(() -> new StreamingResampler(0, 16_000, ResampleType.KAISER_BEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orig_sr");
        StreamingResampler s = new StreamingResampler(48_000, 44_100, ResampleType.KAISER_BEST);
        s.push(new float[10], 0, 10);
        assertThatThrownBy(() -> s.push(new float[] {0f, Float.NaN}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at stream sample 11");
        s.finish();
        assertThatThrownBy(() -> s.push(new float[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }
}
