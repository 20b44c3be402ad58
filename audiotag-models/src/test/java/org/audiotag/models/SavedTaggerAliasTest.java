package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deprecated SavedTagger name still loads and runs an export, as SavedModelRunner does. */
class SavedTaggerAliasTest {

    @Test
    @SuppressWarnings("removal")
    void theOldNameDelegatesToTheRunner(@TempDir Path tmp) throws Exception {
        Architecture a = Architecture.GRU;
        float[] x = Tiny.features(2 * 8 * 6, new SplittableRandom(1));
        float[] expected;
        try (TagModel m = a.build(Tiny.config(a).build())) {
            expected = m.predict(x, 2);
            m.exportSavedModel(tmp.resolve("gru"));
        }
        try (SavedTagger t = SavedTagger.load(tmp.resolve("gru"))) {
            assertThat(t.architecture()).isEqualTo("gru");
            assertThat(t.inputKind()).isEqualTo(InputKind.MEL_SEQUENCE);
            assertThat(t.inputShape()).containsExactly(8, 6);
            assertThat(t.numTags()).isEqualTo(Tiny.TAGS);
            assertThat(t.directory()).isEqualTo(tmp.resolve("gru").toAbsolutePath());
            assertThat(t.predict(x, 2)).containsExactly(expected);
        }
    }
}
