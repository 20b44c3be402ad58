package org.audiotag.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.Trim;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.InputKind;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows of synthetic soundscapes on real ESC-10 clips: sounds land where the plan puts them with their recorded
 * samples, the target follows the visible-part rule at its exact boundary, the draws stay within their ranges, and a
 * window depends only on its generator.
 */
class SceneExamplesTest {

    static final int LENGTH = 88200;

    @TempDir
    static Path cache;

    static TrainingData open() throws Exception {
        return CachedFaithfulPipelineTest.open(cache, InputKind.LOG_MEL_IMAGE, new WaveformFeatures(44100));
    }

    @Test
    void aPlannedSoundIsTheClipsTrimmedRegionAtItsPlace() throws Exception {
        try (TrainingData td = open()) {
            SceneExamples scenes = new SceneExamples(td, 44100, LENGTH);
            int clip = td.trainClip(0);
            float[] decoded = AudioLoader.atRate(44100).load(td.dataset().clip(clip).file()).samples();
            int[] region = Trim.of(40).span(decoded);
            assertThat(scenes.activeRegion(clip)).containsExactly(region);
            float[] audio = new float[LENGTH];
            float[] target = new float[td.numTags()];
            // silence instead of noise: the window is the clip's region, shifted by 1000 samples
            scenes.render(new SceneExamples.Plan(-50, List.of(new SceneExamples.Placement(clip, 1000))),
                    new double[LENGTH], audio, target);
            int shown = Math.min(region[1] - region[0], LENGTH - 1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(audio[i]).isZero();
            }
            for (int i = 0; i < shown; i++) {
                assertThat(audio[1000 + i]).isEqualTo(decoded[region[0] + i]);
            }
            assertThat(target).containsExactly(td.dataset().target(clip));
        }
    }

    @Test
    void aSoundIsLabelledExactlyWhenEnoughOfItShows() throws Exception {
        try (TrainingData td = open()) {
            SceneExamples scenes = new SceneExamples(td, 44100, LENGTH);
            int clip = td.trainClip(1);
            int active = scenes.activeLength(clip);
            int needed = Math.min(22050, (active + 1) / 2);
            float[] audio = new float[LENGTH];
            float[] target = new float[td.numTags()];
            double[] noise = new double[LENGTH];
            Arrays.fill(noise, 1.0);
            // the region ends `needed` samples into the window: labelled; one sample less: background
            scenes.render(new SceneExamples.Plan(-40, List.of(new SceneExamples.Placement(clip, needed - active))),
                    noise, audio, target);
            assertThat(target).containsExactly(td.dataset().target(clip));
            scenes.render(new SceneExamples.Plan(-40,
                    List.of(new SceneExamples.Placement(clip, needed - 1 - active))), noise, audio, target);
            assertThat(target).containsOnly(0f);
            // the background is the noise at the plan's level
            assertThat((double) audio[LENGTH - 1]).isCloseTo(0.01, within(1e-7));
            // wholly outside the window: nothing of the clip, no label
            scenes.render(new SceneExamples.Plan(-40, List.of(new SceneExamples.Placement(clip, LENGTH))), noise,
                    audio, target);
            assertThat(target).containsOnly(0f);
            assertThat(audio).containsOnly(audio[0]);
        }
    }

