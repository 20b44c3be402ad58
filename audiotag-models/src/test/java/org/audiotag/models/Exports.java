package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;

/** Small models exported for tagging, and the shipped audio, for the Tagger and ExportedModel tests. */
final class Exports {

    private Exports() {
    }

    static final List<String> TAGS = List.of("Dog bark", "Rain", "Sea waves", "Baby cry", "Clock tick");

    /** Pipeline A (docs/ORIGINAL-PROJECT.md §1.3) as whole-clip features. */
    static final FeatureConfig PIPELINE_A = LogMelFeatures.from(FeatureConfig.pipelineA()).config();

    static Path root() {
        String p = System.getProperty("audiotag.root");
        Path r = p != null && !p.isBlank() ? Path.of(p) : Path.of("..");
        if (!Files.isDirectory(r.resolve("data"))) {
            r = Path.of("..");
        }
        return r.toAbsolutePath().normalize();
    }

    static Path esc10(String relative) {
        return root().resolve("data/esc10").resolve(relative);
    }

    /**
     * Builds a small model, moves its weights a little (two Adam steps on seeded random data, so batch-norm
     * statistics are not the initial ones) and exports it for tagging.
     */
    static Path export(Path dir, Architecture a, ModelConfig cfg, TaggingConfig tagging, Map<String, String> training)
            throws IOException {
        try (TagModel m = a.build(cfg)) {
            SplittableRandom r = new SplittableRandom(21);
            for (int i = 0; i < 2; i++) {
                m.trainStep(Tiny.features(2 * m.exampleSize(), r), Tiny.targets(2, m.numTags(), r), 2, 1e-2f);
            }
            return ExportedModel.write(m, dir, tagging, TAGS, training);
        }
    }

    /** A kaggle CNN on 128 x 128 pipeline-A log-mel windows (the original image input), tiny widths. */
    static Path exportImageModel(Path dir, WindowAggregation aggregation, float mean, float std) throws IOException {
        TaggingConfig t = TaggingConfig.builder().features(PIPELINE_A).window(128).windowHop(64)
                .aggregation(aggregation).normalization(mean, std).build();
        return export(dir, Architecture.KAGGLE, Tiny.config(Architecture.KAGGLE).inputShape(128, 128, 1).build(), t,
                Map.of("config", "test", "dataset", "none"));
    }
}
