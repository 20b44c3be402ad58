package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.PadMode;
import org.audiotag.features.Resampler;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.WaveformFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Tagger on real ESC-10 clips: the same scores as release 0.1's tagger, windows, threads, typed input. */
class TaggerTest {

    static final Path DOG = Exports.esc10("001 - Dog bark/1-100032-A.ogg");
    static final Path RAIN = Exports.esc10("002 - Rain/1-17367-A.ogg");

    static float[] pipelineA(float[] y) {
        return PreviousTagger.logMel(y, 44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT);
    }

    /** Issue: tagging through audiotag-models must not change a single score. */
    @ParameterizedTest
    @EnumSource(WindowAggregation.class)
    void scoresAreBitIdenticalToThePreviousTaggerOnRealClips(WindowAggregation aggregation, @TempDir Path tmp)
            throws Exception {
        float mean = -26.730192f;
        float std = 22.340061f;
        Path dir = Exports.exportImageModel(tmp.resolve("model"), aggregation, mean, std);
        try (Tagger tagger = Tagger.load(dir); SavedModelRunner runner = SavedModelRunner.load(dir)) {
            for (Path clip : List.of(DOG, RAIN)) {
                float[] y = AudioLoader.atRate(44100).load(clip).samples();
                float[] expected = PreviousTagger.scores(pipelineA(y), 128, false, 128, 64, aggregation, mean, std,
                        runner);
                assertThat(tagger.scores(clip)).as(clip.getFileName() + " " + aggregation).containsExactly(expected);
                assertThat(tagger.scores(y, 44100)).containsExactly(expected);
            }
            // a clip shorter than n_fft/2 (zero-extended, one left-padded window) and a 22.05 kHz input
            float[] y = AudioLoader.atRate(44100).load(RAIN).samples();
            float[] tiny = Arrays.copyOfRange(y, 20000, 21000);
            assertThat(tagger.scores(tiny, 44100)).containsExactly(PreviousTagger.scores(pipelineA(tiny), 128, false,
                    128, 64, aggregation, mean, std, runner));
            float[] half = AudioLoader.atRate(22050).load(RAIN).samples();
            float[] up = Resampler.resample(half, 22050, 44100, Resampler.DEFAULT_TYPE);
            assertThat(tagger.scores(half, 22050)).containsExactly(PreviousTagger.scores(pipelineA(up), 128, false,
                    128, 64, aggregation, mean, std, runner));
        }
    }

    @Test
    void sequenceAndWaveformModelsGiveThePreviousScoresToo(@TempDir Path tmp) throws Exception {
        // a GRU on 16-frame windows of a 16-mel log-mel (MEL_SEQUENCE)
        FeatureConfig mel16 = LogMelFeatures.from(FeatureConfig.pipelineA().toBuilder().nMels(16).build()).config();
        Path gru = Exports.export(tmp.resolve("gru"), Architecture.GRU,
                Tiny.config(Architecture.GRU).inputShape(16, 16).build(), TaggingConfig.builder().features(mel16)
                        .window(16).windowHop(8).aggregation(WindowAggregation.MAX).normalization(-30f, 20f).build(),
                Map.of());
        // a SampleCNN on 243-sample windows of 8 kHz audio (RAW_WAVEFORM)
        Path wave = Exports.export(tmp.resolve("samplecnn"), Architecture.SAMPLECNN,
                Tiny.config(Architecture.SAMPLECNN).build(), TaggingConfig.builder()
                        .features(new WaveformFeatures(8000).config()).window(243).windowHop(200).build(), Map.of());
        float[] y = AudioLoader.atRate(44100).load(DOG).samples();
        try (Tagger t = Tagger.load(gru); SavedModelRunner r = SavedModelRunner.load(gru)) {
            float[] f = PreviousTagger.logMel(y, 44100, 2560, 692, 16, 0, 22050, 80, PadMode.REFLECT);
            assertThat(t.scores(DOG)).containsExactly(PreviousTagger.scores(f, 16, false, 16, 8,
                    WindowAggregation.MAX, -30f, 20f, r));
        }
        float[] y8 = AudioLoader.atRate(8000).load(DOG).samples();
        try (Tagger t = Tagger.load(wave); SavedModelRunner r = SavedModelRunner.load(wave)) {
            assertThat(t.sampleRate()).isEqualTo(8000);
            assertThat(t.scores(DOG)).containsExactly(PreviousTagger.scores(y8, 1, true, 243, 200,
                    WindowAggregation.MEAN, 0f, 1f, r));
        }
    }

