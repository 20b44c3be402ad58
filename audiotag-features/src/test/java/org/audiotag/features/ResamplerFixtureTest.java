package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code resample} case of the librosa 0.10.2 fixtures ({@code data/fixtures/librosa/fixtures.tsv}): the
 * stored float32 input resampled in double must match librosa's float64 output within the case's double tolerance
 * {@code |java - ref| <= atol + rtol |ref|}.
 */
class ResamplerFixtureTest {

    private static final Pattern NAME = Pattern.compile("resample_[^_]+_(\\d+)_to_(\\d+)_(\\w+)");

    record Case(String name, String output, String input, int orig, int target, ResampleType type, double atol,
                double rtol) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path fixtures() {
        String r = System.getProperty("audiotag.root");
        return (r == null || r.isBlank() ? Path.of("..") : Path.of(r)).resolve("data/fixtures/librosa");
    }

    static Stream<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(fixtures().resolve("fixtures.tsv"));
        String[] head = lines.get(0).split("\t", -1);
        List<String> cols = List.of(head);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (!f[cols.indexOf("group")].equals("resample")) {
                continue;
            }
            String name = f[cols.indexOf("name")];
            Matcher m = NAME.matcher(name);
            assertThat(m.matches()).as("fixture name %s", name).isTrue();
            String input = f[cols.indexOf("inputs")];
            assertThat(input).startsWith("y=");
            out.add(new Case(name, f[cols.indexOf("output_file")], input.substring(2), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), ResampleType.fromLibrosaName(m.group(3)),
                    Double.parseDouble(f[cols.indexOf("atol")]), Double.parseDouble(f[cols.indexOf("rtol")])));
        }
        assertThat(out).hasSize(7);
        return out.stream();
    }

    static double[] read(String relative) throws Exception {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(fixtures().resolve(relative)))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (relative.endsWith(".f64")) {
            double[] d = new double[bb.remaining() / 8];
            bb.asDoubleBuffer().get(d);
            return d;
        }
        float[] f = new float[bb.remaining() / 4];
        bb.asFloatBuffer().get(f);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLibrosa(Case c) throws Exception {
        double[] y = read(c.input());
        double[] ref = read(c.output());
        double[] out = Resampler.resample(y, c.orig(), c.target(), c.type());
        assertThat(out).hasSize(ref.length);
        assertThat(Resampler.outputLength(y.length, c.orig(), c.target())).isEqualTo(ref.length);
        double worstRatio = 0;
        double maxErr = 0;
        int worstAt = -1;
        for (int i = 0; i < ref.length; i++) {
            double err = Math.abs(out[i] - ref[i]);
            double tol = c.atol() + c.rtol() * Math.abs(ref[i]);
            maxErr = Math.max(maxErr, err);
            if (err / tol > worstRatio) {
                worstRatio = err / tol;
                worstAt = i;
            }
        }
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "%s: max |err| %.3g, worst err/tol %.3g at %d (atol %.3g)", c.name(), maxErr, worstRatio, worstAt,
                c.atol()));
        assertThat(worstRatio).as("%s: worst error / tolerance (max |err| %s)", c.name(), maxErr)
                .isLessThanOrEqualTo(1.0);
        // and the float32 path lands within the float32 tolerance class of the same reference
        float[] yf = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            yf[i] = (float) y[i];
        }
        float[] of = Resampler.resample(yf, c.orig(), c.target(), c.type());
        for (int i = 0; i < ref.length; i++) {
            assertThat(Math.abs(of[i] - ref[i])).isLessThanOrEqualTo(1e-6 + 1e-5 * Math.abs(ref[i]));
        }
    }

    @Test
    void outputLengthIsCeilOfScaledLength() {
        assertThat(Resampler.outputLength(44099, 44100, 16000)).isEqualTo(16000);
        assertThat(Resampler.outputLength(220_544, 44100, 22050)).isEqualTo(110_272);
        assertThat(Resampler.outputLength(1, 44100, 16000)).isEqualTo(1);
        assertThat(Resampler.outputLength(0, 44100, 16000)).isZero();
        for (ResampleType t : ResampleType.values()) {
            double[] y = new double[1000];
            y[500] = 1;
            assertThat(Resampler.resample(y, 48000, 44100, t)).as(t.name()).hasSize(919);
            assertThat(Resampler.resample(y, 8000, 44100, t)).as(t.name()).hasSize(5513);
            assertThat(Resampler.resample(y, 16000, 16000, t)).as(t.name()).containsExactly(y);
        }
    }

    @Test
    void preservesDcAndInBandSinesForEveryMethod() {
        int n = 44100;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.25 + 0.5 * Math.sin(2 * Math.PI * 1000.0 * i / 44100);
        }
        for (ResampleType t : ResampleType.values()) {
            double[] r = Resampler.resample(y, 44100, 16000, t);
            assertThat(r).hasSize(16000);
            // away from the edges the output is the same sine sampled at 16 kHz
            double maxErr = 0;
            for (int i = 2000; i < 14000; i++) {
                double expect = 0.25 + 0.5 * Math.sin(2 * Math.PI * 1000.0 * i / 16000);
                maxErr = Math.max(maxErr, Math.abs(r[i] - expect));
            }
            // bounds: resampy's kaiser_fast table stride costs 0.4 % gain (see Resampler); scipy's beta-5 polyphase
            // filter has 5.8e-4 pass-band ripple here (scipy.signal.resample_poly gives the same 5.76e-4)
            double bound = switch (t) {
                case KAISER_FAST -> 4e-3;
                case POLYPHASE -> 1e-3;
                default -> 2e-4;
            };
            assertThat(maxErr).as(t.name()).isLessThan(bound);
        }
    }

    @Test
    void upsamplingInterpolatesInBandSines() {
        int n = 16000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 * Math.sin(2 * Math.PI * 440.0 * i / 16000) + 0.25 * Math.cos(2 * Math.PI * 3000.0 * i / 16000);
        }
        for (ResampleType t : ResampleType.values()) {
            double[] r = Resampler.resample(y, 16000, 44100, t);
            assertThat(r).hasSize(44100);
            double maxErr = 0;
            for (int i = 5000; i < 39000; i++) {
                double expect = 0.5 * Math.sin(2 * Math.PI * 440.0 * i / 44100)
                        + 0.25 * Math.cos(2 * Math.PI * 3000.0 * i / 44100);
                maxErr = Math.max(maxErr, Math.abs(r[i] - expect));
            }
            // kaiser_fast's pass band ends at 0.868 x 8 kHz and ripples more; the others are near exact
            assertThat(maxErr).as(t.name()).isLessThan(t == ResampleType.KAISER_FAST ? 5e-3 : 1e-3);
        }
    }

    @Test
    void fftIsExactForPeriodicBandLimitedSignals() {
        // a periodic signal whose harmonics are below both Nyquist frequencies is reproduced exactly by
        // scipy.signal.resample; covers odd and even lengths, powers of two and up/down-sampling
        int[][] sizes = {{5, 8}, {8, 5}, {7, 16}, {1000, 1024}, {1024, 999}, {441, 160}, {160, 441}};
        for (int[] sz : sizes) {
            int nx = sz[0];
            int num = sz[1];
            double[] x = new double[nx];
            for (int i = 0; i < nx; i++) {
                x[i] = 0.3 + Math.cos(2 * Math.PI * i / nx) - 0.5 * Math.sin(2 * Math.PI * i / nx + 0.7);
            }
            double[] y = ResampleKernels.fft(x, num);
            assertThat(y).hasSize(num);
            for (int j = 0; j < num; j++) {
                double expect = 0.3 + Math.cos(2 * Math.PI * j / num) - 0.5 * Math.sin(2 * Math.PI * j / num + 0.7);
                assertThat(y[j]).as("%d -> %d, sample %d", nx, num, j)
                        .isCloseTo(expect, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> Resampler.resample(new double[10], 0, 16000, ResampleType.FFT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orig_sr");
        assertThatThrownBy(() -> Resampler.resample(new double[10], 16000, -1, ResampleType.FFT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target_sr");
        assertThatThrownBy(() -> Resampler.resample(new double[1], 44100, 16000, ResampleType.KAISER_BEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> ResampleType.fromLibrosaName("soxr_hq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("res_type")
                .hasMessageContaining("kaiser_best, kaiser_fast, polyphase, fft");
        assertThat(ResampleType.fromLibrosaName("scipy")).isEqualTo(ResampleType.FFT);
        assertThat(ResampleType.fromLibrosaName("KAISER_BEST")).isEqualTo(ResampleType.KAISER_BEST);
        assertThat(Resampler.resample(new double[0], 44100, 16000, ResampleType.KAISER_BEST)).isEmpty();
    }
}
