package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The whole-clip log-mel and waveform feature functions, their time-major layout and their FeatureConfig. */
class LogMelFeaturesTest {

    static final Path RAIN = SpectralFixtures.root().resolve("data/esc10/002 - Rain/1-17367-A.ogg");

    static float[] readF32(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static double[] readF64(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    /**
     * The computation of the earlier {@code org.audiotag.train.LogMelFeatures}, written out: a mel spectrogram built
     * from the explicit parameters, {@code power_to_db(ref 1, amin 1e-10, top_db)}, transposed to time-major, very
     * short clips zero-extended to {@code n_fft/2 + 1} samples.
     */
    static TimeMajorFeatures previousImplementation(float[] samples, int sr, int nFft, int hop, int nMels, double fMin,
            double fMax, double topDb, PadMode padMode) {
        MelSpectrogram mel = MelSpectrogram.builder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(nFft).hopLength(hop).center(true).padMode(padMode).build())
                .nMels(nMels).fMin(fMin).fMax(fMax).htk(false).norm(MelNorm.SLANEY).power(2.0).build();
        float[] y = samples.length <= nFft / 2 ? Arrays.copyOf(samples, nFft / 2 + 1) : samples;
        FeatureMatrix db = Decibels.powerToDb(mel.compute(y), DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, topDb);
        return TimeMajorFeatures.fromBinMajor(db.rows(), db.cols(), db.toArray());
    }

    @Test
    void matchesLibrosaPowerToDbOfMelspectrogramFixture() throws Exception {
        Path lib = SpectralFixtures.root().resolve("data/fixtures/librosa");
        float[] y = readF32(lib.resolve("inputs/chirp_noise_sr44100_n88200.f32"));
        // librosa 0.10.2: melspectrogram(sr=44100, n_fft=2560, hop=347, n_mels=128, fmin=20, power=2) (constant
        // padding, the 0.10 default) then power_to_db(ref=1, top_db=80)
        double[] ref = readF64(lib.resolve("cases/power_to_db_chirpmel_ref1_top80.f64"));
        FeatureConfig c = FeatureConfig.builder().sampleRate(44100).fMin(20).fMax(22050)
                .stft(StftConfig.builder().nFft(2560).hopLength(347).padMode(PadMode.CONSTANT).build()).build();
        LogMelFeatures f = LogMelFeatures.from(c);
        TimeMajorFeatures x = f.compute(y);
        assertThat(x.bins()).isEqualTo(128);
        assertThat(x.frames()).isEqualTo(255);
        double maxDiff = 0;
        for (int b = 0; b < 128; b++) {
            for (int t = 0; t < 255; t++) {
                maxDiff = Math.max(maxDiff, Math.abs(x.get(t, b) - ref[b * 255 + t]));
            }
        }
        // float32 pipeline vs librosa float64: within 1e-3 dB
        assertThat(maxDiff).isLessThan(1e-3);
    }

    @Test
    void pipelineAOnAnEsc10ClipIsBitIdenticalToThePreviousImplementation() throws Exception {
        LogMelFeatures f = LogMelFeatures.from(FeatureConfig.pipelineA());
        float[] y = AudioLoader.atRate(44100).load(RAIN).samples();
        TimeMajorFeatures x = f.compute(RAIN);
        assertThat(x.frames()).isEqualTo(1 + 220500 / 692).isEqualTo(f.framesFor(5.0));
        assertThat(x.bins()).isEqualTo(128);
        TimeMajorFeatures old = previousImplementation(y, 44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT);
        assertThat(x.data()).containsExactly(old.data());
        // very short clips are zero-extended to n_fft/2 + 1 samples, as before
        float[] tiny = Arrays.copyOfRange(y, 30000, 31000);
        assertThat(f.compute(tiny).data()).containsExactly(
                previousImplementation(tiny, 44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT).data());
        assertThat(f.compute(tiny).frames()).isEqualTo(2);
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : x.data()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max - min).isLessThanOrEqualTo(80.0001f);
    }

