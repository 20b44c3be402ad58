package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.DecodedAudio;
import org.junit.jupiter.api.Test;

/** Fixed-length preparation, FeatureConfig serialisation and the ready-made extractors on a real ESC-10 clip. */
class FeatureExtractorTest {
    /** Bark at 2.0-2.5 s, digital silence before: the original first-2-s crop sees nothing. */
    static final Path DOG = SpectralFixtures.root().resolve("data/esc10/001 - Dog bark/1-100032-A.ogg");
    /** Crowing in the first 2 s. */
    static final Path ROOSTER = SpectralFixtures.root().resolve("data/esc10/009 - Rooster/1-26806-A.ogg");

    static float[] decode(Path p) throws Exception {
        DecodedAudio a = AudioDecoder.decode(p);
        assertThat(a.sampleRate()).isEqualTo(44100);
        return a.toMono();
    }

    static float[] dogBark() throws Exception {
        return decode(DOG);
    }

    @Test
    void pipelineAImageOfARealEsc10Clip() throws Exception {
        float[] y = decode(ROOSTER);
        assertThat(y.length).isGreaterThan(88200);
        FeatureExtractor ex = FeatureExtractor.of(FeatureConfig.pipelineA());
        FeatureMatrix img = ex.extract(y);
        assertThat(img.rows()).isEqualTo(128);
        assertThat(img.cols()).isEqualTo(128);
        float[] v = img.toArray();
        float max = img.max();
        float min = Float.POSITIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
        }
        // top_db = 80 bounds the dynamic range; a dog bark at 16-bit level peaks well above -100 dB
        assertThat(max - min).isLessThanOrEqualTo(80.0001f);
        assertThat(max).isGreaterThan(-20f).isLessThan(60f);

        // the same numbers from the double path: power_to_db(melspectrogram) of the first 88200 samples
        double[] first = new double[88200];
        for (int i = 0; i < first.length; i++) {
            first[i] = y[i];
        }
        MelSpectrogram mel = FeatureConfig.pipelineA().melSpectrogram();
        DoubleMatrix ref = Decibels.powerToDb(mel.compute(first), DbRef.ONE, 1e-10, 80);
        for (int i = 0; i < v.length; i++) {
            assertThat((double) v[i]).as("element %d", i).isCloseTo(ref.toArray()[i], within(2e-3));
        }

        // frame 0 from the definition: reflect-padded Hann frame, textbook DFT, dense Slaney filter bank, dB
        StftConfig sc = FeatureConfig.pipelineA().stft();
        double[][] f0 = SpectralEdgeCaseTest.naiveFrame(first, sc, 0);
        DoubleMatrix dense = mel.filterBank().dense();
        for (int m = 0; m < 128; m += 9) {
            double acc = 0;
            for (int k = 0; k < dense.cols(); k++) {
                acc += dense.get(m, k) * (f0[0][k] * f0[0][k] + f0[1][k] * f0[1][k]);
            }
            double db = Math.max(10 * Math.log10(Math.max(1e-10, acc)), ref.max() - 80);
            assertThat((double) img.get(m, 0)).as("mel %d frame 0", m).isCloseTo(db, within(2e-3));
        }

