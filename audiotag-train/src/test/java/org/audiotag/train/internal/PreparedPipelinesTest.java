package org.audiotag.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.InputKind;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original's fixed-length pipelines A, B and C (docs/ORIGINAL-PROJECT.md §1.3-§1.5) in training: what a run's
 * examples and validation windows hold is, bit for bit, what {@link FeatureExtractor} computes with the same
 * {@link FeatureConfig}.
 */
class PreparedPipelinesTest {

    /** A training crop (at any start) and the validation window of every clip equal the extractor's features. */
    private static void assertTrainingSeesTheExtractorsFeatures(FeatureConfig pipeline, InputKind kind, Path cache)
            throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().normalize(false).threads(2).build();
        Dataset ds = TinyRunData.dataset();
        FeatureExtractor extractor = FeatureExtractor.of(pipeline);
        int[] train = {0, 1, 2, 3, 4, 5};
        int[] val = {6, 7, 8, 9};
        try (TrainingData td = TrainingData.open(ds, train, val, kind,
                LogMelFeatures.from(FeatureConfig.pipelineA()), cfg, cache, false, new WaveformFeatures(44100),
                pipeline)) {
            boolean raw = kind == InputKind.RAW_WAVEFORM;
            assertThat(td.window()).isEqualTo(raw ? pipeline.nSamples() : pipeline.framesPerClip());
            ValidationPass vp = new ValidationPass(td, cfg.aggregation());
            for (int clip = 0; clip < ds.size(); clip++) {
                float[] samples = AudioLoader.atRate(pipeline.sampleRate()).load(ds.clip(clip).file()).samples();
                FeatureMatrix m = extractor.extract(samples);
                // time-major: the image (n_mels, frames) transposed; the waveform (1, n) as it is
                float[] expected = raw ? m.toArray() : m.transpose().toArray();
                float[] crop = new float[td.window() * td.bins()];
                td.crop(clip, Crops.randomStart(td.frames(clip), td.window(), Seeds.of(1, 2, 0, clip)), crop, 0);
                assertThat(crop).as("clip %d", clip).containsExactly(expected);
                int[] starts = vp.windowStarts(clip);
                assertThat(starts).hasSize(1);
                float[] window = new float[crop.length];
                td.crop(clip, starts[0], window, 0);
                assertThat(window).as("validation window of clip %d", clip).containsExactly(expected);
            }
        }
    }

    @Test
    void pipelineAInTrainingIsTheExtractorsFirstTwoSecondsLeftPadded(@TempDir Path dir) throws Exception {
        assertTrainingSeesTheExtractorsFeatures(FeatureConfig.pipelineA(), InputKind.LOG_MEL_IMAGE, dir);
    }

    @Test
    void pipelineBInTrainingIsTheExtractorsFirst88200Samples(@TempDir Path dir) throws Exception {
        assertTrainingSeesTheExtractorsFeatures(FeatureConfig.rawWaveform(), InputKind.RAW_WAVEFORM, dir);
    }

    @Test
    void pipelineCInTrainingIsTheExtractorsTrimmedCentrePaddedLogMel(@TempDir Path dir) throws Exception {
        assertTrainingSeesTheExtractorsFeatures(FeatureConfig.pipelineC(), InputKind.MEL_SEQUENCE, dir);
    }

    @Test
    void aWholeClipPolicyIsNotAPreparedClip() {
        assertThatThrownBy(() -> new PreparedClipFeatures(LogMelFeatures.from(FeatureConfig.pipelineA()).config()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengthPolicy");
    }
}
