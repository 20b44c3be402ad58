package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.PadMode;
import org.audiotag.toolkit.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported model directories: one provenance file, round trips, release 0.1's two-file layout, clear refusals. */
class ExportedModelTest {

    static Properties properties(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    /** The 1-based line of the first line of {@code text} that starts with {@code prefix}. */
    static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void oneProvenanceFileHoldsModelFeaturesWindowsAndTrainingAndRoundTrips(@TempDir Path tmp) throws Exception {
        Map<String, String> training = new LinkedHashMap<>();
        training.put("config", "architecture=kaggle epochs=1 seed=5");
        training.put("augment", "gain:1.0,noise:0.5");
        training.put("dataset", " leading space, a # hash, a ! bang, tab\there, line\nbreak, ünïcödé");
        Path dir = Exports.export(tmp.resolve("run/model"), Architecture.KAGGLE,
                Tiny.config(Architecture.KAGGLE).inputShape(128, 128, 1).build(), TaggingConfig.builder()
                        .features(Exports.PIPELINE_A).window(128).windowHop(32).aggregation(WindowAggregation.MAX)
                        .normalization(-26.730192f, 22.340061f).build(), training);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("saved_model.pb",
                    "variables", ExportedModel.PROVENANCE_FILE, ExportedModel.TAGS_FILE);
        }
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("model");
        }
        Properties p = properties(dir.resolve(ExportedModel.PROVENANCE_FILE));
        assertThat(p.getProperty(ProvenanceKeys.FORMAT)).isEqualTo(ExportedModel.FORMAT);
        assertThat(p.getProperty(Provenance.ARCHITECTURE)).isEqualTo("kaggle");
        assertThat(p.getProperty(Provenance.INPUT_KIND)).isEqualTo("LOG_MEL_IMAGE");
        assertThat(p.getProperty(Provenance.INPUT_SHAPE)).isEqualTo("128,128,1");
        assertThat(p.getProperty(ProvenanceKeys.NUM_TAGS)).isEqualTo("5");
        assertThat(p.getProperty(ProvenanceKeys.WIDTHS)).isEqualTo("4,8,16");
        assertThat(p.getProperty(Provenance.SEED)).isEqualTo("11");
        assertThat(p.getProperty(Provenance.PARAMETERS)).matches("[1-9][0-9]*");
        assertThat(p.getProperty(ProvenanceKeys.MODEL_CONFIG)).startsWith("ModelConfig{");
        assertThat(p.getProperty(Provenance.VERSION)).isNotBlank();
        assertThat(FeatureConfig.parse(p.getProperty(ProvenanceKeys.FEATURES))).isEqualTo(Exports.PIPELINE_A);
        assertThat(p.getProperty(ProvenanceKeys.WINDOW)).isEqualTo("128");
        assertThat(p.getProperty(ProvenanceKeys.WINDOW_HOP)).isEqualTo("32");
        assertThat(p.getProperty(ProvenanceKeys.AGGREGATION)).isEqualTo("MAX");
        assertThat(p.getProperty(ProvenanceKeys.NORMALIZE_MEAN)).isEqualTo("-26.730192");
        assertThat(p.getProperty(ProvenanceKeys.NORMALIZE_STD)).isEqualTo("22.340061");
        assertThat(p.getProperty("training.config")).isEqualTo(training.get("config"));
        assertThat(p.getProperty("training.dataset")).isEqualTo(training.get("dataset"));
        // the file lists its keys in a fixed order, format first
        assertThat(Files.readAllLines(dir.resolve(ExportedModel.PROVENANCE_FILE)).get(1)).startsWith("format=");

