package org.audiotag.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.train.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @Test
    void builtInVocabularyMatchesShippedClassMapInAlphabeticalOrder() throws Exception {
        Vocabulary v = Vocabulary.fsdKaggle2019();
        assertThat(v.size()).isEqualTo(80);
        assertThat(v.label(0)).isEqualTo("Accelerating_and_revving_and_vroom");
        assertThat(v.label(79)).isEqualTo("Zipper_(clothing)");
        assertThat(v.indexOf("Bark")).isEqualTo(4);
        List<String> lines = Files.readAllLines(TestPaths.root().resolve("data/fsdkaggle2019/class_map.csv"));
        for (String line : lines) {
            String[] f = line.split(",", 2);
            assertThat(v.indexOf(f[1])).isEqualTo(Integer.parseInt(f[0]));
        }
        assertThat(v.labels()).isSorted();
    }

    @Test
    void encodesMultiHotAndRejectsUnknownTags() {
        Vocabulary v = Vocabulary.of(List.of("b", "a", "c"));
        assertThat(v.encode(List.of("a", "c"))).containsExactly(0f, 1f, 1f);
        assertThatThrownBy(() -> v.encode(List.of("d"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'d'");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> Vocabulary.of(List.of())).hasMessageContaining("at least 1");
        assertThat(Vocabulary.sorted(List.of("z", "a", "z")).labels()).containsExactly("a", "z");
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.fsdKaggle2019();
        Path f = dir.resolve("vocab.txt");
        v.write(f);
        assertThat(Vocabulary.read(f)).isEqualTo(v);
        Files.writeString(f, "a\nb\na\n");
        assertThatThrownBy(() -> Vocabulary.read(f)).hasMessageContaining(f.toString()).hasMessageContaining("twice");
    }
}
