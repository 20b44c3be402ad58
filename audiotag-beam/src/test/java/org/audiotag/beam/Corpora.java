package org.audiotag.beam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.models.TaggingConfig;
import org.audiotag.models.WindowAggregation;

/** The shipped audio, small corpora copied from it, a tiny exported model and DirectRunner pipelines for tests. */
final class Corpora {

    private Corpora() {
    }

    static final List<String> TAGS = List.of("Dog bark", "Rain", "Sea waves", "Baby cry", "Clock tick");

    static Path root() {
        String p = System.getProperty("audiotag.root");
        Path r = p != null && !p.isBlank() ? Path.of(p) : Path.of("..");
        if (!Files.isDirectory(r.resolve("data"))) {
            r = Path.of("..");
        }
        return r.toAbsolutePath().normalize();
    }

    static Path esc10() {
        return root().resolve("data/esc10");
    }

    /** The first {@code perClass} Ogg files (by name) of the first {@code classes} ESC-10 classes. */
    static List<Path> esc10Files(int classes, int perClass) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(esc10())) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().limit(classes).toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(f -> f.toString().endsWith(".ogg")).sorted().limit(perClass).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Copies files into {@code dir/<class folder>/<name>}, keeping one folder level; returns the copies. */
    static List<Path> copyTree(List<Path> files, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Path t = dir.resolve(f.getParent().getFileName().toString()).resolve(f.getFileName().toString());
            Files.createDirectories(t.getParent());
            Files.copy(f, t);
            out.add(t);
        }
        return out;
    }

    /** Writes the first third of an Ogg file: a stream with no end-of-stream page. */
    static Path truncatedCopy(Path ogg, Path target) throws IOException {
        byte[] b = Files.readAllBytes(ogg);
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOf(b, b.length / 3));
        return target;
    }

    /** A DirectRunner pipeline with {@code workers} threads. */
    static Pipeline pipeline(int workers) {
        return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
                "--targetParallelism=" + workers).create());
    }

    /**
     * A kaggle CNN on 128 x 128 pipeline-A log-mel windows (docs/ORIGINAL-PROJECT.md §1.3) with tiny widths, its
     * weights moved by two Adam steps on seeded data, exported for tagging.
     */
    static Path exportTinyModel(Path dir) throws IOException {
        FeatureConfig features = LogMelFeatures.from(FeatureConfig.pipelineA()).config();
        TaggingConfig t = TaggingConfig.builder().features(features).window(128).windowHop(64)
                .aggregation(WindowAggregation.MEAN).normalization(-40f, 20f).build();
        ModelConfig cfg = ModelConfig.builder().numTags(TAGS.size()).seed(11).inputShape(128, 128, 1)
                .widths(4, 8, 16).build();
        try (TagModel m = Architecture.KAGGLE.build(cfg)) {
            SplittableRandom r = new SplittableRandom(21);
            for (int i = 0; i < 2; i++) {
                float[] x = new float[2 * m.exampleSize()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = (float) r.nextGaussian();
                }
                float[] y = new float[2 * m.numTags()];
                for (int k = 0; k < y.length; k++) {
                    y[k] = r.nextDouble() < 0.3 ? 1f : 0f;
                }
                m.trainStep(x, y, 2, 1e-2f);
            }
            return ExportedModel.write(m, dir, t, TAGS, Map.of("config", "test", "dataset", "none"));
        }
    }
}
