package quickstart;

import java.nio.file.Path;
import java.util.List;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingResult;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;

/** Trains a modDCNN on ESC-10 folds 1-3, validates on fold 5, exports it, and tags a clip with the exported model. */
public class TrainAndTagQuickStart {
    public static void main(String[] args) throws Exception {
        Dataset esc = Datasets.esc10(Path.of("data/esc10"), LoadOptions.defaults());
        TrainingConfig config = TrainingConfig.builder().architecture("moddcnn").epochs(10).batchSize(32).seed(1)
                .build();
        TrainingResult result = Trainer.builder(config).cacheRoot(Path.of("target/quickstart/cache")).build()
                .train(esc, esc.indicesOfFolds(1, 2, 3), esc.indicesOfFolds(5), Path.of("target/quickstart/run"));
        System.out.printf("best epoch %d, validation lwlrap %.3f%n", result.bestEpochNumber(), result.valLwlrap());

        // an application needs only audiotag-models for this part: the exported model carries its features
        try (Tagger tagger = Tagger.load(result.modelDir())) {
            List<TagScore> top = tagger.tag(Path.of("data/esc10/009 - Rooster/5-200334-A.ogg"), 3);
            top.forEach(t -> System.out.printf("%s %.3f%n", t.tag(), t.probability()));
        }
    }
}