    @Test
    void drawsStayInTheirRangesAndGiveBackgroundAndNeighbours() throws Exception {
        try (TrainingData td = open()) {
            SceneExamples scenes = new SceneExamples(td, 44100, LENGTH);
            int background = 0;
            int withNeighbours = 0;
            float[] audio = new float[LENGTH];
            float[] target = new float[td.numTags()];
            for (int k = 0; k < 200; k++) {
                int clip = td.trainClip(k % td.trainSize());
                SceneExamples.Plan p = scenes.plan(clip, new SplittableRandom(k));
                assertThat(p.noiseDbfs()).isBetween(SceneExamples.NOISE_DBFS_MIN, SceneExamples.NOISE_DBFS_MAX);
                SceneExamples.Placement main = p.sounds().get(0);
                int active = scenes.activeLength(clip);
                assertThat(main.clip()).isEqualTo(clip);
                assertThat(main.at()).isBetween(-active + 1, LENGTH - 1);
                for (SceneExamples.Placement s : p.sounds().subList(1, p.sounds().size())) {
                    int gap = s.at() < main.at() ? main.at() - (s.at() + scenes.activeLength(s.clip()))
                            : s.at() - (main.at() + active);
                    assertThat(gap).isBetween(0, 44099);
                }
                withNeighbours += p.sounds().size() > 1 ? 1 : 0;
                if (k % 5 != 0) {
                    continue; // rendering (pink noise of 2 s) is the slow part: every 5th plan is enough
                }
                scenes.draw(clip, new SplittableRandom(k), audio, target);
                boolean labelled = false;
                for (float v : target) {
                    labelled |= v > 0;
                }
                background += labelled ? 0 : 1;
            }
            assertThat(withNeighbours).isBetween(120, 180);
            assertThat(background).isBetween(2, 24);
        }
    }

    @Test
    void aWindowDependsOnlyOnItsGenerator() throws Exception {
        try (TrainingData td = open()) {
            SceneExamples scenes = new SceneExamples(td, 44100, LENGTH);
            float[] a = new float[LENGTH];
            float[] b = new float[LENGTH];
            float[] ya = new float[td.numTags()];
            float[] yb = new float[td.numTags()];
            scenes.draw(td.trainClip(2), new SplittableRandom(7), a, ya);
            scenes.draw(td.trainClip(3), new SplittableRandom(8), b, yb);
            scenes.draw(td.trainClip(2), new SplittableRandom(7), b, yb);
            assertThat(b).containsExactly(a);
            assertThat(yb).containsExactly(ya);
        }
    }

    @Test
    void theRecipeParsesAndNeedsTheDecodedAudio() throws Exception {
        AugmentSpec spec = AugmentSpec.parse("scene:0.7,mix:0.3", null, 44100);
        assertThat(spec.sceneProbability()).isEqualTo(0.7);
        assertThat(spec.mixProbability()).isEqualTo(0.3);
        assertThat(spec.pipeline()).isNull();
        assertThat(spec.needsWaveforms()).isTrue();
        assertThatThrownBy(() -> AugmentSpec.parse("scene:2", null, 44100))
                .hasMessageContaining("probability of 'scene' is 2.0");
        try (TrainingData td = TinyRunData.open(TrainingConfig.builder().build(),
                cache.resolve("no-waves"))) {
            assertThatThrownBy(() -> new SceneExamples(td, 44100, LENGTH))
                    .hasMessageContaining("'scene' needs the decoded-audio cache");
        }
    }

    @Test
    void theTrainerWritesSceneExamplesThatDependOnlyOnTheirPosition() throws Exception {
        AugmentSpec spec = AugmentSpec.parse("scene:1", null, 44100);
        try (TrainingData td = open()) {
            TrainingExamples ex = new TrainingExamples(td, CachedFaithfulPipelineTest.MEL, spec, 0, 5L, 1);
            int size = ex.exampleSize();
            int background = 0;
            for (int position = 0; position < 24; position++) {
                float[] x = new float[size];
                float[] y = new float[td.numTags()];
                ex.write(td.trainClip(position % td.trainSize()), 1, position, x, 0, y, 0);
                float[] x2 = new float[size];
                float[] y2 = new float[td.numTags()];
                ex.write(td.trainClip(position % td.trainSize()), 1, position, x2, 0, y2, 0);
                assertThat(x2).containsExactly(x);
                assertThat(y2).containsExactly(y);
                for (float v : x) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
                boolean labelled = false;
                for (float v : y) {
                    labelled |= v > 0;
                }
                background += labelled ? 0 : 1;
            }
            // some windows show too little of any sound: all-zero targets, which plain crops never give
            assertThat(background).isBetween(1, 12);
        }
    }
}
