package org.audiotag.example.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.audiotag.augment.GainTransform;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.Tagger;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingResult;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses every audiotag module as an application would, on the module path and through exported packages only:
 * train a tiny model on real ESC-10 clips and export it, tag a clip with the exported model, evaluate, augment.
 */
class DownstreamTest {

    static Path root() {
        String p = System.getProperty("audiotag.root");
        return Path.of(p == null ? "../.." : p).toAbsolutePath().normalize();
    }

    @Test
    void tagsEvaluatesAndAugmentsThroughThePublicApi(@TempDir Path dir) throws Exception {
        assertEquals("org.audiotag.example.downstream", getClass().getModule().getName());
        assertEquals("org.audiotag.models", Tagger.class.getModule().getName());
        assertFalse(Tagger.class.getModule().isExported("org.audiotag.models.internal"));
        assertFalse(Trainer.class.getModule().isExported("org.audiotag.train.internal"));

        Dataset all = Datasets.esc10(root().resolve("data/esc10"), LoadOptions.defaults());
        int[] pick = IntStream.concat(IntStream.of(all.indicesOfFolds(1)).filter(i -> i % 8 < 2),
                IntStream.of(all.indicesOfFolds(5)).filter(i -> i % 8 == 0)).toArray();
        Dataset esc = all.subset(pick); // only these clips get features computed
        int[] train = IntStream.range(0, esc.size()).filter(i -> esc.clip(i).fold() == 1).toArray();
        int[] val = IntStream.range(0, esc.size()).filter(i -> esc.clip(i).fold() == 5).toArray();
        TrainingConfig cfg = TrainingConfig.builder().architecture(Architecture.DCNN.cliName()).epochs(1)
                .batchSize(16).seed(3).build();
        TrainingResult r = Trainer.builder(cfg).features(LogMelFeatures.from(FeatureConfig.pipelineA()))
                .cacheRoot(dir.resolve("cache")).build().train(esc, train, val, dir.resolve("run"));
        assertTrue(r.modelDir().toFile().isDirectory());

        // tag a clip with the exported model
        Path clip = esc.clip(val[0]).file();
        List<String> lines = TagFiles.tag(r.modelDir(), List.of(clip), 3);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith(clip.getFileName().toString() + " "), lines.get(0));
        assertEquals(3, lines.get(0).chars().filter(c -> c == ':').count(), lines.get(0));

        // evaluate the model's scores on the validation clips with lwlrap
        boolean[][] truth = new boolean[val.length][];
        float[][] scores = new float[val.length][];
        try (Tagger tagger = Tagger.load(r.modelDir())) {
            for (int i = 0; i < val.length; i++) {
                float[] t = esc.target(val[i]);
                truth[i] = new boolean[t.length];
                for (int k = 0; k < t.length; k++) {
                    truth[i][k] = t[k] > 0;
                }
                scores[i] = tagger.scores(esc.clip(val[i]).file());
            }
        }
        double lw = Lwlrap.compute(Predictions.of(truth, scores)).lwlrap();
        assertTrue(lw > 0 && lw <= 1, "lwlrap " + lw);
        float[][] perfect = new float[val.length][];
        for (int i = 0; i < val.length; i++) {
            perfect[i] = esc.target(val[i]);
        }
        assertEquals(1.0, Lwlrap.compute(Predictions.of(truth, perfect)).lwlrap(), 1e-12);

        // augment: +6 dB gain multiplies the samples by 10^(6/20)
        float[] y = AudioLoader.atRate(44100).load(clip).samples();
        LabeledAudio louder = GainTransform.apply(LabeledAudio.of(y, 44100, clip.toString()), 6.0);
        int i = IntStream.range(0, y.length).filter(k -> Math.abs(y[k]) > 1e-3).findFirst().orElseThrow();
        assertEquals(y[i] * Math.pow(10, 6.0 / 20), louder.samples()[i], 1e-4);
    }
}
