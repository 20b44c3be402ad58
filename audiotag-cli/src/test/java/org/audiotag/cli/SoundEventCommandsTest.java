package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.audiotag.eval.events.EventListFile;
import org.audiotag.eval.events.SoundEvent;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.features.io.WavWriter;
import org.audiotag.models.Architecture;
import org.audiotag.models.DetectedEvent;
import org.audiotag.models.DetectionConfig;
import org.audiotag.models.EventDetector;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.PcmEncoding;
import org.audiotag.models.StreamingTagger;
import org.audiotag.models.TagModel;
import org.audiotag.models.Tagger;
import org.audiotag.models.TaggingConfig;
import org.audiotag.models.WindowAggregation;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code detect}, {@code listen} and {@code bench detect} end to end with a tiny untrained model (the pipeline, not
 * the quality): the DCASE layout, listen's lines equal to detect's rows for the same samples, a resampled stream, a
 * stream cut mid-sample, an unknown format, and an hour of silence read from standard input.
 */
class SoundEventCommandsTest {

    static final List<String> TAGS = List.of("Dog bark", "Rain", "Sea waves", "Baby cry", "Clock tick",
            "Person sneeze", "Helicopter", "Chainsaw", "Rooster", "Fire crackling");

    @TempDir
    static Path dir;

    static Path model;
    static Path wav;
    static Path raw;
    static float[] samples;

    @BeforeAll
    static void exportATinyModelAndARecording() throws IOException {
        TaggingConfig t = TaggingConfig.builder().features(LogMelFeatures.from(FeatureConfig.pipelineA()).config())
                .window(128).windowHop(64).aggregation(WindowAggregation.MEAN).normalization(-26.7f, 22.3f).build();
        try (TagModel m = Architecture.KAGGLE.build(ModelConfig.builder().numTags(TAGS.size()).seed(3)
                .inputShape(128, 128, 1).widths(4, 8, 16).build())) {
            model = ExportedModel.write(m, dir.resolve("model"), t, TAGS, Map.of("dataset", "none"));
        }
        // 8 s: low pink-ish noise with a dog bark clip from 1.5 s, quantised to 16 bits
        float[] dog = AudioLoader.atRate(44100).load(CliRun.root().resolve(
                "data/esc10/001 - Dog bark/1-100032-A.ogg")).samples();
        SplittableRandom r = new SplittableRandom(5);
        samples = new float[8 * 44100];
        for (int i = 0; i < samples.length; i++) {
            double v = 0.003 * r.nextGaussian() + (i >= 66150 && i - 66150 < dog.length ? dog[i - 66150] : 0);
            samples[i] = Math.round(Math.max(-1, Math.min(32767 / 32768.0, v)) * 32768) / 32768f;
        }
        wav = dir.resolve("rec.wav");
        WavWriter.write(wav, samples, 44100, WavWriter.Encoding.PCM_16);
        raw = dir.resolve("rec.s16le");
        Files.write(raw, s16le(samples));
    }

    static byte[] s16le(float[] y) {
        ByteBuffer b = ByteBuffer.allocate(2 * y.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : y) {
            b.putShort((short) Math.round(v * 32768));
        }
        return b.array();
    }

    /** Thresholds between the tiny model's lowest and highest window scores, so that events start and end. */
    static String[] thresholds() throws IOException {
        try (Tagger t = Tagger.load(model)) {
            float[] s = t.scores(Arrays.copyOfRange(samples, 66150, 66150 + 88200), 44100);
            float[] q = t.scores(Arrays.copyOfRange(samples, 0, 44100), 44100);
            double on = Math.max(s[0], q[0]) - 1e-4;
            return new String[] {"--onset", Double.toString(on), "--offset", Double.toString(on), "--median", "3"};
        }
    }

