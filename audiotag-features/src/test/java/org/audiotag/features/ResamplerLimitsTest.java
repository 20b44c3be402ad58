package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The documented limits of {@link Resampler}: rates that differ by more than {@link Resampler#MAX_RATIO}, outputs
 * beyond {@link Resampler#MAX_OUTPUT_LENGTH} and polyphase filters beyond {@link Resampler#MAX_POLYPHASE_TAPS} are
 * an {@link IllegalArgumentException} naming both rates, before anything is allocated; everything within them works.
 */
class ResamplerLimitsTest {

    @Test
    void ratiosBeyondTheBoundAreRefusedNamingBothRates() {
        double[] y = new double[22_000];
        for (ResampleType t : ResampleType.values()) {
            assertThatThrownBy(() -> Resampler.resample(y, 1, 44_100, t)).as(t.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("orig_sr=1 Hz and target_sr=44100 Hz differ by a factor of 44100.0, more than the"
                            + " 512 a resampler accepts (up or down)");
            assertThatThrownBy(() -> Resampler.resample(y, 768_000, 1_000, t)).as(t.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("orig_sr=768000 Hz and target_sr=1000 Hz");
        }
        assertThatThrownBy(() -> Resampler.outputLength(100, 1, 44_100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orig_sr=1 Hz and target_sr=44100 Hz");
    }

    @Test
    void theBoundItselfWorksForEveryMethod() {
        double[] y = new double[2048];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(0.05 * i);
        }
        for (ResampleType t : ResampleType.values()) {
            // down by exactly 512: kaiser_fast's table stride is floor(512 / 512) = 1, still valid
            assertThat(Resampler.resample(y, 512_000, 1_000, t)).as(t.name()).hasSize(4);
            assertThat(Resampler.resample(new double[40], 1_000, 512_000, t)).as(t.name()).hasSize(20_480);
        }
    }

    @Test
    void outputsBeyondAnArrayAreRefused() {
        assertThatThrownBy(() -> Resampler.outputLength(Integer.MAX_VALUE, 1_000, 2_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orig_sr=1000 Hz to target_sr=2000 Hz gives 4294967294 samples");
    }

    @Test
    void polyphaseRefusesRatesWhoseFilterWouldBeHuge() {
        double[] y = new double[4410];
        // 44101 and 16000 share no factor: up/down = 16000/44101, a filter of 882,021 taps: within the bound
        assertThat(Resampler.resample(y, 44_101, 16_000, ResampleType.POLYPHASE)).hasSize(1600);
        // 767999 to 16000 (no common factor either): 15,359,981 taps, beyond it; the windowed-sinc methods take these rates
        assertThatThrownBy(() -> Resampler.resample(y, 767_999, 16_000, ResampleType.POLYPHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orig_sr=767999 Hz to target_sr=16000 Hz needs a filter of 15359981 taps")
                .hasMessageContaining("use kaiser_best, kaiser_fast or fft");
        assertThat(Resampler.resample(y, 767_999, 16_000, ResampleType.KAISER_FAST)).hasSize(92);
    }
}
