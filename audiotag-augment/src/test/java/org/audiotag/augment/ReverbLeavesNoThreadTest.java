package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application whose {@code main} applies {@link ReverbTransform} and returns must let its JVM exit at once: no
 * library class may leave a non-daemon thread behind (an FFT library's cached thread pool used to keep the JVM
 * alive for another 60 s after a large convolution).
 */
class ReverbLeavesNoThreadTest {

    /** The child application: reverberates 5 s of noise with a 1.5 s impulse response (a 2^19-point FFT). */
    public static final class ReverbThenReturn {
        private ReverbThenReturn() {
        }

        /**
         * @param args unused
         */
        public static void main(String[] args) {
            int sr = 44100;
            SplittableRandom r = new SplittableRandom(7);
            float[] ir = new float[sr * 3 / 2];
            for (int i = 0; i < ir.length; i++) {
                ir[i] = (float) (r.nextGaussian() * Math.exp(-i / (0.3 * sr)));
            }
            float[] y = new float[5 * sr];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) (0.1 * r.nextGaussian());
            }
            ReverbTransform rev = ReverbTransform.builder(List.of(ImpulseResponse.of("noise-ir", ir, sr)), sr)
                    .faithful().build();
            float[] out = rev.convolve(LabeledAudio.of(y, sr, "noise"), 0).samples();
            System.out.println("applied " + out.length);
            System.out.flush();
        }
    }

    @Test
    void aJvmWhoseMainAppliedReverbExitsWithinSecondsOfReturning() throws Exception {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> path = new ArrayList<>();
        for (String key : new String[] {"java.class.path", "jdk.module.path"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isEmpty()) {
                path.add(v);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx1g", "-cp", String.join(File.pathSeparator, path),
                ReverbThenReturn.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        long returnedAt = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("applied ")) {
                    returnedAt = System.nanoTime();
                    break;
                }
            }
            // keep draining so the child never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    in.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the child has exited
                }
            });
            drain.setDaemon(true);
            drain.start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            long exitedAt = System.nanoTime();
            if (!exited) {
                p.destroyForcibly();
            }
            assertThat(returnedAt).as("the child applied the reverb; its output:\n%s", output).isPositive();
            assertThat(exited).as("the child JVM exited").isTrue();
            assertThat(p.exitValue()).isZero();
            double lingerSeconds = (exitedAt - returnedAt) / 1e9;
            assertThat(lingerSeconds).as("seconds between main returning and the JVM exiting").isLessThan(5.0);
        }
    }
}