    @Test
    void theFeatureConfigIsTheWholeClipSequenceOfTheGivenPreset() throws Exception {
        LogMelFeatures f = LogMelFeatures.from(FeatureConfig.pipelineA());
        FeatureConfig c = f.config();
        assertThat(c.kind()).isEqualTo(FeatureConfig.Kind.LOG_MEL_SEQUENCE);
        assertThat(c.lengthPolicy()).isEqualTo(FixedLength.Policy.NONE);
        assertThat(c.trimTopDb()).isZero();
        assertThat(c.stft()).isEqualTo(FeatureConfig.pipelineA().stft());
        assertThat(c.nMels()).isEqualTo(128);
        // the configuration round-trips and describes the same function
        assertThat(LogMelFeatures.from(FeatureConfig.parse(c.toText()))).isEqualTo(f);
        assertThat(LogMelFeatures.from(c).config()).isEqualTo(c);
        assertThat(LogMelFeatures.fromMap(f.toMap())).isEqualTo(f);
        assertThat(f.toMap()).containsEntry("features.hopLength", "692").containsEntry("features.config", c.toText());
        // the same values as FeatureExtractor with that configuration (no length step: the whole clip)
        float[] y = AudioLoader.atRate(44100).load(RAIN).samples();
        FeatureMatrix seq = FeatureExtractor.of(c).extract(y);
        assertThat(f.compute(y).data()).containsExactly(seq.toArray());
        // and the transpose of the 128 x 128 image of the first 2 s of FeatureConfig.pipelineA()
        float[] first2s = Arrays.copyOf(y, 88200);
        FeatureMatrix image = FeatureExtractor.of(FeatureConfig.pipelineA()).extract(first2s);
        assertThat(f.compute(first2s).data()).containsExactly(TimeMajorFeatures.fromBinMajor(image).data());
        assertThat(f.cacheKey()).isEqualTo("logmel v1 sr=44100 nFft=2560 hopLength=692 nMels=128 fMin=0.0 "
                + "fMax=22050.0 topDb=80.0 center=true padMode=reflect htk=false norm=slaney power=2 ref=1 "
                + "amin=1e-10");
    }

    @Test
    void unsupportedSettingsAndBadSamplesAreRejectedByName() {
        FeatureConfig a = FeatureConfig.pipelineA();
        assertThatThrownBy(() -> LogMelFeatures.from(FeatureConfig.rawWaveform())).hasMessageContaining("kind");
        assertThatThrownBy(() -> LogMelFeatures.from(a.toBuilder().htk(true).build())).hasMessageContaining("htk");
        assertThatThrownBy(() -> LogMelFeatures.from(a.toBuilder().power(1).build())).hasMessageContaining("power");
        assertThatThrownBy(() -> LogMelFeatures.from(a.toBuilder().stft(StftConfig.builder().nFft(2560)
                .hopLength(692).window(Window.HAMMING).build()).build())).hasMessageContaining("hann");
        assertThatThrownBy(() -> LogMelFeatures.from(a.toBuilder().topDb(0).build())).hasMessageContaining("topDb");
        LogMelFeatures f = LogMelFeatures.from(a);
        assertThatThrownBy(() -> f.compute(new float[] {0f, Float.NaN})).hasMessageContaining("index 1");
        assertThatThrownBy(() -> f.compute(new float[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> f.compute(AudioClip.of(new float[100], 22050)))
                .hasMessageContaining("22050");
    }

    @Test
    void waveformFeaturesAreTheDecodedSamplesOneBinPerFrame() throws Exception {
        WaveformFeatures w = new WaveformFeatures(22050);
        TimeMajorFeatures x = w.compute(RAIN);
        assertThat(x.bins()).isEqualTo(1);
        assertThat(x.data()).containsExactly(AudioLoader.atRate(22050).load(RAIN).samples());
        assertThat(w.config().kind()).isEqualTo(FeatureConfig.Kind.RAW_WAVEFORM);
        assertThat(w.config().sampleRate()).isEqualTo(22050);
        assertThat(w.config().lengthPolicy()).isEqualTo(FixedLength.Policy.NONE);
        assertThatThrownBy(() -> new WaveformFeatures(100)).hasMessageContaining("sr");
    }

    @Test
    void conversionsFromAFeatureMatrixNameTheLayoutTheyAssume() {
        // a 2 x 3 (bin, frame) matrix: bin 0 = 1 2 3, bin 1 = 4 5 6
        FeatureMatrix binMajor = FeatureMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6});
        TimeMajorFeatures t = TimeMajorFeatures.fromBinMajor(binMajor);
        assertThat(t.frames()).isEqualTo(3);
        assertThat(t.bins()).isEqualTo(2);
        assertThat(t.data()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(t.toBinMajor()).isEqualTo(binMajor);
        TimeMajorFeatures s = TimeMajorFeatures.fromTimeMajor(binMajor.transpose());
        assertThat(s.data()).containsExactly(t.data());
        assertThat(TimeMajorFeatures.of(FeatureConfig.Kind.LOG_MEL_IMAGE, binMajor).data()).containsExactly(t.data());
        assertThat(TimeMajorFeatures.of(FeatureConfig.Kind.LOG_MEL_SEQUENCE, binMajor.transpose()).data())
                .containsExactly(t.data());
        TimeMajorFeatures w = TimeMajorFeatures.of(FeatureConfig.Kind.RAW_WAVEFORM,
                FeatureMatrix.of(1, 3, new float[] {7, 8, 9}));
        assertThat(w.frames()).isEqualTo(3);
        assertThat(w.bins()).isEqualTo(1);
        assertThatThrownBy(() -> TimeMajorFeatures.of(FeatureConfig.Kind.RAW_WAVEFORM, binMajor))
                .hasMessageContaining("1 row");
        assertThatThrownBy(() -> new TimeMajorFeatures(2, 2, new float[3])).hasMessageContaining("frames × bins");
        assertThat(t.toString()).isEqualTo("TimeMajorFeatures[frames=3, bins=2]");
    }
}
