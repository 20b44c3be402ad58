package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Convolution with the shipped real impulse responses. */
class ReverbTransformTest {
    private static final int SR = 44100;

    private static int argmaxAbs(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void aClickComesOutAsTheImpulseResponseDelayedByTheClickPosition() throws IOException {
        List<ImpulseResponse> irs = TestData.irs();
        ReverbTransform rev = ReverbTransform.builder(irs, SR).faithful().build();
        assertThat(rev.size()).isEqualTo(irs.size());
        int pos = 3000;
        float[] click = new float[SR];
        click[pos] = 1f;
        LabeledAudio in = LabeledAudio.of(click, SR, "click");
        for (int k = 0; k < irs.size(); k++) {
            ImpulseResponse ir = irs.get(k);
            float[] out = rev.convolve(in, k).samples();
            assertThat(out.length).isEqualTo(SR + rev.irLength(k) - 1);
            if (ir.sampleRate() == SR) {
                float[] h = ir.samples();
                assertThat(rev.irLength(k)).isEqualTo(h.length);
                for (int i = 0; i < pos; i++) {
                    assertThat(out[i]).as("no circular wrap before the click").isCloseTo(0f, within(1e-5f));
                }
                for (int i = 0; i < h.length; i += 7) {
                    assertThat(out[pos + i]).isCloseTo(h[i], within(1e-5f));
                }
                assertThat(argmaxAbs(out)).isEqualTo(pos + argmaxAbs(h));
            } else {
                int expectedLen = (int) Math.ceil(ir.samples().length * ((double) SR / ir.sampleRate()));
                assertThat(rev.irLength(k)).isEqualTo(expectedLen);
                double lagSeconds = (argmaxAbs(out) - pos) / (double) SR;
                double irPeakSeconds = argmaxAbs(ir.samples()) / (double) ir.sampleRate();
                assertThat(lagSeconds).isCloseTo(irPeakSeconds, within(2.0 / SR));
            }
        }
    }

    @Test
    void reverberatedClipCorrelatesWithTheClipAtTheDirectPathDelay() throws IOException {
        LabeledAudio dog = TestData.esc10().get(0);
        List<ImpulseResponse> irs = TestData.irs();
        int k = 0;
        ReverbTransform rev = ReverbTransform.builder(irs.subList(k, k + 1), SR).faithful().build();
        float[] y = rev.convolve(dog, 0).samples();
        float[] x = dog.samples();
        int delay = argmaxAbs(irs.get(k).samples());
        int bestLag = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag < delay + 400; lag += 1) {
            double c = 0;
            for (int n = 0; n < x.length; n += 3) {
                c += (double) x[n] * y[n + lag];
            }
            if (Math.abs(c) > best) {
                best = Math.abs(c);
                bestLag = lag;
            }
        }
        // the direct path dominates: the best lag is within 0.5 ms of the IR's peak (early reflections can
        // shift it by a few samples), far from lag 0
        assertThat(bestLag).isCloseTo(delay, within(22));
        assertThat(delay).isGreaterThan(200);
    }

    @Test
    void defaultsKeepTheLengthAndTheRmsAndWetDryBlends() throws IOException {
        LabeledAudio rain = TestData.esc10().get(1);
        ReverbTransform rev = ReverbTransform.builder(TestData.irs(), SR).build();
        DrawLog log = new DrawLog();
        LabeledAudio out = rev.apply(rain, new SplittableRandom(5), log);
        assertThat(out.length()).isEqualTo(rain.length());
        assertThat(Math.sqrt(MixTransform.power(out.samples())))
                .isCloseTo(Math.sqrt(MixTransform.power(rain.samples())), within(1e-4));
        assertThat(log.find("reverb").values().get("ir")).isIn(TestData.irs().stream().map(ImpulseResponse::name)
                .toList().toArray());
        ReverbTransform dry = ReverbTransform.builder(TestData.irs(), SR).wet(0.0)
                .normalisation(ReverbTransform.Normalisation.NONE).build();
        assertThat(java.util.Arrays.equals(dry.convolve(rain, 2).samples(), rain.samples())).isTrue();
        ReverbTransform peak = ReverbTransform.builder(TestData.irs(), SR).wet(0.3)
                .normalisation(ReverbTransform.Normalisation.PEAK).build();
        float[] p = peak.convolve(rain, 3).samples();
        float px = 0;
        float py = 0;
        float[] x = rain.samples();
        for (int i = 0; i < p.length; i++) {
            px = Math.max(px, Math.abs(x[i]));
            py = Math.max(py, Math.abs(p[i]));
        }
        assertThat(py).isCloseTo(px, within(1e-5f));
    }