    /** A 16-bit mono PCM WAV of {@code n} samples at {@code sr} Hz. */
    static Path wav(Path file, int n, int sr) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(sr).putInt(2 * sr).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) 100);
        }
        return java.nio.file.Files.write(file, b.array());
    }

    /** Issue 15: a file that decodes to no samples, or to too few to resample, is an error naming the file. */
    @Test
    void anEmptyOrTooShortFileIsAnAudioFormatExceptionNamingIt(@TempDir Path tmp) throws Exception {
        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, -26.7f, 22.3f);
        Path empty = wav(tmp.resolve("empty.wav"), 0, 44100);
        Path tooShort = wav(tmp.resolve("short.wav"), 1, 96000); // 1 sample cannot be resampled to 44.1 kHz
        try (Tagger tagger = Tagger.load(dir)) {
            assertThatThrownBy(() -> tagger.scores(empty))
                    .isInstanceOf(org.audiotag.features.io.AudioFormatException.class)
                    .hasMessage(empty + ": no audio: the file decodes to 0 samples");
            assertThatThrownBy(() -> tagger.scores(tooShort))
                    .isInstanceOf(org.audiotag.features.io.AudioFormatException.class)
                    .hasMessageStartingWith(tooShort + ": ").hasMessageContaining("too short");
            assertThat(tagger.scores(wav(tmp.resolve("one.wav"), 1, 44100))).hasSize(5);
        }
    }

    @Test
    void scoresOfManyClipsInSharedCallsEqualScoresClipByClip(@TempDir Path tmp) throws Exception {
        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, -26.7f, 22.3f);
        try (Tagger tagger = Tagger.load(dir)) {
            List<TimeMajorFeatures> clips = Stream.of("001 - Dog bark/1-100032-A.ogg", "002 - Rain/1-17367-A.ogg")
                    .map(f -> {
                        try {
                            return tagger.features(AudioLoader.atRate(tagger.sampleRate()).load(Exports.esc10(f))
                                    .samples());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            // a clip of 100 frames (one padded window) between two 5-s clips (several windows each)
            TimeMajorFeatures cut = new TimeMajorFeatures(100, clips.get(0).bins(),
                    Arrays.copyOf(clips.get(0).data(), 100 * clips.get(0).bins()));
            List<TimeMajorFeatures> batch = List.of(clips.get(0), cut, clips.get(1));
            List<float[]> together = tagger.scores(batch);
            assertThat(together).hasSize(3);
            for (int i = 0; i < batch.size(); i++) {
                float[] alone = tagger.scores(batch.get(i));
                for (int k = 0; k < alone.length; k++) {
                    assertThat(together.get(i)[k]).as("clip %d tag %d", i, k)
                            .isCloseTo(alone[k], org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
            assertThat(tagger.scores(List.of())).isEmpty();
            TimeMajorFeatures wrong = new TimeMajorFeatures(10, 3, new float[30]);
            assertThatThrownBy(() -> tagger.scores(List.of(clips.get(0), wrong)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("clips[1]: ");
        }
    }

    @Test
    void tagsFilesSamplesAndStreamsThreadSafely(@TempDir Path tmp) throws Exception {
        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, -26.7f, 22.3f);
        try (Tagger tagger = Tagger.load(dir)) {
            assertThat(tagger.tags()).isEqualTo(Exports.TAGS);
            assertThat(tagger.architecture()).isEqualTo("kaggle");
            assertThat(tagger.sampleRate()).isEqualTo(44100);
            assertThat(tagger.featureConfig()).isEqualTo(Exports.PIPELINE_A);
            assertThat(tagger.provenance()).containsEntry(ProvenanceKeys.WINDOW, "128")
                    .containsEntry("training.dataset", "none");
            float[] s = tagger.scores(RAIN);
            assertThat(s).hasSize(5);
            for (float v : s) {
                assertThat(v).isBetween(0f, 1f);
            }
            List<TagScore> top = tagger.tag(RAIN, 3);
            assertThat(top).hasSize(3);
            assertThat(top.get(0).probability()).isGreaterThanOrEqualTo(top.get(1).probability());
            assertThat(top.get(1).probability()).isGreaterThanOrEqualTo(top.get(2).probability());
            assertThat(tagger.topK(s, 99)).hasSize(5);
            assertThatThrownBy(() -> tagger.topK(s, 0)).hasMessageContaining("k: 0");
            assertThatThrownBy(() -> tagger.topK(new float[3], 1)).hasMessageContaining("3 values for 5 tags");
            float[] samples = AudioLoader.atRate(44100).load(RAIN).samples();
            assertThat(tagger.scores(samples, 44100)).containsExactly(s);
            // 22.05 kHz input is resampled to the model's rate first
            float[] half = AudioLoader.atRate(22050).load(RAIN).samples();
            assertThat(tagger.scores(half, 22050)[0]).isCloseTo(s[0], org.assertj.core.data.Offset.offset(0.05f));
            // thread-safe: concurrent callers get the same numbers
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<float[]>> f = List.of(pool.submit(() -> tagger.scores(RAIN)),
                        pool.submit(() -> tagger.scores(RAIN)));
                assertThat(f.get(0).get()).containsExactly(s);
                assertThat(f.get(1).get()).containsExactly(s);
            } finally {
                pool.shutdown();
            }
            List<List<TagScore>> stream = tagger.tagWindows(Stream.of(Arrays.copyOf(samples, 88200),
                    Arrays.copyOfRange(samples, 88200, 176400)), 44100, 2).toList();
            assertThat(stream).hasSize(2).allSatisfy(l -> assertThat(l).hasSize(2));
            assertThatThrownBy(() -> tagger.scores(new float[] {0f, Float.NaN}, 44100))
                    .hasMessageContaining("index 1");
            assertThatThrownBy(() -> tagger.scores(new float[0], 44100)).hasMessageContaining("empty");
            assertThatThrownBy(() -> tagger.scores(samples, 0)).hasMessageContaining("sampleRate");
        }
        Tagger closed = Tagger.load(dir);
        closed.close();
        closed.close();                                                   // idempotent
        assertThatThrownBy(() -> closed.scores(RAIN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void clipFeaturesAreTakenTimeMajorWithTheTrainedNumberOfBins(@TempDir Path tmp) throws Exception {
        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, 0f, 1f);
        try (Tagger tagger = Tagger.load(dir)) {
            TimeMajorFeatures clip = LogMelFeatures.from(tagger.featureConfig()).compute(RAIN);
            assertThat(tagger.scores(clip)).containsExactly(tagger.scores(RAIN));
            // 64 mel bins per frame is not what the model was trained on
            TimeMajorFeatures mel64 = new TimeMajorFeatures(319, 64, new float[319 * 64]);
            assertThatThrownBy(() -> tagger.scores(mel64)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("time-major (frame, bin)").hasMessageContaining("128 mel bins");
            assertThatThrownBy(() -> tagger.scores(new TimeMajorFeatures(0, 128, new float[0])))
                    .hasMessageContaining("no frame");
            float[] nan = clip.data().clone();
            nan[5 * 128 + 3] = Float.NaN;
            assertThatThrownBy(() -> tagger.scores(new TimeMajorFeatures(clip.frames(), 128, nan)))
                    .hasMessageContaining("frame 5");
        }
    }
}
