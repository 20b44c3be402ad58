package quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;

/** Builds the original project's modDCNN, fits it to two real clips, predicts, checkpoints and exports it. */
public class ModelsQuickStart {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/quickstart/models"));
        FeatureExtractor pipelineA = FeatureExtractor.of(FeatureConfig.pipelineA()); // 128 mels x 128 frames
        List<TimeMajorFeatures> x = new ArrayList<>();
        for (String file : List.of("data/esc10/001 - Dog bark/1-100032-A.ogg",
                "data/esc10/009 - Rooster/1-26806-A.ogg")) {
            x.add(TimeMajorFeatures.fromBinMajor(pipelineA.extract(AudioLoader.atRate(44100).load(Path.of(file)))));
        }
        float[] y = {1, 0, 0, 1};                                      // multi-hot targets: 2 clips x 2 tags
        try (TagModel model = Architecture.byName("moddcnn").build(ModelConfig.builder().numTags(2).seed(1).build())) {
            float loss = 0;
            for (int step = 0; step < 20; step++) {
                loss = model.trainStep(x, y, 1e-3f);                   // binary cross-entropy, Adam
            }
            float[] p = model.predict(x);                              // sigmoid probabilities, 2 x 2
            System.out.printf("loss %.4f, P(bark|bark) %.3f, P(rooster|rooster) %.3f%n", loss, p[0], p[3]);
            model.saveCheckpoint(out.resolve("ckpt/step-20"));         // every variable, Adam's state included
            model.exportSavedModel(out.resolve("saved-model"));        // serving_default: features -> probabilities
        }
    }
}
