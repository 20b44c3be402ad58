package org.audiotag.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.train.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void readsShippedEsc10WithItsFoldsAndTenClasses() throws Exception {
        Dataset d = Datasets.open(TestPaths.esc10(), LoadOptions.defaults());
        assertThat(d.size()).isEqualTo(318);
        assertThat(d.vocabulary().labels()).containsExactly("Dog bark", "Rain", "Sea waves", "Baby cry",
                "Clock tick", "Person sneeze", "Helicopter", "Chainsaw", "Rooster", "Fire crackling");
        assertThat(d.folds()).containsExactly(1, 2, 3, 5);
        assertThat(d.indicesOfFolds(5)).hasSize(80);
        assertThat(d.indicesOfFolds(1, 2, 3)).hasSize(238);
        assertThat(d.clip(0).file()).exists();
        assertThat(d.target(0)[0]).isEqualTo(1f);
    }

    @Test
    void readsFsdKaggleLayoutWithQuotedMultiLabels(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("train_curated"));
        Path esc = TestPaths.esc10();
        Files.copy(esc.resolve("001 - Dog bark/1-100032-A.ogg"), audio.resolve("a.wav"));
        Files.copy(esc.resolve("001 - Dog bark/1-100032-A.ogg"), audio.resolve("b.wav"));
        Files.writeString(dir.resolve("train_curated.csv"),
                "fname,labels\r\na.wav,Bark\r\nb.wav,\"Bark,Applause\"\r\n");
        Dataset d = Datasets.open(dir.resolve("train_curated.csv"), LoadOptions.defaults());
        assertThat(d.vocabulary()).isEqualTo(Vocabulary.fsdKaggle2019());
        assertThat(d.clip(1).labels()).containsExactly("Bark", "Applause");
        float[] y = d.target(1);
        assertThat(y[Vocabulary.fsdKaggle2019().indexOf("Applause")]).isEqualTo(1f);
        assertThat(y[4]).isEqualTo(1f);
        assertThat(Datasets.open(dir, LoadOptions.defaults()).size()).isEqualTo(2);
    }

    @Test
    void labelsIgnoreEmptyTagsAndTrailingFieldsLikeEvaluate(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("train_curated"));
        Files.copy(TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg"), audio.resolve("a.wav"));
        Path csv = Files.writeString(dir.resolve("train_curated.csv"),
                "fname,labels\na.wav,\"Bark, ,Applause,Bark,\",\n");
        Dataset d = Datasets.fsdKaggle2019(csv, audio, LoadOptions.defaults());
        assertThat(d.clip(0).labels()).containsExactly("Bark", "Applause");
        assertThat(Datasets.splitLabels("Bark,")).containsExactly("Bark");
    }

    @Test
    void badRowsFailNamingFileAndLineOrAreSkipped(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("train_curated"));
        Files.copy(TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg"), audio.resolve("a.wav"));
        Path csv = dir.resolve("train_curated.csv");
        Files.writeString(csv, "fname,labels\na.wav,Bark\nmissing.wav,Bark\nc.wav,Not_a_tag\nonlyonefield\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(csv + ":3:").hasMessageContaining("missing.wav");
        Dataset d = Datasets.open(csv, LoadOptions.defaults().withPolicy(RowPolicy.SKIP));
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.problems()).hasSize(3);
        assertThat(d.problems().get(1)).contains(csv + ":4:").contains("Not_a_tag");
        assertThat(d.problems().get(2)).contains(csv + ":5:");
        Files.writeString(csv, "fname,labels\na.wav,\"Bark\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults())).hasMessageContaining("not closed");
    }

    @Test
    void readsGenericCsvWithAndWithoutHeaderAndFolders(@TempDir Path dir) throws Exception {
        Path esc = TestPaths.esc10();
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "path,labels,fold\n"
                + "\"" + esc.resolve("002 - Rain/1-17367-A.ogg") + "\",Rain,0\n"
                + "\"" + esc.resolve("001 - Dog bark/1-100032-A.ogg") + "\",\"Dog,Animal\",1\n");
        Dataset d = Datasets.open(csv, LoadOptions.defaults());
        assertThat(d.vocabulary().labels()).containsExactly("Animal", "Dog", "Rain");
        assertThat(d.folds()).containsExactly(0, 1);
        Files.writeString(csv, "\"" + esc.resolve("002 - Rain/1-17367-A.ogg") + "\",Rain,0\n"
                + "\"" + esc.resolve("002 - Rain/1-17367-A.ogg") + "\",Rain,x\n");
        assertThatThrownBy(() -> Datasets.csv(csv, LoadOptions.defaults())).hasMessageContaining(csv + ":2:")
                .hasMessageContaining("fold 'x'");

        Path root = dir.resolve("byfolder");
        Files.createDirectories(root.resolve("rain"));
        Files.createDirectories(root.resolve("dog"));
        Files.copy(esc.resolve("002 - Rain/1-17367-A.ogg"), root.resolve("rain/x.ogg"));
        Files.copy(esc.resolve("001 - Dog bark/1-100032-A.ogg"), root.resolve("dog/y.ogg"));
        Files.writeString(root.resolve("dog/notes.txt"), "not audio");
        Dataset f = Datasets.open(root, LoadOptions.defaults());
        assertThat(f.vocabulary().labels()).containsExactly("dog", "rain");
        assertThat(f.clips()).extracting(LabeledClip::name).containsExactly("y.ogg", "x.ogg");
        assertThatThrownBy(() -> Datasets.folders(root, LoadOptions.defaults()
                .withVocabulary(Vocabulary.of(List.of("dog"))))).hasMessageContaining("'rain'");
    }

    /**
     * Issue 15: a clip listed twice would land on both sides of a split. In every layout it is an error naming the
     * file and both lines, or, under SKIP, the second entry is dropped with a problem naming both.
     */
    @Test
    void anAudioFileListedTwiceFailsNamingItAndBothLinesInEveryLayout(@TempDir Path dir) throws Exception {
        Path esc = TestPaths.esc10();
        Path rain = esc.resolve("002 - Rain/1-17367-A.ogg");
        Path dog = esc.resolve("001 - Dog bark/1-100032-A.ogg");

        // FSDKaggle2019: the same fname on lines 2 and 4 (labels differ, as in a hand-merged file)
        Path audio = Files.createDirectories(dir.resolve("train_curated"));
        Files.copy(rain, audio.resolve("a.wav"));
        Files.copy(dog, audio.resolve("b.wav"));
        Path kaggle = Files.writeString(dir.resolve("train_curated.csv"),
                "fname,labels\na.wav,Bark\nb.wav,Bark\na.wav,\"Bark,Applause\"\n");
        assertThatThrownBy(() -> Datasets.open(kaggle, LoadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(kaggle + ":4: audio file " + audio.resolve("a.wav") + " is listed twice (lines 2 and 4)");
        Dataset once = Datasets.open(kaggle, LoadOptions.defaults().withPolicy(RowPolicy.SKIP));
        assertThat(once.clips()).extracting(LabeledClip::name).containsExactly("a.wav", "b.wav");
        assertThat(once.clip(0).labels()).containsExactly("Bark");
        assertThat(once.problems()).singleElement().asString().contains(kaggle + ":4:").contains("lines 2 and 4");

        // generic CSV: the same file written two ways (absolute, and relative through "..")
        Path sub = Files.createDirectories(dir.resolve("lists"));
        Path generic = Files.writeString(sub.resolve("list.csv"), "path,labels\n"
                + "\"" + audio.resolve("a.wav") + "\",Rain\n" + "../train_curated/b.wav,Dog\n"
                + "../train_curated/./a.wav,Rain\n");
        assertThatThrownBy(() -> Datasets.open(generic, LoadOptions.defaults()))
                .hasMessageStartingWith(generic + ":4: audio file ").hasMessageContaining("lines 2 and 4");
        assertThat(Datasets.open(generic, LoadOptions.defaults().withPolicy(RowPolicy.SKIP)).size()).isEqualTo(2);

        // ESC-10 layout: a row repeated (other fold) in labels.csv
        Path e10 = Files.createDirectories(dir.resolve("esc"));
        Files.createDirectories(e10.resolve("rain"));
        Files.copy(rain, e10.resolve("rain/r.ogg"));
        Files.copy(dog, e10.resolve("rain/d.ogg"));
        Files.writeString(e10.resolve("labels.csv"), "path,fold,label\nrain/r.ogg,1,Rain\nrain/d.ogg,2,Dog\n"
                + "rain/r.ogg,2,Rain\n");
        assertThatThrownBy(() -> Datasets.open(e10, LoadOptions.defaults()))
                .hasMessage(e10.resolve("labels.csv") + ":4: audio file " + e10.resolve("rain/r.ogg")
                        + " is listed twice (lines 2 and 4)");
        Dataset escOnce = Datasets.open(e10, LoadOptions.defaults().withPolicy(RowPolicy.SKIP));
        assertThat(escOnce.size()).isEqualTo(2);
        assertThat(escOnce.clip(0).fold()).isEqualTo(1);

        // folders-as-labels: one recording linked into two label folders is the same file (real paths)
        Path root = dir.resolve("byfolder");
        Files.createDirectories(root.resolve("dog"));
        Files.createDirectories(root.resolve("rain"));
        Files.copy(dog, root.resolve("dog/y.ogg"));
        Files.copy(rain, root.resolve("rain/x.ogg"));
        Files.createSymbolicLink(root.resolve("rain/y.ogg"), root.resolve("dog/y.ogg"));
        assertThatThrownBy(() -> Datasets.open(root, LoadOptions.defaults()))
                .hasMessage(root.resolve("rain/y.ogg") + ": audio file " + root.resolve("rain/y.ogg")
                        + " (the same file as " + root.resolve("dog/y.ogg") + ") is listed twice (also at "
                        + root.resolve("dog/y.ogg") + ")");
        assertThat(Datasets.open(root, LoadOptions.defaults().withPolicy(RowPolicy.SKIP)).clips())
                .extracting(LabeledClip::name).containsExactly("y.ogg", "x.ogg");

        // the type itself: a Dataset never holds one file twice
        LabeledClip a = new LabeledClip(audio.resolve("a.wav"), List.of("Rain"), LabeledClip.NO_FOLD, "x:1");
        LabeledClip again = new LabeledClip(audio.resolve("./a.wav"), List.of("Dog"), LabeledClip.NO_FOLD, "x:2");
        assertThatThrownBy(() -> new Dataset("x", Vocabulary.of(List.of("Dog", "Rain")), List.of(a, again), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x:2:")
                .hasMessageContaining("listed twice (also at x:1)");
    }

    /** Issue 15: unreadable inputs are called what they are, and a runaway path field is not echoed whole. */
    @Test
    void aFolderOrAnUnusablePathIsCalledWhatItIs(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clips.csv"));
        assertThatThrownBy(() -> Datasets.csv(folder, LoadOptions.defaults())).hasMessage(folder + ": is a directory");
        Path csv = dir.resolve("list.csv");
        Files.createDirectories(dir.resolve("sub.wav"));
        Files.writeString(csv, "path,labels\nsub.wav,Rain\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults()))
                .hasMessage(csv + ":2: audio file " + dir.resolve("sub.wav") + " is a directory");
        Files.writeString(csv, "path,labels\nsub.wav,Rain\n\"" + "x".repeat(100_000) + ".wav\",Rain\n"
                + "\"nul\u0000.wav\",Rain\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults().withPolicy(RowPolicy.SKIP)))
                .hasMessageStartingWith(csv + ": no usable clips (3 skipped");
        Files.writeString(csv, "path,labels\n\"" + "x".repeat(100_000) + ".wav\",Rain\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults())).hasMessageContaining("…")
                .hasMessageContaining("does not exist").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        Files.writeString(csv, "path,labels\n\"nul\u0000.wav\",Rain\n");
        assertThatThrownBy(() -> Datasets.open(csv, LoadOptions.defaults())).hasMessageContaining(csv + ":2: path ")
                .hasMessageContaining("is not a valid path");
    }
}
