package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.InputKind;
import org.audiotag.train.TestPaths;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;

/** Ten real ESC-10 clips (six of fold 1 for training, four of fold 5 for validation) as {@link TrainingData}. */
final class TinyRunData {

    private TinyRunData() {
    }

    static Dataset dataset() throws IOException {
        Dataset esc = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        int[] f1 = esc.indicesOfFolds(1);
        int[] f5 = esc.indicesOfFolds(5);
        // every 5th clip: several classes, and only these ten get features computed
        int[] pick = IntStream.concat(IntStream.range(0, 6).map(i -> f1[i * 5]), IntStream.range(0, 4)
                .map(i -> f5[i * 7])).toArray();
        return esc.subset(pick);
    }

    static TrainingData open(TrainingConfig cfg, Path cache) throws IOException {
        return TrainingData.open(dataset(), new int[] {0, 1, 2, 3, 4, 5}, new int[] {6, 7, 8, 9},
                InputKind.LOG_MEL_IMAGE, LogMelFeatures.from(FeatureConfig.pipelineA()), cfg, cache, false);
    }
}
