package org.audiotag.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the librosa 0.10.2 golden fixtures ({@code data/fixtures/librosa/fixtures.json} and the raw files) for the
 * spectral tests. The manifest is parsed with a small JSON reader of our own (no JSON dependency in the module).
 */
final class SpectralFixtures {
    private SpectralFixtures() {
    }

    static Path root() {
        String r = System.getProperty("audiotag.root");
        Path p = r == null || r.isBlank() ? Paths.get("..") : Paths.get(r);
        return p.toAbsolutePath().normalize();
    }

    static Path dir() {
        return root().resolve("data/fixtures/librosa");
    }

    private static List<Case> cases;

    static synchronized List<Case> all() {
        if (cases == null) {
            try {
                String json = Files.readString(dir().resolve("fixtures.json"));
                @SuppressWarnings("unchecked")
                Map<String, Object> top = (Map<String, Object>) new Json(json).value();
                List<Case> out = new ArrayList<>();
                for (Object o : (List<?>) top.get("cases")) {
                    out.add(new Case(asMap(o)));
                }
                cases = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    static List<Case> group(String group) {
        return all().stream().filter(c -> c.group.equals(group)).collect(Collectors.toList());
    }

    static Case named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    static double[] read(String relative) {
        Path p = dir().resolve(relative);
        try {
            ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
            double[] out;
            if (relative.endsWith(".f64")) {
                out = new double[bb.remaining() / 8];
                bb.asDoubleBuffer().get(out);
            } else {
                float[] f = new float[bb.remaining() / 4];
                bb.asFloatBuffer().get(f);
                out = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    out[i] = f[i];
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** One fixture case. */
    static final class Case {
        final String name;
        final String group;
        final String function;
        final Map<String, Object> params;
        final Map<String, Object> inputs;
        final String outputFile;
        final int[] shape;
        final int[] logicalShape;
        final double atol;
        final double rtol;
        final double atol32;
        final double rtol32;

        Case(Map<String, Object> m) {
            name = (String) m.get("name");
            group = (String) m.get("group");
            function = (String) m.get("function");
            params = asMap(m.get("params"));
            inputs = asMap(m.get("inputs"));
            Map<String, Object> out = m.containsKey("output") ? asMap(m.get("output")) : Map.of();
            outputFile = (String) out.get("file");
            shape = ints(out.get("shape"));
            logicalShape = out.containsKey("logical_shape") ? ints(out.get("logical_shape")) : shape;
            Map<String, Object> tol = asMap(m.get("tolerance"));
            atol = num(tol.get("atol"));
            rtol = num(tol.get("rtol"));
            Map<String, Object> tol32 = m.containsKey("tolerance_float32") ? asMap(m.get("tolerance_float32")) : Map.of();
            atol32 = num(tol32.get("atol"));
            rtol32 = num(tol32.get("rtol"));
        }

        private static double num(Object o) {
            return o == null ? Double.NaN : ((Number) o).doubleValue();
        }

        private static int[] ints(Object o) {
            if (o == null) {
                return new int[0];
            }
            List<?> l = (List<?>) o;
            int[] r = new int[l.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = ((Number) l.get(i)).intValue();
            }
            return r;
        }

        double[] input(String role) {
            return read((String) asMap(inputs.get(role)).get("file"));
        }

        int inputSr(String role) {
            Object sr = asMap(inputs.get(role)).get("sr");
            return sr == null ? -1 : ((Number) sr).intValue();
        }

        double[] expected() {
            return read(outputFile);
        }

        int intParam(String key) {
            return ((Number) params.get(key)).intValue();
        }

        double doubleParam(String key, double ifNull) {
            Object o = params.get(key);
            return o == null ? ifNull : ((Number) o).doubleValue();
        }

        boolean boolParam(String key) {
            return Boolean.TRUE.equals(params.get(key));
        }

        String strParam(String key) {
            Object o = params.get(key);
            return o == null ? null : o.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Minimal JSON reader: objects to LinkedHashMap, arrays to List, numbers to Double/Long, null to null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': i += 4; return Boolean.TRUE;
                case 'f': i += 5; return Boolean.FALSE;
                case 'n': i += 4; return null;
                default: return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case 'r': b.append('\r'); break;
                        case 'b': b.append('\b'); break;
                        case 'f': b.append('\f'); break;
                        case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                        default: b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private Object number() {
            int st = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(st, i);
            if (t.equals("NaN") || t.isEmpty()) {
                if (s.startsWith("NaN", st)) {
                    i = st + 3;
                    return Double.NaN;
                }
                if (s.startsWith("Infinity", st)) {
                    i = st + 8;
                    return Double.POSITIVE_INFINITY;
                }
                throw new IllegalStateException("bad JSON at " + st);
            }
            if (t.equals("-") && s.startsWith("Infinity", i)) {
                i += 8;
                return Double.NEGATIVE_INFINITY;
            }
            return Double.parseDouble(t);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalStateException("expected '" + c + "' at " + i + " got '" + s.charAt(i) + "'");
            }
            i++;
        }
    }
}
