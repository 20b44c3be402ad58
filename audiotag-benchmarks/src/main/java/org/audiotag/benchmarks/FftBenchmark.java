package org.audiotag.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.audiotag.features.Window;
import org.audiotag.features.internal.fft.BatchedRealFft;
import org.audiotag.features.internal.fft.FftPlans;
import org.audiotag.features.internal.fft.RealFft;
import org.jtransforms.fft.FloatFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Power spectrum of one windowed frame ({@code |rfft(window * frame)|^2}, the per-frame work of the log-mel) at the
 * sizes the pipelines use, in microseconds per frame: audiotag-features' batched float32 FFT ({@code batch} frames at
 * once; the log-mel's block, {@code Stft}'s 128, is the default), its per-frame real FFT (window and packing fused
 * into its first pass, {@code |X|^2} into its untangling step, double-precision arithmetic), and JTransforms 3.1
 * {@code FloatFFT_1D.realForward} with the window applied before and the power computed after (what the log-mel did
 * before). 256 overlapping frames (hop n/4) of a random signal per invocation. Run:
 * {@code java -jar audiotag-benchmarks/target/benchmarks.jar FftBenchmark} (add {@code -p batch=64} for smaller
 * batches: with 64 frames HotSpot's vectorised loops are short, and the figure varies from fork to fork).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FftBenchmark {
    static final int FRAMES = 256;

    /** Frame / FFT length. */
    @Param({"512", "1024", "2048", "2560", "4096"})
    public int n;

    /** Frames per batch of the batched FFT (the log-mel's block is 128). */
    @Param({"128"})
    public int batch;

    float[] signal;
    float[] window;
    float[] frame;
    float[] power;
    RealFft ours;
    BatchedRealFft batched;
    float[][][] batchSrc;
    int[][] batchOff;
    float[][] batchOut;
    FloatFFT_1D jtransforms;

    /** Random signal, periodic Hann window, plans. */
    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(11);
        signal = new float[n + FRAMES * (n / 4)];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) r.nextDouble(-1, 1);
        }
        double[] w = Window.HANN.periodic(n);
        window = new float[n];
        for (int i = 0; i < n; i++) {
            window[i] = (float) w[i];
        }
        frame = new float[n];
        power = new float[n / 2 + 1];
        ours = FftPlans.real(n);
        batched = FftPlans.batched(n, batch);
        batchSrc = new float[FRAMES / batch][batch][];
        batchOff = new int[FRAMES / batch][batch];
        for (int f = 0; f < FRAMES; f++) {
            batchSrc[f / batch][f % batch] = signal;
            batchOff[f / batch][f % batch] = f * (n / 4);
        }
        batchOut = batched.newOutput();
        jtransforms = new FloatFFT_1D(n);
    }

    /**
     * Computes the power spectra of 256 frames through audiotag's batched float FFT, {@code batch} at a time (score
     * per frame).
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] audiotagBatched() {
        for (int c = 0; c < batchSrc.length; c++) {
            batched.power(batchSrc[c], batchOff[c], batch, window, batchOut);
        }
        return batchOut;
    }

    /** Computes the power spectra of 256 frames through audiotag's per-frame double FFT (score per frame). */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[] audiotagRealFft() {
        for (int f = 0; f < FRAMES; f++) {
            ours.powerFrame(signal, f * (n / 4), window, power, 0);
        }
        return power;
    }

    /** Computes the power spectra of 256 frames through JTransforms (score per frame). */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[] jtransformsFloat() {
        int half = n / 2;
        for (int f = 0; f < FRAMES; f++) {
            int s = f * (n / 4);
            for (int i = 0; i < n; i++) {
                frame[i] = signal[s + i] * window[i];
            }
            jtransforms.realForward(frame);
            power[0] = frame[0] * frame[0];
            for (int k = 1; k < half; k++) {
                power[k] = frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            }
            power[half] = frame[1] * frame[1];
        }
        return power;
    }
}
