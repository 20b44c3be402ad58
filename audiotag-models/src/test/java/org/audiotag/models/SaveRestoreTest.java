package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints and SavedModel exports reproduce outputs bit for bit. */
class SaveRestoreTest {

    @Test
    void checkpointRestoresWeightsMovingStatsAndAdamState(@TempDir Path tmp) throws Exception {
        Architecture a = Architecture.SAMPLECNN;          // batch norm, no dropout: training is deterministic
        SplittableRandom r = new SplittableRandom(3);
        int batch = 4;
        try (TagModel m1 = a.build(Tiny.config(a).build())) {
            float[] x = Tiny.features(batch * m1.exampleSize(), r);
            float[] y = Tiny.targets(batch, m1.numTags(), r);
            for (int i = 0; i < 5; i++) {
                m1.trainStep(x, y, batch, 1e-2f);
            }
            Path prefix = tmp.resolve("runs/a/ckpt-5");   // parent directories do not exist yet
            m1.saveCheckpoint(prefix);
            assertThat(Files.isRegularFile(Path.of(prefix + ".index"))).isTrue();
            try (Stream<Path> s = Files.list(prefix.getParent())) {
                assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("ckpt-5."))
                        .noneMatch(n -> n.contains("tmp"));
            }
            float[] p1 = m1.predict(x, batch);
            // a model with another seed has other initial weights; restoring replaces all of them
            try (TagModel m2 = a.build(Tiny.config(a).seed(999).build())) {
                assertThat(m2.predict(x, batch)).isNotEqualTo(p1);
                m2.restoreCheckpoint(prefix);
                assertThat(m2.predict(x, batch)).containsExactly(p1);
                // every variable, Adam moments, step counter and BN moving statistics included, is bit-identical
                for (String name : m1.layers().variables().keySet()) {
                    assertThat(value(m2, name)).as(name).containsExactly(value(m1, name));
                }
                assertThat(value(m2, "adam_step")).containsExactly(5f);
                // training continues identically: the same loss and, after the update, the same outputs
                float l1 = m1.trainStep(x, y, batch, 1e-2f);
                float l2 = m2.trainStep(x, y, batch, 1e-2f);
                assertThat(l2).isEqualTo(l1);
                assertThat(value(m2, "adam_step")).containsExactly(6f);
                assertThat(m2.predict(x, batch)).containsExactly(m1.predict(x, batch));
            }
        }
    }

    private static float[] value(TagModel m, String variable) {
        try (org.tensorflow.Result res = m.session().runner().fetch(m.layers().variables().get(variable)).run()) {
            org.tensorflow.types.TFloat32 t = (org.tensorflow.types.TFloat32) res.get(0);
            float[] a = new float[(int) t.shape().size()];
            t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(a, false, false));
            return a;
        }
    }

    @Test
    void savedModelLoadsFromTheDirectoryAloneInANewGraph(@TempDir Path tmp) throws Exception {
        Architecture a = Architecture.MODDCNN;
        SplittableRandom r = new SplittableRandom(8);
        int batch = 3;
        Path dir = tmp.resolve("export/moddcnn");
        float[] x;
        float[] expected;
        try (TagModel m = a.build(Tiny.config(a).build())) {
            x = Tiny.features(batch * m.exampleSize(), r);
            float[] y = Tiny.targets(batch, m.numTags(), r);
            for (int i = 0; i < 3; i++) {
                m.trainStep(x, y, batch, 1e-3f);
            }
            expected = m.predict(x, batch);
            m.exportSavedModel(dir);
            m.trainStep(x, y, batch, 1e-3f);
            m.exportSavedModel(dir);                       // replaces the previous export
            expected = m.predict(x, batch);
        }
        assertThat(dir.resolve("saved_model.pb")).isRegularFile();
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("moddcnn");
        }
        Properties p = new Properties();
        try (Reader rd = Files.newBufferedReader(dir.resolve(TagModel.PROVENANCE_FILE))) {
            p.load(rd);
        }
        assertThat(p.getProperty("architecture")).isEqualTo("moddcnn");
        assertThat(p.getProperty("inputShape")).isEqualTo("116,40,1");
        assertThat(p.getProperty("audiotag.version")).isEqualTo(org.audiotag.toolkit.Version.get());
        try (SavedModelRunner t = SavedModelRunner.load(dir)) {
            assertThat(t.inputKind()).isEqualTo(InputKind.LOG_MEL_IMAGE);
            assertThat(t.numTags()).isEqualTo(Tiny.TAGS);
            assertThat(t.predict(x, batch)).containsExactly(expected);
        }
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRejected(@TempDir Path tmp) throws Exception {
        Path prefix = tmp.resolve("gru/ckpt");
        try (TagModel gru = Architecture.GRU.build(Tiny.config(Architecture.GRU).build())) {
            gru.saveCheckpoint(prefix);
        }
        try (TagModel other = Architecture.GRU.build(Tiny.config(Architecture.GRU).widths(6, 2).build())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.restoreCheckpoint(prefix))
                    .isInstanceOf(ModelLoadException.class).hasMessageContaining("written for another model")
                    .hasMessageContaining("gru");
        }
    }

    /** Issue 15: a damaged checkpoint is one short line (the file and TensorFlow's reason), not the whole config. */
    @Test
    void aDamagedCheckpointIsNamedInOneShortLine(@TempDir Path tmp) throws Exception {
        Path prefix = tmp.resolve("ckpt/epoch-0000");
        try (TagModel m = Architecture.GRU.build(Tiny.config(Architecture.GRU).build())) {
            m.saveCheckpoint(prefix);
            java.nio.file.Files.write(tmp.resolve("ckpt/epoch-0000.index"), new byte[100]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.restoreCheckpoint(prefix))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageStartingWith(prefix.toAbsolutePath() + ": checkpoint is damaged")
                    .hasMessageNotContaining("ModelConfig").hasMessageNotContaining("\n")
                    .hasMessageNotContaining("[[")
                    .satisfies(e -> assertThat(e.getMessage().length() - prefix.toAbsolutePath().toString().length())
                            .isLessThan(200));
        }
    }

    @Test
    void forcingTheCpuGivesTheSameOutputs() {
        Architecture a = Architecture.KAGGLE;
        float[] x = Tiny.features(2 * 16 * 16, new SplittableRandom(6));
        try (TagModel m1 = a.build(Tiny.config(a).build());
             TagModel m2 = a.build(Tiny.config(a).forceCpu(true).build())) {
            assertThat(m2.config().forceCpu()).isTrue();
            assertThat(m2.predict(x, 2)).containsExactly(m1.predict(x, 2));
        }
    }
}
