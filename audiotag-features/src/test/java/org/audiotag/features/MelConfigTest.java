package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** MelConfig: librosa defaults, each validation limit, value semantics, and the classes that are built from it. */
class MelConfigTest {

    private static MelConfig build(UnaryOperator<MelConfig.Builder> settings) {
        return settings.apply(MelConfig.builder()).build();
    }

    private static void rejected(UnaryOperator<MelConfig.Builder> settings, String... messageParts) {
        assertThatThrownBy(() -> build(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void defaultsAreLibrosaMelspectrogramDefaults() {
        MelConfig c = MelConfig.builder().build();
        assertThat(c.sampleRate()).isEqualTo(22050.0);
        assertThat(c.stft()).isEqualTo(StftConfig.builder().nFft(2048).hopLength(512).winLength(2048)
                .window(Window.HANN).center(true).padMode(PadMode.CONSTANT).build());
        assertThat(c.nMels()).isEqualTo(128);
        assertThat(c.fMin()).isEqualTo(0.0);
        assertThat(c.fMax()).as("fmax=None is sr/2").isEqualTo(11025.0);
        assertThat(c.htk()).isFalse();
        assertThat(c.norm()).isEqualTo(MelNorm.SLANEY);
        assertThat(c.power()).isEqualTo(2.0);
        assertThat(build(b -> b.sampleRate(16000)).fMax()).as("fmax follows sr when not set").isEqualTo(8000.0);
    }

    @Test
    void sampleRateMustBeWithinOneToSevenHundredSixtyEightKilohertz() {
        for (double sr : new double[] {0, 0.5, -44100, 768000.5, 1e9, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejected(b -> b.sampleRate(sr).fMax(Double.NaN), "sr", "[1, 768000]", String.valueOf(sr));
        }
        assertThat(build(b -> b.sampleRate(1)).fMax()).isEqualTo(0.5);
        assertThat(build(b -> b.sampleRate(768000)).fMax()).isEqualTo(384000.0);
        assertThat(build(b -> b.sampleRate(44100.5)).sampleRate()).as("non-integer rates are allowed")
                .isEqualTo(44100.5);
    }

    @Test
    void nMelsMustBeWithinOneTo4096() {
        rejected(b -> b.nMels(0), "n_mels", "[1, 4096]", "0");
        rejected(b -> b.nMels(-3), "n_mels", "[1, 4096]");
        rejected(b -> b.nMels(4097), "n_mels", "[1, 4096]", "4097");
        assertThat(build(b -> b.nMels(1)).nMels()).isEqualTo(1);
        assertThat(build(b -> b.nMels(4096)).nMels()).isEqualTo(4096);
    }

    @Test
    void fMinMustBeNonNegativeAndBelowNyquist() {
        rejected(b -> b.fMin(-1), "fmin", "[0, sr/2=11025.0)", "-1.0");
        rejected(b -> b.fMin(Double.NaN), "fmin", "[0, sr/2=11025.0)");
        rejected(b -> b.fMin(Double.POSITIVE_INFINITY), "fmin");
        rejected(b -> b.fMin(11025), "fmin", "[0, sr/2=11025.0)");
        assertThat(build(b -> b.fMin(11000)).fMin()).isEqualTo(11000.0);
    }

    @Test
    void fMaxMustLieAboveFMinAndAtMostNyquist() {
        rejected(b -> b.fMin(500).fMax(100), "fmax", "(fmin=500.0, sr/2=11025.0]", "100.0");
        rejected(b -> b.fMin(500).fMax(500), "fmax", "(fmin=500.0");
        rejected(b -> b.fMax(11025.5), "fmax", "sr/2=11025.0]", "11025.5");
        rejected(b -> b.fMax(Double.POSITIVE_INFINITY), "fmax");
        rejected(b -> b.fMax(0), "fmax");
        assertThat(build(b -> b.fMax(11025)).fMax()).isEqualTo(11025.0);
        assertThat(build(b -> b.fMin(20).fMax(8000)).fMax()).isEqualTo(8000.0);
    }

    @Test
    void powerMustBeFiniteAndPositive() {
        for (double p : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejected(b -> b.power(p), "power", "> 0");
        }
        assertThat(build(b -> b.power(1)).power()).isEqualTo(1.0);
        assertThat(build(b -> b.power(0.5)).power()).isEqualTo(0.5);
    }

    @Test
    void nullComponentsAreRejectedByName() {
        assertThatThrownBy(() -> MelConfig.builder().stft(null)).hasMessageContaining("stft");
        assertThatThrownBy(() -> MelConfig.builder().norm(null)).hasMessageContaining("norm");
    }

    @Test
    void valueSemanticsAndToBuilderRoundTrip() {
        MelConfig a = build(b -> b.sampleRate(44100).stft(StftConfig.builder().nFft(2560).hopLength(692)
                .padMode(PadMode.REFLECT).build()).nMels(64).fMin(20).htk(true).norm(MelNorm.NONE).power(1));
        MelConfig same = build(b -> b.sampleRate(44100).stft(StftConfig.builder().nFft(2560).hopLength(692)
                .padMode(PadMode.REFLECT).build()).nMels(64).fMin(20).fMax(22050).htk(true).norm(MelNorm.NONE)
                .power(1));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().nMels(65).build()).isNotEqualTo(a);
        assertThat(a.toBuilder().power(2).build()).isNotEqualTo(a);
        assertThat(a.toBuilder().htk(false).build()).isNotEqualTo(a);
        assertThat(a.toString()).contains("sr=44100.0", "n_fft=2560", "n_mels=64", "fmin=20.0", "fmax=22050.0",
                "htk=true", "norm=none", "power=1.0");
    }

    @Test
    void melSpectrogramFromItsBuilderEqualsTheOneFromTheConfig() {
        double[] y = new double[8000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(2 * Math.PI * 440 * i / 16000.0) + 0.1 * Math.sin(i * 0.37);
        }
        StftConfig stft = StftConfig.builder().nFft(512).hopLength(160).build();
        MelSpectrogram old = MelSpectrogram.builder().sampleRate(16000).stft(stft).nMels(40).fMin(30).fMax(7600)
                .htk(true).power(1).build();
        MelConfig cfg = MelConfig.builder().sampleRate(16000).stft(stft).nMels(40).fMin(30).fMax(7600).htk(true)
                .power(1).build();
        MelSpectrogram fromConfig = MelSpectrogram.of(cfg);
        assertThat(old.config()).isEqualTo(cfg);
        assertThat(old).isEqualTo(fromConfig).hasSameHashCodeAs(fromConfig);
        assertThat(old.toBuilder().build()).isEqualTo(old);
        assertThat(old.compute(y).toArray()).isEqualTo(fromConfig.compute(y).toArray());
        assertThat(fromConfig.filterBank().dense()).isEqualTo(
                MelFilterBank.of(16000, 512, 40, 30, 7600, true, MelNorm.SLANEY).dense());
        assertThat(MelFilterBank.of(cfg).dense()).isEqualTo(fromConfig.filterBank().dense());
        assertThat(fromConfig.sampleRate()).isEqualTo(16000.0);
        assertThat(fromConfig.stftConfig()).isEqualTo(stft);
        assertThat(fromConfig.power()).isEqualTo(1.0);
    }

    @Test
    void melSpectrogramBuilderValidatesThroughMelConfig() {
        assertThatThrownBy(() -> MelSpectrogram.builder().sampleRate(1e6).build())
                .hasMessageContainingAll("sr", "[1, 768000]");
        assertThatThrownBy(() -> MelSpectrogram.builder().sampleRate(22050).fMax(20000).build())
                .hasMessageContainingAll("fmax", "sr/2=11025.0");
        assertThatThrownBy(() -> MelSpectrogram.of(null)).hasMessageContaining("config");
    }

    /** Text forms written by FeatureConfig before it held a MelConfig; they must parse to equal configurations. */
    private static final List<String> SERIALISED_BEFORE = List.of(
            "format=audiotag-features/1;kind=log_mel_image;sr=44100;n_samples=88200;length_policy=left_pad_crop_first;"
                    + "faithful_crop=false;trim_top_db=0.0;trim_pad_mode=constant;n_fft=2560;hop_length=692;"
                    + "win_length=2560;window=hann;center=true;pad_mode=reflect;n_mels=128;fmin=0.0;fmax=22050.0;"
                    + "htk=false;norm=slaney;power=2.0;ref=1.0;amin=1.0E-10;top_db=80.0;mu_law=0.0",
            "format=audiotag-features/1;kind=log_mel_image;sr=44100;n_samples=88200;"
                    + "length_policy=centre_pad_random_crop;faithful_crop=false;trim_top_db=60.0;trim_pad_mode=reflect;"
                    + "n_fft=2560;hop_length=694;win_length=2560;window=hann;center=true;pad_mode=reflect;n_mels=128;"
                    + "fmin=20.0;fmax=22050.0;htk=false;norm=slaney;power=2.0;ref=1.0;amin=1.0E-10;top_db=80.0;"
                    + "mu_law=0.0",
            "format=audiotag-features/1;kind=log_mel_image;sr=44100;n_samples=88200;"
                    + "length_policy=centre_pad_random_crop;faithful_crop=false;trim_top_db=0.0;"
                    + "trim_pad_mode=constant;n_fft=2048;hop_length=692;win_length=2048;window=hann;center=true;"
                    + "pad_mode=constant;n_mels=128;fmin=20.0;fmax=22050.0;htk=false;norm=slaney;power=2.0;ref=1.0;"
                    + "amin=1.0E-10;top_db=80.0;mu_law=0.0",
            "format=audiotag-features/1;kind=raw_waveform;sr=44100;n_samples=88200;length_policy=left_pad_crop_first;"
                    + "faithful_crop=false;trim_top_db=0.0;trim_pad_mode=constant;n_fft=2048;hop_length=692;"
                    + "win_length=2048;window=hann;center=true;pad_mode=constant;n_mels=128;fmin=20.0;fmax=22050.0;"
                    + "htk=false;norm=slaney;power=2.0;ref=1.0;amin=1.0E-10;top_db=80.0;mu_law=0.0",
            "format=audiotag-features/1;kind=log_mel_image;sr=32000;n_samples=88200;"
                    + "length_policy=centre_pad_random_crop;faithful_crop=false;trim_top_db=0.0;"
                    + "trim_pad_mode=constant;n_fft=2048;hop_length=692;win_length=2048;window=hann;center=true;"
                    + "pad_mode=constant;n_mels=64;fmin=20.0;fmax=16000.0;htk=true;norm=none;power=1.0;ref=max;"
                    + "amin=1.0E-10;top_db=none;mu_law=0.0");

    @Test
    void featureConfigTextFormIsByteForByteWhatItWasBefore() {
        assertThat(FeatureConfig.pipelineA().toText()).isEqualTo(SERIALISED_BEFORE.get(0));
        assertThat(FeatureConfig.pipelineC().toText()).isEqualTo(SERIALISED_BEFORE.get(1));
        assertThat(FeatureConfig.modern().toText()).isEqualTo(SERIALISED_BEFORE.get(2));
        assertThat(FeatureConfig.rawWaveform().toText()).isEqualTo(SERIALISED_BEFORE.get(3));
        for (String text : SERIALISED_BEFORE) {
            FeatureConfig c = FeatureConfig.parse(text);
            assertThat(c.toText()).isEqualTo(text);
            assertThat(FeatureConfig.fromProperties(c.toProperties())).isEqualTo(c);
        }
        FeatureConfig custom = FeatureConfig.parse(SERIALISED_BEFORE.get(4));
        assertThat(custom).isEqualTo(FeatureConfig.modern().toBuilder().topDb(Decibels.NO_TOP_DB).ref(DbRef.MAX)
                .htk(true).norm(MelNorm.NONE).fMax(16000).power(1).sampleRate(32000).nMels(64).build());
    }

    @Test
    void featureConfigHoldsTheMelConfigItWasBuiltFrom() {
        FeatureConfig a = FeatureConfig.pipelineA();
        MelConfig mel = MelConfig.builder().sampleRate(44100).stft(StftConfig.builder().nFft(2560).hopLength(692)
                .padMode(PadMode.REFLECT).build()).nMels(128).fMin(0).fMax(22050).build();
        assertThat(a.mel()).isEqualTo(mel);
        assertThat(a.melSpectrogram()).isEqualTo(MelSpectrogram.of(mel));
        assertThat(a.stft()).isEqualTo(mel.stft());
        assertThat(a.nMels()).isEqualTo(128);
        assertThat(a.fMin()).isEqualTo(0.0);
        assertThat(a.fMax()).isEqualTo(22050.0);
        assertThat(a.htk()).isFalse();
        assertThat(a.norm()).isEqualTo(MelNorm.SLANEY);
        assertThat(a.power()).isEqualTo(2.0);
        // the new way: the mel parameters as one value
        FeatureConfig viaMel = FeatureConfig.builder().kind(FeatureConfig.Kind.LOG_MEL_IMAGE).nSamples(88200)
                .lengthPolicy(FixedLength.Policy.LEFT_PAD_CROP_FIRST).trimTopDb(0).mel(mel).build();
        assertThat(viaMel).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(viaMel.toText()).isEqualTo(a.toText());
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThatThrownBy(() -> FeatureConfig.builder().mel(mel.toBuilder().sampleRate(44100.5).build()))
                .hasMessageContainingAll("sr", "whole number", "44100.5");
    }

    @Test
    void featureConfigAcceptsExactlyTheMelConfigLimits() {
        FeatureConfig.Builder base = FeatureConfig.builder().fMin(0);
        assertThat(base.sampleRate(1).build().fMax()).isEqualTo(0.5);
        assertThat(base.sampleRate(768000).build().fMax()).isEqualTo(384000.0);
        assertThat(base.sampleRate(500).build().mel().sampleRate()).isEqualTo(500.0);
        assertThatThrownBy(() -> FeatureConfig.builder().sampleRate(768001).build())
                .hasMessageContainingAll("sr", "[1, 768000]");
        assertThat(FeatureConfig.builder().nMels(4096).build().nMels()).isEqualTo(4096);
        assertThatThrownBy(() -> FeatureConfig.builder().nMels(4097).build())
                .hasMessageContainingAll("n_mels", "[1, 4096]");
        assertThatThrownBy(() -> FeatureConfig.builder().power(0).build()).hasMessageContainingAll("power", "> 0");
        assertThatThrownBy(() -> FeatureConfig.parse("fmin=30000"))
                .hasMessageContainingAll("fmin", "[0, sr/2=22050.0)");
    }
}
