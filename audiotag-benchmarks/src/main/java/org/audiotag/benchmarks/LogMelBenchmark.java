package org.audiotag.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.FixedLength;
import org.audiotag.features.MelFilterBank;
import org.audiotag.features.MelNorm;
import org.audiotag.features.StftConfig;
import org.audiotag.features.Window;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the log-mel of 5 s clips at 44.1 kHz (n_fft 2048, hop 347, 128 mels, fmin 20, fmax 22050, power 2,
 * {@code power_to_db(ref 1, top_db 80)}; 636 frames per clip), the feature of the training pipelines. Every score is in
 * clips per second: multiply by 5 for audio seconds per second. Baselines measured in the same run:
 * <ul>
 *   <li>{@code baselineFftOnly}: only the windowed 2048-point real FFTs of a clip (JTransforms float, plan reused),
 *       the floor any FFT-based log-mel is bound by;</li>
 *   <li>{@code baselineNaivePort}: a straightforward port of librosa's steps - new FFT plan per clip, full
 *       (1025 x frames) power spectrogram stored, dense 128 x 1025 mel matrix product, {@code log10} - in double.</li>
 * </ul>
 * librosa itself is timed by {@code audiotag-benchmarks/python/time_logmel.py} where it is installed.
 * Run: {@code java -jar audiotag-benchmarks/target/benchmarks.jar LogMelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LogMelBenchmark {
    static final int SR = 44100;
    static final int CLIPS = 16;
    static final int N_FFT = 2048;
    static final int HOP = 347;

    List<float[]> clips;
    FeatureExtractor extractor;
    int next;

    // baselines
    FloatFFT_1D fft;
    float[] window;
    float[] frame;
    MelFilterBank bank;
    double[] denseMel;

    /** Builds 16 distinct synthetic clips (two tones and noise each) and the extractor. */
    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(2019);
        clips = new ArrayList<>();
        for (int c = 0; c < CLIPS; c++) {
            float[] y = new float[5 * SR];
            double f1 = r.nextDouble(50, 5000);
            double f2 = r.nextDouble(50, 12000);
            double noise = r.nextDouble(0.001, 0.1);
            for (int i = 0; i < y.length; i++) {
                double t = (double) i / SR;
                y[i] = (float) (0.3 * Math.sin(2 * Math.PI * f1 * t)
                        + 0.2 * Math.sin(2 * Math.PI * f2 * t * (1 + t / 10)) + noise * r.nextGaussian());
            }
            clips.add(y);
        }
        extractor = FeatureExtractor.of(FeatureConfig.builder().sampleRate(SR).nSamples(5 * SR)
                .lengthPolicy(FixedLength.Policy.NONE).stft(StftConfig.builder().nFft(N_FFT).hopLength(HOP).build())
                .nMels(128).fMin(20).fMax(22050).power(2).topDb(80).build());
        fft = new FloatFFT_1D(N_FFT);
        double[] w = Window.HANN.periodic(N_FFT);
        window = new float[N_FFT];
        for (int i = 0; i < N_FFT; i++) {
            window[i] = (float) w[i];
        }
        frame = new float[N_FFT];
        bank = MelFilterBank.of(SR, N_FFT, 128, 20, 22050, false, MelNorm.SLANEY);
        denseMel = bank.dense().toArray();
    }

    private float[] nextClip() {
        float[] y = clips.get(next);
        next = (next + 1) % CLIPS;
        return y;
    }

    /**
     * Computes the log-mel of one clip on the calling thread (float32 fast path).
     *
     * @return the log-mel, consumed by JMH
     */
    @Benchmark
    public FeatureMatrix logMelOneThread() {
        return extractor.extract(nextClip());
    }

    /**
     * Computes the log-mels of 16 clips through the batch API on 2 threads (score per clip).
     *
     * @return the log-mels, consumed by JMH
     */
    @Benchmark
    @OperationsPerInvocation(CLIPS)
    public List<FeatureMatrix> logMelBatchTwoThreads() {
        return extractor.extractBatch(clips, 2);
    }

    /**
     * Computes the log-mels of 16 clips through the batch API on all cores (score per clip).
     *
     * @return the log-mels, consumed by JMH
     */
    @Benchmark
    @OperationsPerInvocation(CLIPS)
    public List<FeatureMatrix> logMelBatchAllCores() {
        return extractor.extractBatch(clips);
    }

    /**
     * Computes only the FFTs of one clip's 636 windowed frames with a reused plan (the FFT-only baseline).
     *
     * @return a checksum of the spectra, consumed by JMH
     */
    @Benchmark
    public float baselineFftOnly() {
        float[] y = nextClip();
        int frames = 1 + y.length / HOP;
        float acc = 0;
        for (int t = 0; t < frames; t++) {
            int start = t * HOP - N_FFT / 2;
            for (int i = 0; i < N_FFT; i++) {
                int idx = start + i;
                frame[i] = idx >= 0 && idx < y.length ? y[idx] * window[i] : 0f;
            }
            fft.realForward(frame);
            acc += frame[2];
        }
        return acc;
    }

    /**
     * Computes the log-mel as a naive double-precision port would: new plan, stored spectrogram, dense mel product,
     * log10 (the naive baseline).
     *
     * @return the first row of the result, consumed by JMH
     */
    @Benchmark
    public double[] baselineNaivePort() {
        float[] y = nextClip();
        int frames = 1 + y.length / HOP;
        int bins = N_FFT / 2 + 1;
        DoubleFFT_1D plan = new DoubleFFT_1D(N_FFT);
        double[] w = Window.HANN.periodic(N_FFT);
        double[] spec = new double[bins * frames];
        double[] buf = new double[N_FFT];
        for (int t = 0; t < frames; t++) {
            int start = t * HOP - N_FFT / 2;
            for (int i = 0; i < N_FFT; i++) {
                int idx = start + i;
                buf[i] = idx >= 0 && idx < y.length ? y[idx] * w[i] : 0.0;
            }
            plan.realForward(buf);
            spec[t] = buf[0] * buf[0];
            spec[(bins - 1) * frames + t] = buf[1] * buf[1];
            for (int k = 1; k < bins - 1; k++) {
                spec[k * frames + t] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
        }
        double[] mel = new double[128 * frames];
        for (int m = 0; m < 128; m++) {
            for (int k = 0; k < bins; k++) {
                double wk = denseMel[m * bins + k];
                for (int t = 0; t < frames; t++) {
                    mel[m * frames + t] += wk * spec[k * frames + t];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mel.length; i++) {
            mel[i] = 10 * Math.log10(Math.max(1e-10, mel[i]));
            max = Math.max(max, mel[i]);
        }
        for (int i = 0; i < mel.length; i++) {
            mel[i] = Math.max(mel[i], max - 80);
        }
        return mel;
    }
}
