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
}
