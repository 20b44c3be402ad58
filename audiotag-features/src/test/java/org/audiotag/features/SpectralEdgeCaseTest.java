package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Odd sizes, silence, clips shorter than a frame and bad parameters. */
class SpectralEdgeCaseTest {

    /** Textbook STFT of one frame: numpy-padded signal, window, direct DFT (O(n^2)); returns {re..., im...}. */
    static double[][] naiveFrame(double[] y, StftConfig c, int t) {
        int n = c.nFft();
        int pad = c.center() ? n / 2 : 0;
        double[] w = c.window().padded(c.winLength(), n);
        double[] frame = new double[n];
        for (int i = 0; i < n; i++) {
            int idx = t * c.hopLength() + i - pad;
            double v;
            if (idx >= 0 && idx < y.length) {
                v = y[idx];
            } else if (c.padMode() == PadMode.CONSTANT) {
                v = 0;
            } else {
                // numpy reflect, applied by repeated reflection
                int j = idx;
                while (j < 0 || j >= y.length) {
                    j = j < 0 ? -j : 2 * (y.length - 1) - j;
                }
                v = y[j];
            }
            frame[i] = v * w[i];
        }
        int bins = n / 2 + 1;
        double[] re = new double[bins];
        double[] im = new double[bins];
        for (int k = 0; k < bins; k++) {
            for (int i = 0; i < n; i++) {
                double a = -2 * Math.PI * (long) k * i / n;
                re[k] += frame[i] * Math.cos(a);
                im[k] += frame[i] * Math.sin(a);
            }
        }
        return new double[][] {re, im};
    }

