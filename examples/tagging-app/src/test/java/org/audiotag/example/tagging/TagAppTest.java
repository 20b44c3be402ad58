package org.audiotag.example.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.models.TaggingConfig;
import org.audiotag.models.WindowAggregation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tagging application with audiotag-models alone: a tiny model is fitted to two real clips and exported with the
 * models API, then tagged (first 2 s, as fitted) through {@link TagApp}, in this JVM and in a child JVM that must end when main returns.
 */
class TagAppTest {

    private static final Path ROOT = Path.of(System.getProperty("audiotag.root", "../..")).toAbsolutePath()
            .normalize();
    private static final Path BARK = ROOT.resolve("data/esc10/001 - Dog bark/1-100032-A.ogg");
    private static final Path ROOSTER = ROOT.resolve("data/esc10/009 - Rooster/1-26806-A.ogg");

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void exportATinyModel() throws Exception {
        LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
        List<TimeMajorFeatures> x = new ArrayList<>();
        for (Path f : List.of(BARK, ROOSTER)) {
            TimeMajorFeatures all = mel.compute(f);                 // whole clip, time-major
            float[] first = new float[128 * all.bins()];
            System.arraycopy(all.data(), 0, first, 0, first.length);
            x.add(new TimeMajorFeatures(128, all.bins(), first));   // the first 128 frames
        }
        ModelConfig cfg = ModelConfig.builder().numTags(2).seed(7).inputShape(128, 128, 1).widths(4, 8, 16).build();
        try (TagModel m = Architecture.KAGGLE.build(cfg)) {
            for (int step = 0; step < 30; step++) {
                m.trainStep(x, new float[] {1, 0, 0, 1}, 3e-3f);
            }
            model = ExportedModel.write(m, dir.resolve("model"), TaggingConfig.builder().features(mel.config())
                    .window(128).windowHop(64).aggregation(WindowAggregation.FIRST).build(), List.of("Dog bark", "Rooster"), Map.of());
        }
    }

    @Test
    void needsNoAudiotagModuleButModelsAndFeatures() {
        assertEquals("org.audiotag.example.tagging", getClass().getModule().getName());
        for (String absent : List.of("org.audiotag.train", "org.audiotag.augment", "org.audiotag.eval")) {
            assertTrue(ModuleLayer.boot().findModule(absent).isEmpty(), absent + " must not be on the module path");
        }
        assertTrue(ModuleLayer.boot().findModule("org.audiotag.models").isPresent());
    }

    @Test
    void tagsEachFileWithTheFittedTagFirst() throws Exception {
        List<String> lines = TagApp.tag(model, List.of(BARK, ROOSTER), 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("1-100032-A.ogg Dog bark:"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1-26806-A.ogg Rooster:"), lines.get(1));
    }

    @Test
    void theApplicationsJvmEndsAsSoonAsMainReturns() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("child.txt");
        // Surefire puts the jars no module names in a `requires` (TensorFlow's native library, an automatic
        // module) on the class path; an application launched with
        // `java --module-path lib -m ...` has all its jars in one folder, so they go on the module path here too
        StringBuilder modulePath = new StringBuilder(System.getProperty("jdk.module.path"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.matches(".*(junit|opentest4j|apiguardian|surefire).*")) {
                modulePath.append(File.pathSeparator).append(entry);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(java, "--module-path", modulePath.toString(), "-m",
                "org.audiotag.example.tagging/org.audiotag.example.tagging.TagApp", model.toString(),
                BARK.toString()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.start();
        // loading TensorFlow and tagging take seconds; a lingering non-daemon thread would keep the JVM for 60 s more
        boolean ended = p.waitFor(45, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String text = Files.readString(out);
        assertTrue(ended, "the JVM was still running 45 s after start: " + text);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("1-100032-A.ogg Dog bark:"), text);
    }
}