        // the sequence kind is the transpose; the raw kind is the first 88200 samples
        FeatureMatrix seq = FeatureExtractor.of(FeatureConfig.pipelineA().withKind(FeatureConfig.Kind.LOG_MEL_SEQUENCE))
                .extract(y);
        assertThat(seq.rows()).isEqualTo(128);
        assertThat(seq.get(5, 17)).isEqualTo(img.get(17, 5));
        FeatureMatrix raw = FeatureExtractor.of(FeatureConfig.rawWaveform()).extract(y);
        assertThat(raw.rows()).isEqualTo(1);
        assertThat(raw.cols()).isEqualTo(88200);
        assertThat(raw.toArray()).containsExactly(Arrays.copyOf(y, 88200));
        FeatureMatrix mu = FeatureExtractor.of(FeatureConfig.rawWaveform().toBuilder().muLaw(255).build()).extract(y);
        assertThat(mu.get(0, 1000)).isCloseTo((float) MuLaw.compress(new double[] {y[1000]}, 255, false)[0],
                within(1e-6f));
    }

    @Test
    void pipelineCTrimsCentrePadsAndCropsWithASeed() throws Exception {
        float[] y = dogBark();
        FeatureConfig c = FeatureConfig.pipelineC();
        FeatureExtractor ex = FeatureExtractor.of(c);
        int[] span = Trim.of(60, 2048, 512, PadMode.REFLECT).span(y);
        assertThat(span[1]).isGreaterThan(span[0]);
        float[] prepared = ex.prepare(y, null);
        float[] trimmed = Arrays.copyOfRange(y, span[0], span[1]);
        if (trimmed.length <= 88200) {
            assertThat(prepared).containsExactly(FixedLength.centrePad(trimmed, 88200));
        } else {
            assertThat(prepared).containsExactly(Arrays.copyOf(trimmed, 88200));
        }
        FeatureMatrix img = ex.extract(y, new SplittableRandom(7));
        assertThat(img.rows()).isEqualTo(128);
        assertThat(img.cols()).isEqualTo(128);
        // trimming finds the bark that pipeline A's first-2-s crop misses (docs/ORIGINAL-PROJECT.md bug 4)
        assertThat(span[0]).isGreaterThan(44100);
        assertThat(img.max()).isGreaterThan(-20f);
        assertThat(FeatureExtractor.of(FeatureConfig.pipelineA()).extract(y).max()).isEqualTo(-100f);
        assertThat(ex.extract(y, new SplittableRandom(7))).isEqualTo(img);
    }

    @Test
    void fixedLengthPolicies() {
        float[] y = {1, 2, 3, 4, 5};
        assertThat(FixedLength.leftPadOrCropFirst(y, 8)).containsExactly(0, 0, 0, 1, 2, 3, 4, 5);
        assertThat(FixedLength.leftPadOrCropFirst(y, 3)).containsExactly(1, 2, 3);
        assertThat(FixedLength.centrePad(y, 8)).containsExactly(0, 1, 2, 3, 4, 5, 0, 0);
        assertThat(FixedLength.centrePad(y, 3)).containsExactly(1, 2, 3, 4, 5);
        assertThat(FixedLength.loop(y, 12)).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2);
        assertThat(FixedLength.cropFirst(y, 2)).containsExactly(1, 2);
        // random crops reach every offset 0..len-n; the faithful variant never the last one
        boolean[] seen = new boolean[3];
        boolean[] seenFaithful = new boolean[3];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            seen[(int) FixedLength.randomCrop(y, 3, r)[0] - 1] = true;
            seenFaithful[(int) FixedLength.randomCrop(y, 3, r, true)[0] - 1] = true;
        }
        assertThat(seen).containsExactly(true, true, true);
        assertThat(seenFaithful).containsExactly(true, true, false);
        assertThat(FixedLength.randomCrop(y, 7, r)).containsExactly(0, 1, 2, 3, 4, 5, 0);
        assertThatThrownBy(() -> FixedLength.loop(new float[0], 3)).hasMessageContaining("empty");
        assertThatThrownBy(() -> FixedLength.cropFirst(y, 0)).hasMessageContaining("n_samples");
    }

    @Test
    void slidingWindowsCoverTheWholeClip() throws Exception {
        float[] y = new float[10];
        for (int i = 0; i < y.length; i++) {
            y[i] = i;
        }
        List<float[]> w = FixedLength.slidingWindows(y, 4, 3);
        assertThat(w).hasSize(3);
        assertThat(w.get(0)).containsExactly(0, 1, 2, 3);
        assertThat(w.get(1)).containsExactly(3, 4, 5, 6);
        assertThat(w.get(2)).containsExactly(6, 7, 8, 9);
        // windows at 0 and 4 leave the last two samples: one more window ends at the end
        List<float[]> w4 = FixedLength.slidingWindows(y, 4, 4);
        assertThat(w4).hasSize(3);
        assertThat(w4.get(2)).containsExactly(6, 7, 8, 9);
        assertThat(FixedLength.slidingWindows(y, 4, 2)).hasSize(4);
        assertThat(FixedLength.slidingWindows(y, 4, 2).get(3)).containsExactly(6, 7, 8, 9);
        assertThat(FixedLength.slidingWindows(y, 12, 1)).hasSize(1);
        assertThat(FixedLength.slidingWindows(y, 12, 1).get(0)).containsExactly(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
        assertThatThrownBy(() -> FixedLength.slidingWindows(y, 4, 0)).hasMessageContaining("hop");
        // the 5 s dog bark in 2 s windows every second: the window holding the bark is loud, the first is silent
        List<FeatureMatrix> win = FeatureExtractor.of(FeatureConfig.pipelineA()).extractWindows(dogBark(), 44100);
        assertThat(win).hasSizeBetween(4, 5); // 4 for exactly 5 s; one more end-aligned window if the decode is longer
        assertThat(win.get(0).max()).isEqualTo(-100f);
        assertThat(win.get(2).max()).isGreaterThan(-20f);
        for (FeatureMatrix m : win) {
            assertThat(m.cols()).isEqualTo(128);
        }
    }

    @Test
    void featureConfigRoundTripsAndRejectsBadInput() {
        for (FeatureConfig c : List.of(FeatureConfig.pipelineA(), FeatureConfig.pipelineC(), FeatureConfig.modern(),
                FeatureConfig.rawWaveform().toBuilder().muLaw(255).build(),
                FeatureConfig.modern().toBuilder().topDb(Decibels.NO_TOP_DB).ref(DbRef.MAX).htk(true)
                        .norm(MelNorm.NONE).build())) {
            assertThat(FeatureConfig.parse(c.toText())).isEqualTo(c);
            assertThat(FeatureConfig.parse(c.toText()).toText()).isEqualTo(c.toText());
            Properties p = c.toProperties();
            assertThat(FeatureConfig.fromProperties(p)).isEqualTo(c);
        }
        FeatureConfig a = FeatureConfig.pipelineA();
        assertThat(a.framesPerClip()).isEqualTo(128);
        assertThat(FeatureConfig.pipelineC().framesPerClip()).isEqualTo(128);
        assertThat(FeatureConfig.modern().framesPerClip()).isEqualTo(128);
        assertThat(a.stft().nFft()).isEqualTo(2560);
        assertThat(a.stft().hopLength()).isEqualTo(692);
        assertThat(a.stft().padMode()).isEqualTo(PadMode.REFLECT);
        assertThat(a.toText()).startsWith("format=audiotag-features/1;kind=log_mel_image;sr=44100;");
        // newline form with comments parses too
        assertThat(FeatureConfig.parse("# model features\nkind=log_mel_image\nn_fft=2560\n")).isNotNull();
        assertThatThrownBy(() -> FeatureConfig.parse("n_ftt=2048")).hasMessageContaining("n_ftt");
        assertThatThrownBy(() -> FeatureConfig.parse("n_mels=zero")).hasMessageContaining("n_mels");
        assertThatThrownBy(() -> FeatureConfig.parse("hop_length=-5")).hasMessageContaining("hop_length");
        assertThatThrownBy(() -> FeatureConfig.parse("format=other/9")).hasMessageContaining("format");
        assertThatThrownBy(() -> FeatureConfig.builder().fMax(30000).build()).hasMessageContaining("fmax");
        assertThatThrownBy(() -> FeatureConfig.builder().muLaw(255).build()).hasMessageContaining("mu_law");
        assertThatThrownBy(() -> FeatureConfig.builder().sampleRate(0).build()).hasMessageContaining("sr");
    }

    @Test
    void batchEqualsSequentialAndDoesNotDependOnThreads() {
        List<float[]> clips = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 6; i++) {
            float[] c = new float[30000 + 20000 * i];
            for (int j = 0; j < c.length; j++) {
                c[j] = (float) (0.3 * Math.sin(j * (0.01 + 0.003 * i)) + 0.05 * r.nextGaussian());
            }
            clips.add(c);
        }
        FeatureExtractor ex = FeatureExtractor.of(FeatureConfig.modern());
        List<FeatureMatrix> seq = ex.extractBatch(clips, 1);
        assertThat(ex.extractBatch(clips)).isEqualTo(seq);
        assertThat(ex.extractBatch(clips, 2)).isEqualTo(seq);
        for (int i = 0; i < clips.size(); i++) {
            assertThat(seq.get(i)).isEqualTo(ex.extract(clips.get(i)));
        }
        assertThat(ex.extractBatch(clips, 2, 42L)).isEqualTo(ex.extractBatch(clips, 1, 42L));
        List<float[]> bad = new ArrayList<>(clips);
        bad.set(3, new float[] {0f, Float.NaN});
        assertThatThrownBy(() -> ex.extractBatch(bad, 2)).hasMessageContaining("clip 3");
        assertThatThrownBy(() -> ex.extract(AudioClip.of(new float[100], 22050)))
                .hasMessageContaining("sr=44100");
    }
}
