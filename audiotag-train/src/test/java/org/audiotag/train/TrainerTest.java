package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    static Dataset esc;
    static int[] train;
    static int[] val;

    @BeforeAll
    static void load() throws Exception {
        esc = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        // 4 clips per class from fold 1 for training, 1 per class from fold 5 for validation
        train = IntStream.of(esc.indicesOfFolds(1)).filter(i -> countBefore(i, 1) < 4).toArray();
        val = IntStream.of(esc.indicesOfFolds(5)).filter(i -> countBefore(i, 5) < 1).toArray();
    }

    static int countBefore(int i, int fold) {
        String label = esc.clip(i).labels().get(0);
        int c = 0;
        for (int j = 0; j < i; j++) {
            if (esc.clip(j).fold() == fold && esc.clip(j).labels().get(0).equals(label)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void trainsTwoEpochsExportsAndResumesIdentically(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(2).batchSize(20).seed(5).build();
        Trainer t = new Trainer(cfg, LogMelFeatures.pipelineA(), null, dir.resolve("cache"), null);
        TrainingResult full = t.train(esc, train, val, dir.resolve("full"));
        assertThat(train).hasSize(40);
        assertThat(val).hasSize(10);
        assertThat(full.history().records()).hasSize(2);
        assertThat(full.modelDir()).isDirectory();
        assertThat(full.modelDir().resolve("vocabulary.txt")).exists();
        assertThat(full.valLwlrap()).isBetween(0.0, 1.0);
        assertThat(Files.readString(dir.resolve("full/history.csv")).lines().count()).isEqualTo(3);

        // the same run interrupted after epoch 0 then resumed
        TrainingConfig one = cfg.toBuilder().epochs(1).build();
        Path part = dir.resolve("part");
        new Trainer(one, LogMelFeatures.pipelineA(), null, dir.resolve("cache"), null).train(esc, train, val, part);
        TrainingResult again = new Trainer(one, LogMelFeatures.pipelineA(), null, dir.resolve("cache"), null)
                .train(esc, train, val, dir.resolve("again"));
        System.out.println(full.history().records());
        System.out.println(again.history().records());
    }
}