    @Test
    void sameLengthOutputIsTheStartOfTheFullConvolutionForShortAndLongClips() throws IOException {
        List<ImpulseResponse> irs = TestData.irs();
        ReverbTransform full = ReverbTransform.builder(irs, SR).faithful().build();
        ReverbTransform same = ReverbTransform.builder(irs, SR).faithful()
                .outputLength(ReverbTransform.OutputLength.SAME).build();
        float[] rain = TestData.esc10().get(1).samples();
        for (int len : new int[] {1000, 30000, 88200, 150000}) {
            LabeledAudio clip = LabeledAudio.of(java.util.Arrays.copyOf(rain, len), SR, "rain-" + len);
            for (int k = 0; k < irs.size(); k++) {
                float[] a = full.convolve(clip, k).samples();
                float[] b = same.convolve(clip, k).samples();
                assertThat(b).hasSize(len);
                float peak = 0;
                for (float v : a) {
                    peak = Math.max(peak, Math.abs(v));
                }
                for (int i = 0; i < len; i++) {
                    assertThat(Math.abs(a[i] - b[i])).as("len %d ir %d sample %d", len, k, i)
                            .isLessThanOrEqualTo(1e-5f * peak);
                }
            }
        }
    }

    @Test
    void tailTruncationShortensLongResponsesButKeepsTheirEnergy() throws IOException {
        List<ImpulseResponse> irs = TestData.irs();
        ReverbTransform cut = ReverbTransform.builder(irs, SR).tailThresholdDb(-30).build();
        ReverbTransform whole = ReverbTransform.builder(irs, SR).tailThresholdDb(Double.NEGATIVE_INFINITY).build();
        int shorter = 0;
        for (int k = 0; k < irs.size(); k++) {
            assertThat(cut.irLength(k)).isLessThanOrEqualTo(whole.irLength(k));
            shorter += cut.irLength(k) < whole.irLength(k) ? 1 : 0;
        }
        assertThat(shorter).isPositive();
    }

    @Test
    void badImpulseResponsesAreRejected() throws IOException {
        assertThatThrownBy(() -> ReverbTransform.builder(List.of(), SR).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impulse-response set is empty");
        assertThatThrownBy(() -> ReverbTransform.builder(TestData.irs(), SR).maxIrSeconds(0.5).build())
                .hasMessageContaining("above the limit maxIrSeconds");
        assertThatThrownBy(() -> ImpulseResponse.of("empty.wav", new float[0], SR))
                .hasMessageContaining("empty.wav: zero-length");
        assertThatThrownBy(() -> ImpulseResponse.of("nan.wav", new float[] {1f, Float.NaN}, SR))
                .hasMessageContaining("nan.wav");
        assertThatThrownBy(() -> ImpulseResponse.of("silent.wav", new float[8], SR))
                .hasMessageContaining("all zeros");
        assertThatThrownBy(() -> ReverbTransform.builder(TestData.irs(), SR).wet(1.5).build())
                .hasMessageContaining("wet");
        ReverbTransform rev = ReverbTransform.builder(TestData.irs(), SR).build();
        LabeledAudio at22k = LabeledAudio.of(new float[] {1f, 0f}, 22050, "x.wav");
        assertThatThrownBy(() -> rev.convolve(at22k, 0)).hasMessageContaining("x.wav")
                .hasMessageContaining("22050");
    }
}