    @Test
    void detectWritesTheDcaseLayoutAndListenPrintsTheSameEvents() throws IOException {
        String[] th = thresholds();
        Path tsv = dir.resolve("out/events.tsv");
        List<String> args = new ArrayList<>(List.of("detect", "--model", model.toString(), "--output",
                tsv.toString(), wav.toString()));
        args.addAll(List.of(th));
        CliRun d = run(args.toArray(String[]::new));
        assertThat(d.exit()).as(d.err()).isZero();
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines.get(0)).isEqualTo("filename\tonset\toffset\tevent_label");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("rec\\.wav\t\\d+\\.\\d{3}\t\\d+\\.\\d{3}\t.+"));
        List<SoundEvent> detected = EventListFile.read(tsv);
        assertThat(d.out()).contains("rec.wav: " + detected.size() + " events");

        List<String> l = new ArrayList<>(List.of("listen", "--model", model.toString(), "--sr", "44100", "--format",
                "s16le", "--input", raw.toString(), "--header"));
        l.addAll(List.of(th));
        CliRun listen = run(l.toArray(String[]::new));
        assertThat(listen.exit()).as(listen.err()).isZero();
        assertThat(listen.err()).isEmpty();
        List<String> printed = listen.out().lines().toList();
        assertThat(printed.get(0)).isEqualTo("onset\toffset\tlabel\tconfidence");
        List<SoundEvent> heard = new ArrayList<>();
        for (String line : printed.subList(1, printed.size())) {
            assertThat(line).matches("\\d+\\.\\d{3}\t\\d+\\.\\d{3}\t[^\t]+\t[01]\\.\\d{3}");
            String[] f = line.split("\t");
            heard.add(new SoundEvent("rec.wav", Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2]));
        }
        heard.sort(Comparator.comparingDouble(SoundEvent::onset).thenComparing(SoundEvent::label));
        assertThat(heard).isEqualTo(detected);
    }

    @Test
    void oneTagAtATimeGivesEventsThatNeverOverlapAndListenAgrees() throws IOException {
        Path tsv = dir.resolve("one/events.tsv");
        List<String> args = new ArrayList<>(List.of("detect", "--model", model.toString(), "--output",
                tsv.toString(), "--one-tag-at-a-time", "--onset", "0.01", "--offset", "0.01", "--median", "3",
                "--min-duration", "0", wav.toString()));
        CliRun d = run(args.toArray(String[]::new));
        assertThat(d.exit()).as(d.err()).isZero();
        List<SoundEvent> detected = EventListFile.read(tsv);
        assertThat(detected).isNotEmpty(); // at a threshold of 0.01 the most probable tag is always active
        for (SoundEvent a : detected) {
            for (SoundEvent b : detected) {
                if (a != b) {
                    assertThat(a.offset() <= b.onset() + 1e-9 || b.offset() <= a.onset() + 1e-9)
                            .as("%s overlaps %s", a, b).isTrue();
                }
            }
        }
        CliRun listen = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "s16le", "--input",
                raw.toString(), "--one-tag-at-a-time", "--onset", "0.01", "--offset", "0.01", "--median", "3",
                "--min-duration", "0");
        assertThat(listen.exit()).as(listen.err()).isZero();
        assertThat(listen.out().lines().count()).isEqualTo(detected.size());
    }

    @Test
    void aStreamAtAnotherRateIsResampledAndSaidOnce() throws IOException {
        Path f32 = dir.resolve("rec48.f32le");
        float[] y = org.audiotag.features.Resampler.resample(samples, 44100, 48000,
                org.audiotag.features.Resampler.DEFAULT_TYPE);
        ByteBuffer b = ByteBuffer.allocate(4 * y.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : y) {
            b.putFloat(v);
        }
        Files.write(f32, b.array());
        CliRun r = run("listen", "--model", model.toString(), "--sr", "48000", "--format", "f32le", "--input",
                f32.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("audiotag: " + f32 + ": resampling 48000 Hz to the model's 44100 Hz\n");
    }

    @Test
    void aStreamCutMidSampleIsWarnedAboutAndItsLastByteDropped() throws IOException {
        Path cut = dir.resolve("cut.s16le");
        byte[] b = s16le(Arrays.copyOf(samples, 44100 * 3));
        Files.write(cut, Arrays.copyOf(b, b.length - 3)); // stereo frames of 4 bytes: 1 byte left over
        CliRun r = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "s16le", "--channels",
                "2", "--input", cut.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("audiotag: " + cut + ": the stream ends inside a frame: 1 trailing byte "
                + "dropped (s16le, 2 channels = 4 bytes per frame)\n");
    }

    @Test
    void anUnknownFormatIsOneLineListingTheAllowedOnes() {
        CliRun r = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "wav");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("audiotag: --format: 'wav' is not a supported PCM format; allowed: s16le, "
                + "f32le (see 'audiotag listen --help')\n");
        CliRun bad = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "s16le", "--median",
                "4");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("medianFrames: 4 must be odd");
    }

    @Test
    void anHourOfSilenceOnStandardInputGivesNoEvents() throws IOException {
        double on;
        try (Tagger t = Tagger.load(model)) {
            float max = 0;
            for (float v : t.scores(new float[88200], 44100)) {
                max = Math.max(max, v);
            }
            on = Math.min(1.0, max + 0.01);
        }
        long bytes = 3600L * 44100 * 2;
        InputStream silence = new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        InputStream stdin = System.in;
        CliRun r;
        try {
            System.setIn(silence);
            r = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "s16le", "--onset",
                    Double.toString(on), "--offset", Double.toString(on));
        } finally {
            System.setIn(stdin);
        }
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void benchDetectRunsEndToEndAndSavesTheTunedSettingsThatDetectThenStartsFrom() throws IOException {
        Path out = dir.resolve("bench");
        Path tuned = dir.resolve("tuned-model");
        CliRun.copyTree(model, tuned);
        CliRun r = run("bench", "detect", "--model", tuned.toString(), "--recordings", "1", "--validation-recordings",
                "2", "--seconds", "8", "--tune", "--save", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("tuned on 2 validation recordings").containsPattern("detect +segment_f1 [01]\\.")
                .containsPattern("cross-validated \\(two halves, each tuned on the other\\): global segment_f1 "
                        + "[01]\\.\\d{4}, per tag [01]\\.\\d{4}; chosen: (global|per tag)")
                .containsPattern("chosen on validation: tuned(-per-tag)?\n")
                .containsPattern("listen +segment_f1").containsPattern("naive +segment_f1")
                .contains("listen events identical to detect: yes")
                .contains("tuned: listen events identical to detect: yes")
                .contains("tuned-per-tag: listen events identical to detect: yes");
        assertThat(out.resolve("test-truth.tsv")).exists();
        assertThat(out.resolve("test-00.wav")).exists();
        assertThat(out.resolve("test-detect.tsv")).exists();
        assertThat(out.resolve("validation-00.wav")).exists();
        assertThat(EventListFile.read(out.resolve("validation-truth.tsv"))).isNotEmpty();
        Path saved = tuned.resolve(DetectionConfig.FILE_NAME);
        DetectionConfig c = DetectionConfig.read(saved);
        assertThat(r.out()).contains("saved " + c + " to " + saved);
        if (r.out().contains("chosen: global")) {
            assertThat(c.classThresholds()).isEmpty();
        }
        assertThat(Files.readString(saved)).startsWith("# tuned by audiotag bench detect --tune on 2 validation "
                + "recordings (fold 5, seed 2, noise -50 dBFS): segment F1 ");
        // one validation recording cannot be split in two: the global settings are chosen, and it says so; without
        // --out the recordings are written to a temporary folder that is gone afterwards
        Set<Path> before = benchFolders();
        CliRun one = run("bench", "detect", "--model", model.toString(), "--recordings", "1", "--seconds", "8",
                "--tune");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).contains("cross-validation needs 2 validation recordings or more; chosen: global")
                .contains("chosen on validation: tuned\n").doesNotContain("files in");
        assertThat(benchFolders()).isSubsetOf(before);
        // tuning starts from scratch: per-tag thresholds the model's file has do not stay in the global settings
        Path preset = dir.resolve("preset-model");
        CliRun.copyTree(model, preset);
        DetectionConfig.defaults().toBuilder().classThresholds("Rooster", 0.9, 0.8).build()
                .write(preset.resolve(DetectionConfig.FILE_NAME), "a per-tag threshold");
        CliRun again = run("bench", "detect", "--model", preset.toString(), "--recordings", "1", "--seconds", "8",
                "--tune");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("settings DetectionConfig\\[.*perClass=\\{Rooster=")
                .containsPattern("tuned on 1 validation recordings: DetectionConfig\\[[^\\n]*perClass=\\{\\}");
        assertThat(tuningLines(again.out())).isNotEmpty().isEqualTo(tuningLines(one.out()));

        // detect with the tuned model and no options = detect with the plain model and the settings as options
        List<String> explicit = new ArrayList<>(List.of("detect", "--model", model.toString(), "--output",
                dir.resolve("explicit.tsv").toString(), "--hop", Double.toString(c.hopSeconds()), "--median",
                Integer.toString(c.medianFrames()), "--onset", Double.toString(c.onsetThreshold()), "--offset",
                Double.toString(c.offsetThreshold()), "--min-duration", Double.toString(c.minDurationSeconds()),
                "--max-gap", Double.toString(c.maxGapSeconds())));
        if (c.oneTagAtATime()) {
            explicit.add("--one-tag-at-a-time");
        }
        c.classThresholds().forEach((tag, t) -> explicit.add("--tag-threshold=" + tag + "=" + t.onset() + "/"
                + t.offset()));
        explicit.add(out.resolve("test-00.wav").toString());
        CliRun withOptions = run(explicit.toArray(String[]::new));
        assertThat(withOptions.exit()).as(withOptions.err()).isZero();
        CliRun fromModel = run("detect", "--model", tuned.toString(), "--output", dir.resolve("saved.tsv").toString(),
                out.resolve("test-00.wav").toString());
        assertThat(fromModel.exit()).as(fromModel.err()).isZero();
        assertThat(Files.readString(dir.resolve("saved.tsv"))).isEqualTo(Files.readString(dir.resolve("explicit.tsv")));
    }

    /** The lines of {@code bench detect --tune}'s output that report tuned settings and their figures. */
    private static List<String> tuningLines(String out) {
        return out.lines().filter(l -> l.startsWith("tuned") || l.startsWith("cross-validation")).toList();
    }

    /** The temporary folders {@code bench detect} makes without {@code --out}. */
    private static Set<Path> benchFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("audiotag-bench-detect"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void badDetectionSettingsAreOneLineNamingTheOptionOrTheFile() throws IOException {
        Path tsv = dir.resolve("bad/events.tsv");
        CliRun syntax = run("detect", "--model", model.toString(), "--output", tsv.toString(), "--tag-threshold",
                "Rain:0.5", wav.toString());
        assertThat(syntax.exit()).isEqualTo(2);
        assertThat(syntax.err()).contains("--tag-threshold 'Rain:0.5': expected TAG=ONSET or TAG=ONSET/OFFSET");
        CliRun unknown = run("detect", "--model", model.toString(), "--output", tsv.toString(), "--tag-threshold",
                "Thunder=0.5/0.3", wav.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("tag 'Thunder' is not one of the model's");
        CliRun order = run("detect", "--model", model.toString(), "--output", tsv.toString(), "--tag-threshold",
                "Rain=0.3/0.5", wav.toString());
        assertThat(order.exit()).isEqualTo(2);
        assertThat(order.err()).contains("classThresholds[Rain]: offset 0.5 must be in (0, onset=0.3]");
        CliRun saveAlone = run("bench", "detect", "--model", model.toString(), "--save");
        assertThat(saveAlone.exit()).isEqualTo(2);
        assertThat(saveAlone.err()).contains("--save needs --tune");
        Path broken = dir.resolve("broken-model");
        CliRun.copyTree(model, broken);
        Files.writeString(broken.resolve(DetectionConfig.FILE_NAME), "format=audiotag-detection/1\nmedian_frames=x\n");
        CliRun file = run("detect", "--model", broken.toString(), "--output", tsv.toString(), wav.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("audiotag: " + broken.resolve(DetectionConfig.FILE_NAME)
                + ": median_frames = 'x' is not a number\n");
        assertThat(tsv).doesNotExist();
    }

    @Test
    void severalModelsAreAveragedAndModelsThatCannotBeAreOneLine() throws IOException {
        String[] th = thresholds();
        List<String> one = new ArrayList<>(List.of("detect", "--model", model.toString(), "--output",
                dir.resolve("one-model.tsv").toString(), wav.toString()));
        one.addAll(List.of(th));
        List<String> twice = new ArrayList<>(List.of("detect", "--model", model.toString(), "--model",
                model.toString(), "--output", dir.resolve("twice.tsv").toString(), wav.toString()));
        twice.addAll(List.of(th));
        assertThat(run(one.toArray(String[]::new)).exit()).isZero();
        CliRun r = run(twice.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        // the mean of a model and itself is that model
        assertThat(Files.readString(dir.resolve("twice.tsv")))
                .isEqualTo(Files.readString(dir.resolve("one-model.tsv")));

        TaggingConfig t = TaggingConfig.builder().features(new WaveformFeatures(8000).config()).window(243)
                .windowHop(200).build();
        Path wave;
        try (TagModel m = Architecture.SAMPLECNN.build(ModelConfig.builder().numTags(TAGS.size()).seed(3)
                .inputShape(243).widths(4, 4, 6, 6, 8).build())) {
            wave = ExportedModel.write(m, dir.resolve("wave-model"), t, TAGS, Map.of("dataset", "none"));
        }
        CliRun bad = run("detect", "--model", model.toString(), "--model", wave.toString(), "--output",
                dir.resolve("never.tsv").toString(), wav.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("taggers: model 1 cannot be averaged with model 0: its sample rate 8000 Hz "
                + "(model 0: 44100 Hz) differ").doesNotContain("\tat ");
        assertThat(dir.resolve("never.tsv")).doesNotExist();
    }

    /** {@code listen --mic}, recording from a capture line that plays back the test recording's bytes. */
    @Nested
    class FromTheMicrophone {

        /** A factory whose {@code listen} records from the given line. */
        private CommandLine.IFactory recordingFrom(RecordedCaptureLine line) {
            return new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type == ListenCommand.class ? type.cast(new ListenCommand(line.device()))
                            : CommandLine.defaultFactory().create(type);
                }
            };
        }

        private List<String> listen(String... extra) throws IOException {
            List<String> l = new ArrayList<>(List.of("listen", "--model", model.toString(), "--sr", "44100",
                    "--format", "s16le"));
            l.addAll(List.of(extra));
            l.addAll(List.of(thresholds()));
            return l;
        }

        @Test
        void theMicrophoneGivesTheEventsOfTheSameSamplesReadFromAFile() throws IOException {
            RecordedCaptureLine line = new RecordedCaptureLine(Files.readAllBytes(raw));
            CliRun mic = CliRun.run(recordingFrom(line), listen("--mic").toArray(String[]::new));
            assertThat(mic.exit()).as(mic.err()).isZero();
            assertThat(mic.err()).isEmpty();
            CliRun file = run(listen("--input", raw.toString()).toArray(String[]::new));
            assertThat(file.exit()).as(file.err()).isZero();
            assertThat(mic.out()).isNotEmpty().isEqualTo(file.out());
            assertThat(line.getFormat().matches(new AudioFormat(44100, 16, 1, true, false))).isTrue();
            assertThat(line.bytesRead()).isEqualTo(2 * samples.length);
            assertThat(line.calls()).containsExactly("open", "start", "stop", "close");
        }

        @Test
        void aDurationStopsTheRecordingThereAndClosesTheOpenEvents() throws IOException {
            // the dog bark starts at 1.5 s: at 2.5 s its event is open, and stopping there must close it
            RecordedCaptureLine line = new RecordedCaptureLine(Files.readAllBytes(raw));
            CliRun mic = CliRun.run(recordingFrom(line), listen("--mic", "--duration", "2.5")
                    .toArray(String[]::new));
            assertThat(mic.exit()).as(mic.err()).isZero();
            assertThat(line.bytesRead()).isEqualTo(2 * 110250);
            assertThat(line.calls()).containsExactly("open", "start", "stop", "close");
            Path head = dir.resolve("head.s16le");
            Files.write(head, s16le(Arrays.copyOf(samples, 110250)));
            CliRun file = run(listen("--input", head.toString()).toArray(String[]::new));
            assertThat(mic.out()).isNotEmpty().isEqualTo(file.out());
            assertThat(mic.out().lines()).allMatch(l -> Double.parseDouble(l.split("\t")[1]) <= 2.5);
            // the same cut on a file and on standard input
            CliRun cut = run(listen("--input", raw.toString(), "--duration", "2.5").toArray(String[]::new));
            assertThat(cut.out()).isEqualTo(file.out());
        }

        @Test
        void noCaptureDeviceOrABusyOneIsOneLine() throws IOException {
            CommandLine.IFactory noDevice = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type == ListenCommand.class ? type.cast(new ListenCommand(f -> {
                        throw new IllegalArgumentException("No line matching interface TargetDataLine supporting "
                                + "format " + f + " is supported.");
                    })) : CommandLine.defaultFactory().create(type);
                }
            };
            CliRun r = CliRun.run(noDevice, listen("--mic").toArray(String[]::new));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("audiotag: mic: cannot record PCM_SIGNED 44100.0 Hz, 16 bit, mono, "
                    + "2 bytes/frame, little-endian: no capture device supports it\n");
            assertThat(r.out()).isEmpty();
            CommandLine.IFactory busy = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type == ListenCommand.class ? type.cast(new ListenCommand(f -> {
                        throw new LineUnavailableException("Device or resource busy");
                    })) : CommandLine.defaultFactory().create(type);
                }
            };
            CliRun b = CliRun.run(busy, listen("--mic").toArray(String[]::new));
            assertThat(b.exit()).isEqualTo(2);
            assertThat(b.err()).isEqualTo("audiotag: mic: cannot record PCM_SIGNED 44100.0 Hz, 16 bit, mono, "
                    + "2 bytes/frame, little-endian: Device or resource busy\n");
        }

        @Test
        void impossibleDurationsAndAFloatMicrophoneAreUsageErrors() throws IOException {
            for (String d : List.of("0", "-1", "NaN", "Infinity")) {
                CliRun r = run(listen("--input", raw.toString(), "--duration", d).toArray(String[]::new));
                assertThat(r.exit()).as(d).isEqualTo(2);
                assertThat(r.err()).as(d).isEqualTo("audiotag: --duration must be a positive number of seconds, "
                        + "got " + Double.parseDouble(d) + " (see 'audiotag listen --help')\n");
            }
            CliRun f32 = run("listen", "--model", model.toString(), "--sr", "44100", "--format", "f32le", "--mic");
            assertThat(f32.exit()).isEqualTo(2);
            assertThat(f32.err()).startsWith("audiotag: --mic records s16le; got --format f32le");
        }
    }

    /** Ctrl-C or SIGTERM during {@code listen}: its shutdown hook calls {@link PcmPump#interrupt()}. */
    @Nested
    class Interrupted {

        @Test
        void anInterruptClosesTheOpenEventsThereAndFeedsNothingMore() throws Exception {
            String[] th = thresholds();
            double on = Double.parseDouble(th[1]);
            DetectionConfig config = DetectionConfig.defaults().toBuilder().thresholds(on, on).medianFrames(3)
                    .build();
            byte[] all = s16le(samples);
            int cut = 2 * 110250; // 2.5 s: the dog bark from 1.5 s is still sounding
            CountDownLatch served = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            PcmPump.PcmSource source = new PcmPump.PcmSource() {
                private int position;

                @Override
                public int read(byte[] b, int len) throws IOException {
                    if (position == cut) {
                        served.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                    int end = position < cut ? Math.min(cut, position + len) : Math.min(all.length, position + len);
                    if (end == position) {
                        return -1;
                    }
                    System.arraycopy(all, position, b, 0, end - position);
                    int n = end - position;
                    position = end;
                    return n;
                }
            };
            try (Tagger t = Tagger.load(model)) {
                EventDetector detector = EventDetector.of(t, config);
                List<DetectedEvent> printed = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger flushes = new AtomicInteger();
                PcmPump pump = new PcmPump(StreamingTagger.ofPcm(detector, 44100, PcmEncoding.S16LE, 1,
                        printed::add), 2048, flushes::incrementAndGet);
                AtomicReference<Throwable> failed = new AtomicReference<>();
                Thread reader = new Thread(() -> {
                    try {
                        pump.run(source, Long.MAX_VALUE);
                    } catch (IOException | RuntimeException e) {
                        failed.set(e);
                    }
                });
                reader.start();
                assertThat(served.await(60, TimeUnit.SECONDS)).isTrue();
                pump.interrupt();
                List<DetectedEvent> offline = detector.detect(Arrays.copyOf(samples, 110250), 44100);
                assertThat(offline).isNotEmpty().anyMatch(e -> e.offset() == 2.5);
                assertThat(sorted(printed)).isEqualTo(sorted(offline));
                assertThat(flushes.get()).isOne();
                assertThat(pump.finished()).isTrue();
                // the reader, blocked meanwhile, gets more bytes: they are not fed, and nothing more is printed
                release.countDown();
                reader.join(60_000);
                assertThat(reader.isAlive()).isFalse();
                assertThat(failed.get()).isNull();
                assertThat(sorted(printed)).isEqualTo(sorted(offline));
                assertThat(flushes.get()).isOne();
                pump.interrupt();
                assertThat(flushes.get()).isOne();
            }
        }

        private List<DetectedEvent> sorted(List<DetectedEvent> events) {
            List<DetectedEvent> s = new ArrayList<>(events);
            s.sort(Comparator.comparingDouble(DetectedEvent::onset).thenComparing(DetectedEvent::label));
            return s;
        }
    }
}
