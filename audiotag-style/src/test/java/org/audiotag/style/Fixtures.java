package org.audiotag.style;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the librosa 0.10.2 golden files through fixtures.tsv. */
final class Fixtures {
    private Fixtures() { }

    /** One case of fixtures.tsv. */
    record Case(String name, String file, int[] shape, Map<String, String> inputs, double atol, double rtol) { }

    static Path root() {
        String r = System.getProperty("audiotag.root");
        Path p = r == null ? Path.of("..") : Path.of(r);
        return p.toAbsolutePath().normalize();
    }

    static Path dir() {
        return root().resolve("data/fixtures/librosa");
    }

    private static Map<String, Case> cases;

    static synchronized Case get(String name) {
        if (cases == null) {
            cases = new HashMap<>();
            try {
                List<String> lines = Files.readAllLines(dir().resolve("fixtures.tsv"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t", -1);
                    String[] dims = f[4].split(",");
                    int[] shape = new int[dims.length];
                    for (int i = 0; i < dims.length; i++) {
                        shape[i] = dims[i].isEmpty() ? 0 : Integer.parseInt(dims[i]);
                    }
                    Map<String, String> in = new HashMap<>();
                    if (!f[6].isEmpty()) {
                        for (String kv : f[6].split(";")) {
                            String[] p = kv.split("=", 2);
                            in.put(p[0], p[1]);
                        }
                    }
                    double atol = f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]);
                    double rtol = f[8].isEmpty() ? Double.NaN : Double.parseDouble(f[8]);
                    cases.put(f[0], new Case(f[0], f[2], shape, in, atol, rtol));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Case c = cases.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return c;
    }

    /** Reads a .f32 or .f64 file (relative to the fixture folder) as doubles. */
    static double[] read(String rel) {
        try {
            ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(dir().resolve(rel))).order(ByteOrder.LITTLE_ENDIAN);
            if (rel.endsWith(".f64")) {
                double[] out = new double[bb.remaining() / 8];
                bb.asDoubleBuffer().get(out);
                return out;
            }
            float[] f = new float[bb.remaining() / 4];
            bb.asFloatBuffer().get(f);
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest violation ratio max_i |a-b| / (atol + rtol |b|); pass if &lt;= 1. */
    static double violation(double[] actual, double[] ref, double atol, double rtol) {
        if (actual.length != ref.length) {
            throw new AssertionError("length " + actual.length + " != " + ref.length);
        }
        double worst = 0.0;
        for (int i = 0; i < ref.length; i++) {
            double v = Math.abs(actual[i] - ref[i]) / (atol + rtol * Math.abs(ref[i]));
            if (!(v <= worst)) {
                worst = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            }
        }
        return worst;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
