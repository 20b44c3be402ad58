package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.Resampler;
import org.audiotag.features.WaveformFeatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventDetector} and {@link StreamingTagger} with a tiny exported model on a real recording (two ESC-10 clips
 * and a second of silence): window scores as the tagger's, streaming equal to offline whatever the chunking (floats,
 * s16le stereo bytes, another rate), the report delay, an hour of silence in constant memory, and bad input.
 */
class EventDetectorTest {

    @TempDir
    static Path tmp;

    static Tagger tagger;
    static float[] recording;
    static EventDetector detector;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, -26.7f, 22.3f);
        tagger = Tagger.load(dir);
        float[] dog = AudioLoader.atRate(44100).load(TaggerTest.DOG).samples();
        float[] rain = AudioLoader.atRate(44100).load(TaggerTest.RAIN).samples();
        recording = new float[dog.length + rain.length + 44100];
        System.arraycopy(dog, 0, recording, 0, dog.length);
        System.arraycopy(rain, 0, recording, dog.length, rain.length);
        // thresholds around the tiny model's own scores, so that events start and end in this recording
        WindowScores raw = EventDetector.of(tagger, DetectionConfig.defaults()).windowScores(recording, 44100);
        float[] all = new float[raw.frames() * raw.tags().size()];
        for (int k = 0; k < raw.frames(); k++) {
            System.arraycopy(raw.scores(k), 0, all, k * raw.tags().size(), raw.tags().size());
        }
        Arrays.sort(all);
        double on = all[all.length * 6 / 10];
        double off = all[all.length * 4 / 10];
        detector = EventDetector.of(tagger, DetectionConfig.builder().medianFrames(3).thresholds(on, off)
                .minDurationSeconds(0.25).maxGapSeconds(0.5).build());
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    private static List<DetectedEvent> streamFloats(EventDetector d, float[] y, int sr, int maxChunk, long seed) {
        List<DetectedEvent> out = new ArrayList<>();
        StreamingTagger live = StreamingTagger.ofSamples(d, sr, out::add);
        SplittableRandom r = new SplittableRandom(seed);
        for (int p = 0; p < y.length; ) {
            int n = Math.min(y.length - p, r.nextInt(maxChunk + 1));
            live.accept(y, p, n);
            p += n;
        }
        live.finish();
        return out;
    }

    @Test
    void aWindowScoresAsTheTaggerScoresItsSamples() {
        WindowScores s = detector.windowScores(recording, 44100);
        int w = detector.windowSamples();
        int hop = detector.hopSamples();
        assertThat(w).isEqualTo(88200);
        assertThat(hop).isEqualTo(11025);
        assertThat(s.frames()).isEqualTo(1 + (recording.length - w + hop - 1) / hop);
        for (int k : new int[] {0, 17, s.frames() - 1}) {
            float[] slice = Arrays.copyOf(Arrays.copyOfRange(recording, k * hop, Math.min(recording.length,
                    k * hop + w)), w); // the last window zero-padded
            assertThat(s.scores(k)).as("window %d", k).containsExactly(tagger.scores(slice, 44100));
        }
        assertThat(s.centreSeconds(2)).isEqualTo(1.5);
    }

    @Test
    void streamingGivesExactlyTheOfflineEventsWhateverTheChunks() {
        List<DetectedEvent> offline = detector.detect(recording, 44100);
        assertThat(offline).isNotEmpty();
        assertThat(offline).allSatisfy(e -> assertThat(e.offset()).isLessThanOrEqualTo(recording.length / 44100.0));
        for (int maxChunk : new int[] {1, 300, 4096, 200_000}) {
            assertThat(streamFloats(detector, recording, 44100, maxChunk, maxChunk)).as("chunks <= %d", maxChunk)
                    .isEqualTo(offline);
        }
    }

    @Test
    void pcmBytesInRandomChunksGiveTheEventsOfTheirMonoMix() {
        // s16le stereo: left = the recording, right = half of it; the mono mix is their mean
        int n = recording.length;
        byte[] pcm = new byte[4 * n];
        float[] mono = new float[n];
        for (int i = 0; i < n; i++) {
            short l = (short) Math.round(recording[i] * 32767);
            short r = (short) (l / 2);
            pcm[4 * i] = (byte) l;
            pcm[4 * i + 1] = (byte) (l >> 8);
            pcm[4 * i + 2] = (byte) r;
            pcm[4 * i + 3] = (byte) (r >> 8);
            mono[i] = (float) (((double) (l / 32768f) + (double) (r / 32768f)) / 2);
        }
        List<DetectedEvent> offline = detector.detect(mono, 44100);
        assertThat(offline).isNotEmpty();
        List<DetectedEvent> out = new ArrayList<>();
        StreamingTagger live = StreamingTagger.ofPcm(detector, 44100, PcmEncoding.S16LE, 2, out::add);
        SplittableRandom r = new SplittableRandom(7);
        for (int p = 0; p < pcm.length; ) {
            int len = Math.min(pcm.length - p, r.nextInt(5000));
            live.accept(pcm, p, len);
            p += len;
        }
        live.accept(new byte[] {1, 2, 3}, 0, 3); // a cut mid-frame
        live.finish();
        assertThat(out).isEqualTo(offline);
        assertThat(live.droppedBytes()).isEqualTo(3);
        assertThat(live.samplesReceived()).isEqualTo(n);
    }

    @Test
    void aStreamAtAnotherRateIsResampledExactlyAsOffline() {
        float[] y48 = Resampler.resample(recording, 44100, 48000, Resampler.DEFAULT_TYPE);
        List<DetectedEvent> offline = detector.detect(y48, 48000);
        assertThat(offline).isNotEmpty();
        assertThat(streamFloats(detector, y48, 48000, 7000, 3)).isEqualTo(offline);
    }

    @Test
    void eachEventIsReportedWithinTheReportDelayOfItsOffset() {
        List<double[]> reports = new ArrayList<>();
        StreamingTagger[] live = new StreamingTagger[1];
        live[0] = StreamingTagger.ofSamples(detector, 44100,
                e -> reports.add(new double[] {e.offset(), live[0].secondsReceived()}));
        int chunk = 441; // 10 ms
        for (int p = 0; p < recording.length; p += chunk) {
            live[0].accept(recording, p, Math.min(chunk, recording.length - p));
        }
        int beforeEnd = reports.size();
        live[0].finish();
        assertThat(beforeEnd).isPositive();
        double delay = detector.reportDelaySeconds();
        assertThat(delay).isLessThanOrEqualTo(2.0 + 0.25);
        for (double[] r : reports.subList(0, beforeEnd)) {
            assertThat(r[1]).isLessThanOrEqualTo(r[0] + delay + 0.01);
        }
    }

    @Test
    void anHourOfSilenceGivesNoEventsInConstantMemory() {
        float[] silentScores = tagger.scores(new float[detector.windowSamples()], 44100);
        double max = 0;
        for (float v : silentScores) {
            max = Math.max(max, v);
        }
        double on = Math.min(1.0, max + 0.01);
        EventDetector d = detector.withConfig(detector.config().toBuilder().thresholds(on, on).build());
        List<DetectedEvent> out = new ArrayList<>();
        StreamingTagger live = StreamingTagger.ofPcm(d, 44100, PcmEncoding.S16LE, 1, out::add);
        byte[] second = new byte[2 * 44100]; // one second of s16le zeros, fed 3600 times
        Runtime rt = Runtime.getRuntime();
        long used = 0;
        for (int s = 0; s < 3600; s++) {
            live.accept(second, 0, second.length);
            if (s == 60) {
                System.gc();
                used = rt.totalMemory() - rt.freeMemory();
            }
        }
        System.gc();
        long grown = rt.totalMemory() - rt.freeMemory() - used;
        live.finish();
        assertThat(out).isEmpty();
        long n = 3600L * 44100;
        assertThat(live.windowsScored()).isEqualTo(1 + (n - 88200 + 11025 - 1) / 11025);
        // the hour itself would be 635 MB of floats; what stays is a window or two
        assertThat(grown).isLessThan(32L << 20);
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> EventDetector.of(tagger, DetectionConfig.builder().hopSeconds(3).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hopSeconds: 3.0 s is 132300 "
                        + "samples at 44100 Hz; it must be between 1 sample and the window, 88200 samples");
        assertThatThrownBy(() -> EventDetector.of(tagger, DetectionConfig.builder()
                .classThresholds("Siren", 0.5, 0.5).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classThresholds: tag 'Siren' is not one of the model's");
        StreamingTagger f32 = StreamingTagger.ofPcm(detector, 44100, PcmEncoding.F32LE, 1, e -> { });
        byte[] nan = new byte[8];
        int bits = Float.floatToIntBits(Float.NaN);
        for (int i = 0; i < 4; i++) {
            nan[4 + i] = (byte) (bits >> (8 * i));
        }
        assertThatThrownBy(() -> f32.accept(nan, 0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in frame 1");
        StreamingTagger floats = StreamingTagger.ofSamples(detector, 44100, e -> { });
        assertThatThrownBy(() -> floats.accept(new byte[2], 0, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ofPcm");
        floats.finish();
        assertThatThrownBy(() -> floats.accept(new float[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StreamingTagger.ofPcm(detector, 44100, PcmEncoding.S16LE, 0, e -> { }))
                .hasMessage("channels: 0 must be in [1, 255]");
        assertThatThrownBy(() -> detector.events(EventDetector.of(tagger, DetectionConfig.builder().hopSeconds(0.5)
                .build()).windowScores(new float[1000], 44100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hop 22050");
        assertThat(detector.detect(new float[0], 44100)).isEmpty();
    }

    @Test
    void severalModelsAreAveragedPerWindowAndStreamAsOffline() throws Exception {
        Path second = Exports.exportImageModel(tmp.resolve("model-b"), WindowAggregation.MEAN, -20f, 18f);
        Path wave = Exports.export(tmp.resolve("samplecnn"), Architecture.SAMPLECNN,
                Tiny.config(Architecture.SAMPLECNN).build(), TaggingConfig.builder()
                        .features(new WaveformFeatures(8000).config()).window(243).windowHop(200).build(), Map.of());
        try (Tagger b = Tagger.load(second); Tagger w = Tagger.load(wave)) {
            EventDetector both = EventDetector.of(List.of(tagger, b), detector.config());
            assertThat(both.taggers()).containsExactly(tagger, b);
            assertThat(both.tagger()).isSameAs(tagger);
            WindowScores mean = both.windowScores(recording, 44100);
            WindowScores sa = detector.windowScores(recording, 44100);
            WindowScores sb = EventDetector.of(b, detector.config()).windowScores(recording, 44100);
            assertThat(mean.frames()).isEqualTo(sa.frames());
            boolean differ = false;
            for (int k = 0; k < mean.frames(); k++) {
                float[] m = mean.scores(k);
                for (int c = 0; c < m.length; c++) {
                    assertThat(m[c]).isEqualTo((0f + sa.scores(k)[c] + sb.scores(k)[c]) / 2);
                    differ |= sa.scores(k)[c] != sb.scores(k)[c];
                }
            }
            assertThat(differ).as("the two models score differently").isTrue();
            // one model twice is that model
            assertThat(EventDetector.of(List.of(tagger, tagger), detector.config()).detect(recording, 44100))
                    .isEqualTo(detector.detect(recording, 44100));
            assertThat(streamFloats(both, recording, 44100, 5000, 9)).isEqualTo(both.detect(recording, 44100));
            assertThat(both.withConfig(DetectionConfig.defaults()).taggers()).containsExactly(tagger, b);
            assertThatThrownBy(() -> EventDetector.of(List.of(tagger, w), detector.config()))
                    .isInstanceOfSatisfying(IncompatibleModelsException.class, e -> assertThat(e.model()).isOne())
                    .hasMessage("taggers: model 1 cannot be averaged with model 0: its sample rate 8000 Hz (model 0: "
                            + "44100 Hz) differ");
            assertThatThrownBy(() -> EventDetector.of(List.of(), detector.config()))
                    .isNotInstanceOf(IncompatibleModelsException.class)
                    .hasMessage("taggers: at least one model is needed");
        }
    }
}
