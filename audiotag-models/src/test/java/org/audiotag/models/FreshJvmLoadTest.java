package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported SavedModel, copied to another folder, is loaded by a separate JVM that has only the module and the
 * directory (no architecture is built there) and gives bit-identical probabilities.
 */
class FreshJvmLoadTest {

    private static final String LOADER = """
            import java.io.*;
            import java.nio.file.Path;
            import org.audiotag.models.SavedModelRunner;
            public class LoadCheck {
                public static void main(String[] a) throws Exception {
                    float[] x;
                    try (DataInputStream in = new DataInputStream(new FileInputStream(a[1]))) {
                        x = new float[in.readInt()];
                        for (int i = 0; i < x.length; i++) x[i] = in.readFloat();
                    }
                    try (SavedModelRunner t = SavedModelRunner.load(Path.of(a[0]));
                         DataOutputStream out = new DataOutputStream(new FileOutputStream(a[3]))) {
                        float[] p = t.predict(x, Integer.parseInt(a[2]));
                        out.writeInt(p.length);
                        for (float f : p) out.writeFloat(f);
                        System.out.println(t.architecture() + " " + t.inputKind());
                    }
                }
            }
            """;

    @Test
    void exportLoadsInAnotherJvm(@TempDir Path tmp) throws Exception {
        Architecture a = Architecture.RESE2MULTI;
        int batch = 2;
        float[] x;
        float[] expected;
        Path export = tmp.resolve("export");
        try (TagModel m = a.build(Tiny.config(a).build())) {
            SplittableRandom r = new SplittableRandom(4);
            x = Tiny.features(batch * m.exampleSize(), r);
            m.trainStep(x, Tiny.targets(batch, m.numTags(), r), batch, 1e-2f);
            expected = m.predict(x, batch);
            m.exportSavedModel(export);
        }
        // the model moves: the other JVM loads it from a folder it was never written to, the original gone
        Path moved = tmp.resolve("elsewhere/model");
        Files.createDirectories(moved.getParent());
        Files.move(export, moved);
        Path in = tmp.resolve("x.bin");
        Path out = tmp.resolve("p.bin");
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(in))) {
            o.writeInt(x.length);
            for (float f : x) {
                o.writeFloat(f);
            }
        }
        Path src = tmp.resolve("LoadCheck.java");
        Files.writeString(src, LOADER);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isBlank()) {
            cmd.addAll(List.of("--module-path", mp, "--add-modules", "org.audiotag.models"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), src.toString(), moved.toString(),
                in.toString(), Integer.toString(batch), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("rese2multi RAW_WAVEFORM");
        float[] got;
        try (DataInputStream d = new DataInputStream(Files.newInputStream(out))) {
            got = new float[d.readInt()];
            for (int i = 0; i < got.length; i++) {
                got[i] = d.readFloat();
            }
        }
        assertThat(got).containsExactly(expected);
    }
}