    static double[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble(-0.5, 0.5);
        }
        return y;
    }

    @Test
    void oddFftSizesMatchTheTextbookDftAndRoundTrip() {
        double[] y = noise(3001, 1);
        for (int nFft : new int[] {255, 400, 1023}) {
            for (PadMode mode : PadMode.values()) {
                StftConfig c = StftConfig.builder().nFft(nFft).hopLength(nFft / 3).padMode(mode).build();
                Stft stft = Stft.of(c);
                ComplexMatrix d = stft.stft(y);
                assertThat(d.rows()).isEqualTo(nFft / 2 + 1);
                assertThat(d.cols()).isEqualTo(c.frameCount(y.length));
                for (int t : new int[] {0, 1, d.cols() / 2, d.cols() - 1}) {
                    double[][] ref = naiveFrame(y, c, t);
                    for (int k = 0; k < d.rows(); k++) {
                        assertThat(d.re(k, t)).as("n_fft %d %s re(%d,%d)", nFft, mode, k, t)
                                .isCloseTo(ref[0][k], within(1e-9));
                        assertThat(d.im(k, t)).as("n_fft %d %s im(%d,%d)", nFft, mode, k, t)
                                .isCloseTo(ref[1][k], within(1e-9));
                    }
                }
                double[] back = stft.istft(d, y.length);
                for (int i = 0; i < y.length; i++) {
                    assertThat(back[i]).as("istft n_fft %d sample %d", nFft, i).isCloseTo(y[i], within(1e-10));
                }
            }
        }
    }

    @Test
    void floatFastPathAgreesWithDoubleForOddAndEvenSizes() {
        double[] y = noise(5000, 9);
        float[] yf = SpectralFixtures.toFloat(y);
        for (int nFft : new int[] {1, 2, 255, 400, 1023, 2048}) {
            for (float power : new float[] {1f, 2f, 1.5f}) {
                StftConfig c = StftConfig.builder().nFft(nFft).hopLength(Math.max(1, nFft / 3))
                        .padMode(PadMode.REFLECT).build();
                MelSpectrogram mel = MelSpectrogram.builder().sampleRate(16000).stft(c).nMels(Math.min(16, nFft))
                        .norm(MelNorm.NONE).power(power).build();
                DoubleMatrix ref = mel.compute(y);
                FeatureMatrix fast = mel.compute(yf);
                double max = Math.max(1e-30, ref.max());
                for (int i = 0; i < ref.rows(); i++) {
                    for (int t = 0; t < ref.cols(); t++) {
                        assertThat((double) fast.get(i, t)).as("n_fft %d power %s (%d,%d)", nFft, power, i, t)
                                .isCloseTo(ref.get(i, t), within(1e-5 * max + 1e-4 * Math.abs(ref.get(i, t))));
                    }
                }
                DoubleMatrix mag = Stft.of(c).magnitude(y, power);
                FeatureMatrix magF = Stft.of(c).magnitude(yf, power);
                assertThat(magF.cols()).isEqualTo(mag.cols());
                assertThat((double) magF.get(magF.rows() - 1, 1)).isCloseTo(mag.get(mag.rows() - 1, 1),
                        within(1e-5 * Math.max(1, mag.max())));
            }
        }
    }

    @Test
    void otherWindowsMatchTheTextbookDft() {
        double[] y = noise(2000, 2);
        for (Window w : Window.values()) {
            StftConfig c = StftConfig.builder().nFft(512).winLength(300).hopLength(128).window(w).build();
            ComplexMatrix d = Stft.of(c).stft(y);
            double[][] ref = naiveFrame(y, c, 3);
            for (int k = 0; k < d.rows(); k++) {
                assertThat(d.re(k, 3)).isCloseTo(ref[0][k], within(1e-9));
                assertThat(d.im(k, 3)).isCloseTo(ref[1][k], within(1e-9));
            }
        }
        // scipy get_window('hamming', 4, fftbins=True) = [0.08, 0.54, 1.0, 0.54]
        assertThat(Window.HAMMING.periodic(4)).containsExactly(new double[] {0.08, 0.54, 1.0, 0.54}, within(1e-15));
        // scipy get_window('blackman', 4) = [~0, 0.34, 1.0, 0.34]
        assertThat(Window.BLACKMAN.periodic(4)).containsExactly(new double[] {0.0, 0.34, 1.0, 0.34}, within(1e-15));
    }

    @Test
    void clipShorterThanOneFrame() {
        double[] y = noise(100, 3);
        StftConfig reflect = StftConfig.builder().nFft(2048).hopLength(512).padMode(PadMode.REFLECT).build();
        ComplexMatrix d = Stft.of(reflect).stft(y);
        assertThat(d.cols()).isEqualTo(1);
        double[][] ref = naiveFrame(y, reflect, 0);
        for (int k = 0; k < d.rows(); k++) {
            assertThat(d.re(k, 0)).isCloseTo(ref[0][k], within(1e-9));
        }
        // a single sample, reflect: numpy repeats it
        ComplexMatrix one = Stft.of(reflect).stft(new double[] {0.5});
        assertThat(one.re(0, 0)).isCloseTo(0.5 * 1024, within(1e-9)); // sum of the periodic Hann = n/2
        // not centred: a clip shorter than n_fft is an error naming n_fft
        StftConfig noCenter = StftConfig.builder().nFft(2048).center(false).build();
        assertThatThrownBy(() -> Stft.of(noCenter).stft(y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_fft=2048");
        // pipeline A: a 100-sample clip is left-padded to the 128 x 128 image
        float[] clip = SpectralFixtures.toFloat(y);
        FeatureMatrix img = FeatureExtractor.of(FeatureConfig.pipelineA()).extract(clip);
        assertThat(img.rows()).isEqualTo(128);
        assertThat(img.cols()).isEqualTo(128);
        // the sound is at the very end: the last frame is louder than the first
        assertThat(img.get(64, 127)).isGreaterThan(img.get(64, 0));
    }

    @Test
    void silence() {
        float[] zeros = new float[22050];
        MelSpectrogram mel = MelSpectrogram.builder().build();
        FeatureMatrix s = mel.compute(zeros);
        for (float v : s.toArray()) {
            assertThat(v).isZero();
        }
        FeatureMatrix db = Decibels.powerToDb(s, DbRef.ONE, 1e-10, 80);
        for (float v : db.toArray()) {
            assertThat(v).isEqualTo(-100f);
        }
        FeatureMatrix dbMax = Decibels.powerToDb(s, DbRef.MAX, 1e-10, 80);
        for (float v : dbMax.toArray()) {
            assertThat(v).isEqualTo(0f);
        }
        // trimming silence keeps everything (every frame is 0 dB below the maximum, as librosa)
        assertThat(Trim.of(60).span(zeros)).containsExactly(0, zeros.length);
        // the extractor's image of silence is the constant -100 dB
        FeatureMatrix img = FeatureExtractor.of(FeatureConfig.pipelineC()).extract(new float[44100]);
        assertThat(img.rows()).isEqualTo(128);
        assertThat(img.cols()).isEqualTo(128);
        assertThat(img.max()).isEqualTo(-100f);
    }

    @Test
    void trimFindsTheSoundInsideSilence() {
        float[] y = new float[44100];
        for (int i = 10000; i < 20000; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        int[] span = Trim.of(60).span(y);
        // frames whose centred 2048-sample window touches the tone: first centre >= 10000 - 1024, last <= 20000 + 1024
        assertThat(span[0]).isBetween(10000 - 1536, 10000);
        assertThat(span[1]).isBetween(20000, 20000 + 1536);
        assertThat(span[0] % 512).isZero();
        assertThat(Trim.of(60).apply(y)).hasSize(span[1] - span[0]);
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> StftConfig.builder().nFft(0).build()).hasMessageContaining("n_fft");
        assertThatThrownBy(() -> StftConfig.builder().hopLength(-3).build()).hasMessageContaining("hop_length");
        assertThatThrownBy(() -> StftConfig.builder().nFft(512).winLength(1024).build())
                .hasMessageContaining("win_length");
        assertThatThrownBy(() -> MelSpectrogram.builder().nMels(0).build()).hasMessageContaining("n_mels");
        assertThatThrownBy(() -> MelSpectrogram.builder().fMin(500).fMax(100).build()).hasMessageContaining("fmax");
        assertThatThrownBy(() -> MelSpectrogram.builder().fMin(-1).build()).hasMessageContaining("fmin");
        assertThatThrownBy(() -> MelSpectrogram.builder().power(0).build()).hasMessageContaining("power");
        assertThatThrownBy(() -> MelSpectrogram.builder().sampleRate(0).build()).hasMessageContaining("sr");
        DoubleMatrix m = DoubleMatrix.of(2, 2, new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Decibels.powerToDb(m, DbRef.ONE, 0, 80)).hasMessageContaining("amin");
        assertThatThrownBy(() -> Decibels.powerToDb(m, DbRef.ONE, 1e-10, -1)).hasMessageContaining("top_db");
        assertThatThrownBy(() -> DbRef.value(-1)).hasMessageContaining("ref");
        assertThatThrownBy(() -> Delta.of(4, 1, Delta.Mode.INTERP)).hasMessageContaining("width");
        assertThatThrownBy(() -> Delta.of(9, 0, Delta.Mode.INTERP)).hasMessageContaining("order");
        assertThatThrownBy(() -> Delta.defaults().apply(m)).hasMessageContaining("width=9");
        assertThatThrownBy(() -> Mfcc.of(40).fromLogMel(DoubleMatrix.of(20, 1, new double[20])))
                .hasMessageContaining("n_mfcc=40");
        assertThatThrownBy(() -> Mfcc.of(20, -1)).hasMessageContaining("lifter");
        assertThatThrownBy(() -> Pcen.builder().timeConstant(0).build()).hasMessageContaining("time_constant");
        assertThatThrownBy(() -> Pcen.builder().build().apply(DoubleMatrix.of(1, 1, new double[] {-1})))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> MuLaw.compress(new double[] {1.5}, 255, false)).hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> MuLaw.compress(new double[] {0.5}, 0, false)).hasMessageContaining("mu");
        assertThatThrownBy(() -> MuLaw.expand(new double[] {200}, 255, true)).hasMessageContaining("integer");
        assertThatThrownBy(() -> Trim.of(0)).hasMessageContaining("top_db");
        assertThatThrownBy(() -> Window.parse("kaiser")).hasMessageContaining("window");
        assertThatThrownBy(() -> PadMode.parse("edge")).hasMessageContaining("pad_mode");
        Stft stft = Stft.of(StftConfig.ofNFft(512));
        assertThatThrownBy(() -> stft.stft(new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> stft.stft(new double[] {0, Double.NaN, 0})).hasMessageContaining("sample 1");
        assertThatThrownBy(() -> stft.istft(ComplexMatrix.of(3, 1, new double[3], new double[3])))
                .hasMessageContaining("n_fft=512");
        MelFilterBank bank = MelFilterBank.of(22050, 512, 40, 0, 11025, false, MelNorm.SLANEY);
        assertThatThrownBy(() -> bank.apply(DoubleMatrix.of(2, 1, new double[2]))).hasMessageContaining("n_fft=512");
    }

    @Test
    void fastLogMatchesMathLog10() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            float v = (float) Math.pow(10, r.nextDouble(-30, 30));
            assertThat(org.audiotag.features.internal.FastLog.log10(v)).isCloseTo(Math.log10(v), within(1e-9));
        }
        for (float v : new float[] {1f, 2f, 1.4142135f, 1.4142137f, 10f, 1e-10f, Float.MIN_NORMAL, Float.MAX_VALUE}) {
            assertThat(org.audiotag.features.internal.FastLog.log10(v)).isCloseTo(Math.log10(v), within(1e-9));
        }
    }

    @Test
    void pcenMaxFilterAcrossFrequency() {
        int bins = 5;
        int frames = 40;
        double[] flat = new double[bins * frames];
        java.util.Arrays.fill(flat, 3.0e6);
        DoubleMatrix s = DoubleMatrix.of(bins, frames, flat);
        Pcen p1 = Pcen.builder().build();
        Pcen p3 = Pcen.builder().maxSize(3).build();
        // equal across frequency: the max filter changes nothing
        assertThat(p3.apply(s).toArray()).containsExactly(p1.apply(s).toArray(), within(1e-12));
        // one loud bin: its neighbours are normalised by the loud smoother, so they come out lower; far bins not
        double[] spike = flat.clone();
        for (int t = 0; t < frames; t++) {
            spike[2 * frames + t] = 3.0e9;
        }
        DoubleMatrix a1 = p1.apply(DoubleMatrix.of(bins, frames, spike));
        DoubleMatrix a3 = p3.apply(DoubleMatrix.of(bins, frames, spike));
        int t = frames - 1;
        assertThat(a3.get(1, t)).isLessThan(a1.get(1, t) * 0.5);
        assertThat(a3.get(3, t)).isLessThan(a1.get(3, t) * 0.5);
        assertThat(a3.get(0, t)).isCloseTo(a1.get(0, t), within(1e-12));
        assertThat(a3.get(2, t)).isCloseTo(a1.get(2, t), within(1e-12));
        // b from the time constant: T = 0.4 * 22050 / 512
        double tf = 0.4 * 22050 / 512;
        assertThat(p1.b()).isCloseTo((Math.sqrt(1 + 4 * tf * tf) - 1) / (2 * tf * tf), within(1e-15));
    }

    @Test
    void melScaleRoundTripsAndKnownValues() {
        assertThat(MelScale.hzToMel(1000, false)).isCloseTo(15.0, within(1e-12));
        assertThat(MelScale.hzToMel(500, false)).isCloseTo(7.5, within(1e-12));
        assertThat(MelScale.hzToMel(1000, true)).isCloseTo(999.9855, within(1e-3));
        for (double f : new double[] {0, 20, 440, 999.9, 1000, 4000, 22050}) {
            assertThat(MelScale.melToHz(MelScale.hzToMel(f, false), false)).isCloseTo(f, within(1e-9));
            assertThat(MelScale.melToHz(MelScale.hzToMel(f, true), true)).isCloseTo(f, within(1e-9));
        }
    }

    @Test
    void deltaModesOnALinearRamp() {
        // a ramp with slope 2: every mode's first derivative is 2 away from the edges; interp is exact everywhere
        int n = 12;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 2.0 * i + 1;
        }
        DoubleMatrix ramp = DoubleMatrix.of(1, n, d);
        for (Delta.Mode mode : Delta.Mode.values()) {
            DoubleMatrix out = Delta.of(5, 1, mode).apply(ramp);
            for (int t = 2; t < n - 2; t++) {
                assertThat(out.get(0, t)).as("%s frame %d", mode, t).isCloseTo(2.0, within(1e-12));
            }
        }
        DoubleMatrix interp = Delta.of(5, 1, Delta.Mode.INTERP).apply(ramp);
        assertThat(interp.get(0, 0)).isCloseTo(2.0, within(1e-12));
        assertThat(interp.get(0, n - 1)).isCloseTo(2.0, within(1e-12));
        // nearest at the first frame: window (1,1,1,3,5) -> savgol slope = (-2*1 -1*1 + 0 + 1*3 + 2*5)/10 = 1.0
        assertThat(Delta.of(5, 1, Delta.Mode.NEAREST).apply(ramp).get(0, 0)).isCloseTo(1.0, within(1e-12));
    }
}