        ExportedModel m = ExportedModel.read(dir);
        assertThat(m.legacyLayout()).isFalse();
        assertThat(m.directory()).isEqualTo(dir);
        assertThat(m.architecture()).isEqualTo("kaggle");
        assertThat(m.inputKind()).isEqualTo(InputKind.LOG_MEL_IMAGE);
        assertThat(m.inputShape()).containsExactly(128, 128, 1);
        assertThat(m.numTags()).isEqualTo(5);
        assertThat(m.tags()).isEqualTo(Exports.TAGS);
        TaggingConfig t = m.tagging().orElseThrow();
        assertThat(t.features()).isEqualTo(Exports.PIPELINE_A);
        assertThat(t.window()).isEqualTo(128);
        assertThat(t.windowHop()).isEqualTo(32);
        assertThat(t.aggregation()).isEqualTo(WindowAggregation.MAX);
        assertThat(t.normalizeMean()).isEqualTo(-26.730192f);
        assertThat(t.normalizeStd()).isEqualTo(22.340061f);
        assertThat(m.provenance()).hasSize(p.size());
        p.stringPropertyNames().forEach(k -> assertThat(m.provenance()).containsEntry(k, p.getProperty(k)));
    }

    @Test
    void releaseZeroOneTwoFileExportsStillLoadAndTagAsBefore(@TempDir Path tmp) throws Exception {
        // a SavedModel of the input shape recorded in the release 0.1 files (kaggle, 32 x 128 x 1, 10 tags)
        Path dir = tmp.resolve("model");
        try (TagModel model = Architecture.KAGGLE.build(Tiny.config(Architecture.KAGGLE).inputShape(32, 128, 1)
                .numTags(10).build())) {
            model.exportSavedModel(dir);
        }
        for (String f : List.of(ExportedModel.PROVENANCE_FILE, ExportedModel.LEGACY_TRAINING_FILE,
                ExportedModel.TAGS_FILE)) {
            try (InputStream in = ExportedModelTest.class.getResourceAsStream("release-0.1/" + f)) {
                assertThat(in).as(f).isNotNull();
                Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ExportedModel m = ExportedModel.read(dir);
        assertThat(m.legacyLayout()).isTrue();
        assertThat(m.architecture()).isEqualTo("kaggle");
        assertThat(m.tags()).hasSize(10).startsWith("Dog bark", "Rain");
        TaggingConfig t = m.tagging().orElseThrow();
        assertThat(t.features()).isEqualTo(Exports.PIPELINE_A);
        assertThat(t.window()).isEqualTo(32);
        assertThat(t.windowHop()).isEqualTo(16);
        assertThat(t.aggregation()).isEqualTo(WindowAggregation.MEAN);
        assertThat(t.normalizeMean()).isEqualTo(-26.730192f);
        assertThat(t.normalizeStd()).isEqualTo(22.340061f);
        // everything both files held is still there
        assertThat(m.provenance()).containsEntry("audiotagVersion", "development")
                .containsEntry("features.hopLength", "692").containsEntry("splitSha256",
                        "4937fea732e42c4dbd506a4485bd2d508fe092c96595a1517d146ecfabdc3ac2")
                .containsEntry(Provenance.INPUT_SHAPE, "32,128,1").containsKey("training");
        try (Tagger tagger = Tagger.load(dir); SavedModelRunner runner = SavedModelRunner.load(dir)) {
            float[] y = AudioLoader.atRate(44100).load(TaggerTest.DOG).samples();
            float[] f = PreviousTagger.logMel(y, 44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT);
            assertThat(tagger.scores(TaggerTest.DOG)).containsExactly(PreviousTagger.scores(f, 128, false, 32, 16,
                    WindowAggregation.MEAN, -26.730192f, 22.340061f, runner));
        }
        // without its second file, a release 0.1 export is a bare model: the message names the missing file
        Files.delete(dir.resolve(ExportedModel.LEGACY_TRAINING_FILE));
        assertThat(ExportedModel.read(dir).tagging()).isEmpty();
        assertThatThrownBy(() -> Tagger.load(dir)).hasMessageContaining(ExportedModel.LEGACY_TRAINING_FILE);
    }

    @Test
    void aRunFolderGetsTheHintAndOtherFoldersNameTheMissingFile(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Exports.exportImageModel(run.resolve("model"), WindowAggregation.MEAN, 0f, 1f);
        Files.writeString(run.resolve("history.csv"), "epoch\n");
        assertThatThrownBy(() -> Tagger.load(run)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("training run folder").hasMessageContaining(run.resolve("model").toString());
        assertThatThrownBy(() -> SavedModelRunner.load(run)).hasMessageContaining("pass its model folder");
        Path other = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(other.resolve("a.txt"), "x");
        assertThatThrownBy(() -> Tagger.load(other)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("saved_model.pb")
                .hasMessageContaining(ExportedModel.PROVENANCE_FILE);
        assertThatThrownBy(() -> Tagger.load(tmp.resolve("absent"))).hasMessageContaining("not a directory");
        Files.writeString(other.resolve("saved_model.pb"), "");
        assertThatThrownBy(() -> Tagger.load(other)).hasMessageContaining("no " + ExportedModel.PROVENANCE_FILE);
        Files.delete(other.resolve("saved_model.pb"));
        Files.writeString(other.resolve(ExportedModel.PROVENANCE_FILE), "format=audiotag-model/2\n");
        assertThatThrownBy(() -> Tagger.load(other)).hasMessageContaining("no saved_model.pb");
    }

    @Test
    void bareExportsAndDamagedFilesAreRefusedNamingTheProblem(@TempDir Path tmp) throws Exception {
        Path bare = tmp.resolve("bare");
        try (TagModel m = Architecture.GRU.build(Tiny.config(Architecture.GRU).build())) {
            m.exportSavedModel(bare);
        }
        ExportedModel b = ExportedModel.read(bare);
        assertThat(b.tagging()).isEmpty();
        assertThat(b.tags()).isEmpty();
        assertThat(b.legacyLayout()).isFalse();
        assertThat(properties(bare.resolve(ExportedModel.PROVENANCE_FILE)).getProperty(ProvenanceKeys.WINDOW))
                .isNull();
        assertThatThrownBy(() -> Tagger.load(bare)).hasMessageContaining("no tagging settings");

        Path dir = Exports.exportImageModel(tmp.resolve("model"), WindowAggregation.MEAN, 0f, 1f);
        Path prov = dir.resolve(ExportedModel.PROVENANCE_FILE);
        String text = Files.readString(prov);
        Files.writeString(dir.resolve(ExportedModel.TAGS_FILE), "a\nb\n");
        assertThatThrownBy(() -> ExportedModel.read(dir)).hasMessageContaining("vocabulary.txt has 2 tags");
        Files.writeString(dir.resolve(ExportedModel.TAGS_FILE), "a\nb\nc\nd\na\n");
        assertThatThrownBy(() -> ExportedModel.read(dir)).hasMessageContaining("'a' appears twice");
        Files.writeString(dir.resolve(ExportedModel.TAGS_FILE), String.join("\n", Exports.TAGS));
        Files.writeString(prov, text.replace("format=audiotag-model/2", "format=audiotag-model/9"));
        assertThatThrownBy(() -> ExportedModel.read(dir)).hasMessageContaining("audiotag-model/9");
        Files.writeString(prov, text.replaceAll("\nwindowHop=.*\n", "\n"));
        assertThatThrownBy(() -> Tagger.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("'windowHop'");
        Files.writeString(prov, text.replaceAll("\nwindow=.*\n", "\n"));
        assertThatThrownBy(() -> Tagger.load(dir)).hasMessageContaining("'window'");
        Files.writeString(prov, text.replace("window=128", "window=64"));
        assertThatThrownBy(() -> Tagger.load(dir)).hasMessageContaining("window: 64 frames");
        Files.writeString(prov, text.replace("\nwindow=", "\nwindow "));
        assertThatThrownBy(() -> ExportedModel.read(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(ExportedModel.PROVENANCE_FILE + ":" + lineOf(text, "window="));
        Files.writeString(prov, text);
        try (Tagger t = Tagger.load(dir)) {
            assertThat(t.tags()).isEqualTo(Exports.TAGS);
        }
    }

    @Test
    void writingChecksThatTheTaggingSettingsAndTagsFitTheModel(@TempDir Path tmp) throws Exception {
        try (TagModel m = Architecture.KAGGLE.build(Tiny.config(Architecture.KAGGLE).build())) {     // 16 x 16 x 1
            TaggingConfig a = TaggingConfig.builder().features(Exports.PIPELINE_A).window(16).windowHop(8).build();
            assertThatThrownBy(() -> ExportedModel.write(m, tmp.resolve("x"), a, Exports.TAGS, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_mels 128");
            FeatureConfig mel16 = Exports.PIPELINE_A.toBuilder().nMels(16).build();
            TaggingConfig w = TaggingConfig.builder().features(mel16).window(32).windowHop(8).build();
            assertThatThrownBy(() -> ExportedModel.write(m, tmp.resolve("x"), w, Exports.TAGS, Map.of()))
                    .hasMessageContaining("window: 32 frames");
            TaggingConfig ok = w.toBuilder().window(16).build();
            assertThatThrownBy(() -> ExportedModel.write(m, tmp.resolve("x"), ok, List.of("a", "b"), Map.of()))
                    .hasMessageContaining("2 names for a model with 5 outputs");
            assertThatThrownBy(() -> ExportedModel.write(m, tmp.resolve("x"), ok, List.of("a", "b", "c", "d", " e"),
                    Map.of())).hasMessageContaining("white space");
            TaggingConfig raw = TaggingConfig.builder().features(FeatureConfig.rawWaveform().toBuilder()
                    .lengthPolicy(org.audiotag.features.FixedLength.Policy.NONE).build()).window(16).windowHop(8)
                    .build();
            assertThatThrownBy(() -> ExportedModel.write(m, tmp.resolve("x"), raw, Exports.TAGS, Map.of()))
                    .hasMessageContaining("raw_waveform does not fit");
            assertThat(tmp.resolve("x")).doesNotExist();
        }
        FeatureConfig image = FeatureConfig.pipelineA();
        assertThatThrownBy(() -> TaggingConfig.builder().features(image).build())
                .hasMessageContaining("log_mel_sequence");
        // fixed-length features (the original's pipeline A, first 2 s) take one window: the whole prepared clip
        assertThatThrownBy(() -> TaggingConfig.builder().features(image.withKind(FeatureConfig.Kind
                .LOG_MEL_SEQUENCE)).window(64).windowHop(64).build()).hasMessageContaining("length_policy");
        assertThat(TaggingConfig.builder().features(image.withKind(FeatureConfig.Kind.LOG_MEL_SEQUENCE)).window(128)
                .build().fixedLength()).isTrue();
        assertThatThrownBy(() -> TaggingConfig.builder().build()).hasMessageContaining("features");
        assertThatThrownBy(() -> TaggingConfig.builder().features(Exports.PIPELINE_A).window(8).windowHop(9).build())
                .hasMessageContaining("windowHop");
        assertThatThrownBy(() -> TaggingConfig.builder().features(Exports.PIPELINE_A).normalization(0f, 0f).build())
                .hasMessageContaining("normalizeStd");
        assertThatThrownBy(() -> TaggingConfig.builder().features(Exports.PIPELINE_A.toBuilder().htk(true).build())
                .build()).hasMessageContaining("htk");
    }
}
