package org.audiotag.example.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.audiotag.style.SpectrogramImage;
import org.audiotag.style.StyleTransfer;
import org.audiotag.style.StyleTransferConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audiotag-style in an application without TensorFlow: images and inversion work, style transfer says why not. */
class SpectrogramAppTest {

    private static final Path BARK = root().resolve("data/esc10/001 - Dog bark/1-100032-A.ogg");

    static Path root() {
        String p = System.getProperty("audiotag.root");
        return Path.of(p == null ? "../.." : p).toAbsolutePath().normalize();
    }

    @Test
    void runsOnTheModulePathWithoutTensorFlow() {
        assertEquals("org.audiotag.example.spectrogram", getClass().getModule().getName());
        assertTrue(ModuleLayer.boot().findModule("tensorflow").isEmpty(), "TensorFlow must not be resolved");
        String modulePath = System.getProperty("jdk.module.path", "");
        assertTrue(List.of(modulePath.split(File.pathSeparator)).stream().noneMatch(p -> p.contains("tensorflow")),
                "no TensorFlow jar on the module path: " + modulePath);
    }

    @Test
    void rendersThePngAndInvertsTheMelSpectrogram(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("bark.png");
        Path wav = dir.resolve("bark.wav");
        double sc = SpectrogramApp.renderAndInvert(BARK, png, wav);
        assertTrue(sc > 0 && sc < 0.35, "spectral convergence " + sc);
        SpectrogramImage back = SpectrogramImage.read(png);
        assertEquals(64, back.nBins());
        assertEquals(1 + 110272 / 256, back.nFrames()); // 220,544 samples at 44.1 kHz, resampled to 22.05 kHz
        assertTrue(Files.size(wav) > 44 + 2 * 100_000, "16-bit WAV of the whole clip");
    }

    @Test
    void styleTransferSaysWhatToAddInsteadOfFailingDeepInside() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StyleTransfer(StyleTransferConfig.builder().build()));
        assertTrue(e.getMessage().contains("tensorflow"), e.getMessage());
    }

    @Test
    void theApplicationsJvmEndsAsSoonAsMainReturns(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire puts the jars no module names in a `requires` (automatic modules only a dependency needs) on the
        // class path; an application launched with `java --module-path lib -m ...` has all its jars in one
        // folder, so they go on the module path here too
        StringBuilder modulePath = new StringBuilder(System.getProperty("jdk.module.path"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.matches(".*(junit|opentest4j|apiguardian|surefire).*")) {
                modulePath.append(File.pathSeparator).append(entry);
            }
        }
        Process p = new ProcessBuilder(java, "--module-path", modulePath.toString(), "-m",
                "org.audiotag.example.spectrogram/org.audiotag.example.spectrogram.SpectrogramApp", BARK.toString(),
                dir.resolve("a.png").toString(), dir.resolve("a.wav").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        // the work takes a few seconds; a library thread that kept the JVM alive would hold it for 60 s more
        boolean ended = p.waitFor(40, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        assertTrue(ended, "the JVM was still running 40 s after start: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("spectral convergence"), out);
    }
}
