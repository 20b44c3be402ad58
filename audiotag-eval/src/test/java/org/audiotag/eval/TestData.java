package org.audiotag.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Locates the shipped data and reads the librosa / lwlrap golden files. */
public final class TestData {
    private TestData() {
    }

    /** @return the checkout root (system property audiotag.root, else the module's parent) */
    public static Path root() {
        String p = System.getProperty("audiotag.root");
        Path root = p == null || p.isBlank() ? Paths.get("..") : Paths.get(p);
        return root.toAbsolutePath().normalize();
    }

    /** @return data/fixtures/librosa */
    public static Path fixtures() {
        return root().resolve("data/fixtures/librosa");
    }

    /** One lwlrap fixture case: inputs, outputs and scalar reference values. */
    public record LwlrapCase(String name, int n, int c, boolean[] truth, double[] scores, double[] perClassSklearn,
            double[] perClassReference, double[] weights, Map<String, Double> values, double atol) {
        Predictions predictions() {
            return Predictions.ofFlat(n, c, truth, scores);
        }
    }

    /**
     * Reads an lwlrap case through fixtures.tsv (its shape from the name, inputs and outputs from the rows).
     *
     * @param name case name, e.g. lwlrap_ties_7x5
     * @return the case
     * @throws IOException if a file is missing
     */
    public static LwlrapCase lwlrapCase(String name) throws IOException {
        List<String> lines = Files.readAllLines(fixtures().resolve("fixtures.tsv"));
        String[] head = lines.get(0).split("\t", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int k = 0; k < head.length; k++) {
            col.put(head[k], k);
        }
        Map<String, double[]> outputs = new HashMap<>();
        String inputs = null;
        String scalars = null;
        double atol = Double.NaN;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (!f[col.get("name")].equals(name)) {
                continue;
            }
            String out = f[col.get("output_file")];
            outputs.put(out, readF64(fixtures().resolve(out)));
            inputs = f[col.get("inputs")];
            scalars = f[col.get("scalar_values")];
            atol = Double.parseDouble(f[col.get("atol")]);
        }
        if (inputs == null) {
            throw new IOException("no case " + name + " in fixtures.tsv");
        }
        Map<String, String> in = new HashMap<>();
        for (String kv : inputs.split(";")) {
            String[] p = kv.split("=", 2);
            in.put(p[0], p[1]);
        }
        Map<String, Double> values = new HashMap<>();
        for (String kv : scalars.split(";")) {
            String[] p = kv.split("=", 2);
            values.put(p[0], Double.parseDouble(p[1]));
        }
        String[] shape = name.substring(name.lastIndexOf('_') + 1).split("x");
        int n = Integer.parseInt(shape[0]);
        int c = Integer.parseInt(shape[1]);
        float[] t = readF32(fixtures().resolve(in.get("truth")));
        float[] s = readF32(fixtures().resolve(in.get("scores")));
        if (t.length != n * c || s.length != n * c) {
            throw new IOException(name + ": input sizes " + t.length + ", " + s.length + " != " + n + "x" + c);
        }
        boolean[] truth = new boolean[n * c];
        double[] scores = new double[n * c];
        for (int j = 0; j < n * c; j++) {
            if (t[j] != 0f && t[j] != 1f) {
                throw new IOException(name + ": truth value " + t[j] + " is not 0/1");
            }
            truth[j] = t[j] == 1f;
            scores[j] = s[j];
        }
        return new LwlrapCase(name, n, c, truth, scores,
                outputs.get("cases/" + name + "_per_class_lwlrap.f64"),
                outputs.get("cases/" + name + "_per_class_lwlrap_dcaseref_stable.f64"),
                outputs.get("cases/" + name + "_class_weights.f64"), values, atol);
    }

    static double[] readF64(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(out);
        return out;
    }

    static float[] readF32(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bb.remaining() / 4];
        bb.asFloatBuffer().get(out);
        return out;
    }

    /**
     * Random predictions with many ties: scores drawn from {@code levels} distinct values.
     *
     * @param rng source
     * @param n samples
     * @param c classes
     * @param pLabel probability of each label
     * @param levels number of distinct score values (small = many ties)
     * @return the predictions
     */
    public static Predictions random(SplittableRandom rng, int n, int c, double pLabel, int levels) {
        boolean[] t = new boolean[n * c];
        double[] s = new double[n * c];
        for (int j = 0; j < n * c; j++) {
            t[j] = rng.nextDouble() < pLabel;
            s[j] = levels > 0 ? rng.nextInt(levels) * 0.25 - 1 : rng.nextDouble() * 2 - 1;
        }
        return Predictions.ofFlat(n, c, t, s);
    }
}
