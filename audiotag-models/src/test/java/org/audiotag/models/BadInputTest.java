package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.models.layers.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;

/** Bad configurations and inputs are rejected with a clear message before anything runs. */
class BadInputTest {

    @Test
    void wrongRankOrLayout() {
        assertThatThrownBy(() -> Architecture.DCNN.build(ModelConfig.builder().inputShape(128, 128).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank 3")
                .hasMessageContaining("dcnn");
        assertThatThrownBy(() -> Architecture.KAGGLE.build(ModelConfig.builder().inputShape(128, 128, 3).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(time, mel, 1)");
        assertThatThrownBy(() -> Architecture.SAMPLECNN.build(ModelConfig.builder().inputShape(128, 128).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAW_WAVEFORM");
    }

    @Test
    void inputTooSmallForTheArchitecture() {
        assertThatThrownBy(() -> Architecture.DCNN.build(ModelConfig.builder().inputShape(40, 40, 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv3")
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> Architecture.SAMPLECNN.build(ModelConfig.builder().inputShape(1000).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPool1d");
    }

    @Test
    void impossibleTagsAndWidths() {
        assertThatThrownBy(() -> ModelConfig.builder().numTags(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numTags");
        assertThatThrownBy(() -> ModelConfig.builder().widths(24, 0, 48, 256).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widths");
        assertThatThrownBy(() -> Architecture.DCNN.build(ModelConfig.builder().widths(24, 48).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widths");
        assertThatThrownBy(() -> Architecture.RESE2MULTI.build(ModelConfig.builder().widths(64, 128, 2).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 blocks");
        assertThatThrownBy(() -> Architecture.MCNN.build(ModelConfig.builder().inputShape(16, 12).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mclnnBandwidth");
        assertThatThrownBy(() -> ModelConfig.builder().mclnn(4, 8, 8).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mclnnOverlap");
        assertThatThrownBy(() -> ModelConfig.builder().numTags(3).classWeights(1f, 2f).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classWeights");
        assertThatThrownBy(() -> ModelConfig.builder().learningRate(-1f).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> Architecture.byName("resnet"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samplecnn");
    }

    @Test
    void badBatchesAreRejectedBeforeRunning() {
        try (TagModel m = Architecture.GRU.build(Tiny.config(Architecture.GRU).build())) {
            int n = m.exampleSize();
            assertThatThrownBy(() -> m.predict(new float[n + 1], 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features must hold");
            float[] nan = new float[2 * n];
            nan[n + 3] = Float.NaN;
            assertThatThrownBy(() -> m.predict(nan, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("features[" + (n + 3) + "]").hasMessageContaining("example 1");
            assertThatThrownBy(() -> m.trainStep(new float[2 * n], new float[] {0, 1, 2, 0, 0, 0, 0, 0, 0, 0}, 2, 1e-3f))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets[2]");
            assertThatThrownBy(() -> m.trainStep(new float[2 * n], new float[10], 2, 0f))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
            assertThatThrownBy(() -> m.predict(new float[0], 0)).hasMessageContaining("batch");
        }
        try (TagModel m = Architecture.KAGGLE.build(Tiny.config(Architecture.KAGGLE).build())) {
            assertThatThrownBy(() -> m.trainStep(new float[m.exampleSize()], new float[5], 1, 1e-3f)).isInstanceOf(
                    IllegalArgumentException.class).hasMessageContaining("batch must be >= 2");
        }
        try (TagModel m = Architecture.GRU.build(Tiny.config(Architecture.GRU).trainingGraph(false).build())) {
            assertThatThrownBy(() -> m.trainStep(new float[m.exampleSize()], new float[5], 1, 1e-3f))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("trainingGraph(false)");
        }
    }

    @Test
    void missingFilesGiveModelLoadException(@TempDir Path tmp) throws Exception {
        try (TagModel m = Architecture.GRU.build(Tiny.config(Architecture.GRU).build())) {
            assertThatThrownBy(() -> m.restoreCheckpoint(tmp.resolve("none")))
                    .isInstanceOf(ModelLoadException.class).hasMessageContaining("none.index");
        }
        assertThatThrownBy(() -> SavedModelRunner.load(tmp.resolve("absent")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not a directory");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> SavedModelRunner.load(tmp.resolve("empty")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("saved_model.pb");
    }

    @Test
    void variableNamesWithSlashesAreRejected() {
        try (Graph g = new Graph()) {
            Layers l = new Layers(g, 1);
            assertThatThrownBy(() -> l.dense("block/fc", l.tf().zeros(l.tf().constant(new int[] {2, 3}),
                    org.tensorflow.types.TFloat32.class), 4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no '/'");
        }
    }
}
