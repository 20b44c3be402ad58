package org.audiotag.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.audiotag.features.ResampleType;
import org.audiotag.features.Resampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures {@link Resampler} on a 5 s clip at 44.1 kHz (chirp plus noise) to 22.05 and 16 kHz, for each method. Scores
 * are clips per second (x 5 = audio seconds per second). Baseline in the same run: {@code baselineDirectUpfirdn}, the
 * textbook direct form of scipy's {@code upfirdn} (every output sums {@code x[i] * h[m - i*up]} with a strided walk
 * over the full filter) for the same polyphase filter, i.e. what {@code polyphase} computes without its per-phase tap
 * layout. scipy and resampy on the same machine are timed by {@code audiotag-benchmarks/python/time_audio_io.py}. Run:
 * {@code java -jar audiotag-benchmarks/target/benchmarks.jar ResampleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ResampleBenchmark {

    static final int SR = 44100;

    /** librosa res_type name. */
    @Param({"kaiser_best", "kaiser_fast", "polyphase", "fft"})
    public String resType;

    /** Target rate in Hz. */
    @Param({"22050", "16000"})
    public int target;

    double[] clip;
    ResampleType type;
    double[] filter;
    int up;
    int down;

    /** Makes a 5-s chirp plus noise at 44.1 kHz and the Kaiser-windowed sinc filter of the direct baseline. */
    @Setup
    public void setup() {
        type = ResampleType.fromLibrosaName(resType);
        int n = 5 * SR;
        clip = new double[n];
        SplittableRandom rnd = new SplittableRandom(20240502);
        for (int i = 0; i < n; i++) {
            double t = (double) i / SR;
            clip[i] = 0.5 * Math.sin(2 * Math.PI * (50 * t + 0.5 * 3000 * t * t)) + 0.05 * (rnd.nextDouble() - 0.5);
        }
        int g = gcd(SR, target);
        up = target / g;
        down = SR / g;
        filter = kaiserSinc(up, down);
    }

    /**
     * Resamples the clip with the chosen method.
     *
     * @return the output (consumed by JMH)
     */
    @Benchmark
    public double[] resample() {
        return Resampler.resample(clip, SR, target, type);
    }

    /**
     * Resamples by direct-form upfirdn with the polyphase method's filter, independent of {@code resType}
     * (baseline).
     *
     * @return the output (consumed by JMH)
     */
    @Benchmark
    public double[] baselineDirectUpfirdn() {
        int nIn = clip.length;
        int nOut = (int) (((long) nIn * up + down - 1) / down);
        int half = (filter.length - 1) / 2;
        double[] y = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            long m = (long) j * down + half;
            long iHi = Math.min(nIn - 1, m / up);
            long lo = m - (filter.length - 1);
            long iLo = lo <= 0 ? 0 : (lo + up - 1) / up;
            double acc = 0;
            for (long i = iLo; i <= iHi; i++) {
                acc += clip[(int) i] * filter[(int) (m - i * up)];
            }
            y[j] = acc;
        }
        return y;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The Kaiser (beta 5) windowed sinc of scipy's resample_poly, unnormalised (only the work matters here). */
    static double[] kaiserSinc(int up, int down) {
        int max = Math.max(up, down);
        int half = 10 * max;
        double[] h = new double[2 * half + 1];
        for (int j = 0; j < h.length; j++) {
            double m = (j - half) / (double) max;
            double r = (j - half) / (double) half;
            double w = Math.sqrt(Math.max(0, 1 - r * r));
            h[j] = (m == 0 ? 1 : Math.sin(Math.PI * m) / (Math.PI * m)) * w * up / max;
        }
        return h;
    }
}
