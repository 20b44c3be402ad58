package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.audiotag.features.SpectralFixtures.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the librosa 0.10.2 fixture groups stft, istft, filters.mel, melspectrogram, db, mfcc, delta, pcen
 * and mu, against the tolerance the case states (double API) and, where a float32 fast path exists, against
 * {@code tolerance_float32}.
 */
class LibrosaSpectralFixtureTest {

    static Stream<Case> stftCases() {
        return SpectralFixtures.group("stft").stream();
    }

    static Stream<Case> istftCases() {
        return SpectralFixtures.group("istft").stream();
    }

    static Stream<Case> melFilterCases() {
        return SpectralFixtures.group("filters.mel").stream();
    }

    static Stream<Case> melspecCases() {
        return SpectralFixtures.group("melspectrogram").stream();
    }

    static Stream<Case> dbCases() {
        return SpectralFixtures.group("db").stream();
    }

    static Stream<Case> mfccCases() {
        return SpectralFixtures.group("mfcc").stream();
    }

    static Stream<Case> deltaCases() {
        return SpectralFixtures.group("delta").stream();
    }

    static Stream<Case> pcenCases() {
        return SpectralFixtures.group("pcen").stream();
    }

    static Stream<Case> muCases() {
        return SpectralFixtures.group("mu").stream();
    }

    static StftConfig stftConfig(Case c) {
        StftConfig.Builder b = StftConfig.builder().nFft(c.intParam("n_fft"));
        if (c.params.get("hop_length") != null) {
            b.hopLength(c.intParam("hop_length"));
        }
        if (c.params.get("win_length") != null) {
            b.winLength(c.intParam("win_length"));
        }
        if (c.params.get("window") != null) {
            b.window(Window.parse(c.strParam("window")));
        }
        if (c.params.containsKey("center")) {
            b.center(c.boolParam("center"));
        }
        if (c.params.get("pad_mode") != null) {
            b.padMode(PadMode.parse(c.strParam("pad_mode")));
        }
        return b.build();
    }

    static MelSpectrogram melSpectrogram(Case c) {
        return MelSpectrogram.builder()
                .sampleRate(c.intParam("sr"))
                .stft(stftConfig(c))
                .nMels(c.intParam("n_mels"))
                .fMin(c.doubleParam("fmin", 0))
                .fMax(c.doubleParam("fmax", Double.NaN))
                .htk(c.boolParam("htk"))
                .norm(c.params.containsKey("norm") && c.params.get("norm") == null ? MelNorm.NONE : MelNorm.SLANEY)
                .power(c.doubleParam("power", 2.0))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stftCases")
    void stft(Case c) {
        double[] y = c.input("y");
        Stft stft = Stft.of(stftConfig(c));
        ComplexMatrix d = stft.stft(y);
        assertThat(new int[] {d.rows(), d.cols()}).containsExactly(c.logicalShape[0], c.logicalShape[1]);
        double[] ref = c.expected();
        Tolerance.checkComplex(c.name + " (double)", d.realParts(), d.imagParts(), ref, c.atol, c.rtol);

        // float32 fast path: |STFT| from float input must meet tolerance_float32 (|mag error| <= |complex error|)
        FeatureMatrix mag = stft.magnitude(SpectralFixtures.toFloat(y), 1f);
        double[] refMag = new double[ref.length / 2];
        for (int i = 0; i < refMag.length; i++) {
            refMag[i] = Math.hypot(ref[2 * i], ref[2 * i + 1]);
        }
        Tolerance.check(c.name + " (float32 magnitude)", mag.toDouble().toArray(), refMag, c.atol32, c.rtol32);
        // double magnitude path equals |stft|
        Tolerance.check(c.name + " (double magnitude)", stft.magnitude(y, 1.0).toArray(), refMag, c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("istftCases")
    void istft(Case c) {
        Case src = SpectralFixtures.named((String) SpectralFixtures.asMap(c.inputs.get("D")).get("from_case"));
        ComplexMatrix d = ComplexMatrix.ofInterleaved(src.logicalShape[0], src.logicalShape[1], c.input("D"));
        Stft stft = Stft.of(stftConfig(c));
        Object len = c.params.get("length");
        double[] y = len == null ? stft.istft(d) : stft.istft(d, ((Number) len).intValue());
        Tolerance.check(c.name, y, c.expected(), c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("melFilterCases")
    void melFilters(Case c) {
        double[] actual;
        if (c.function.equals("librosa.mel_frequencies")) {
            actual = MelScale.melFrequencies(c.intParam("n_mels"), c.doubleParam("fmin", 0),
                    c.doubleParam("fmax", 11025), c.boolParam("htk"));
        } else {
            int sr = c.intParam("sr");
            MelFilterBank bank = MelFilterBank.of(sr, c.intParam("n_fft"), c.intParam("n_mels"),
                    c.doubleParam("fmin", 0), c.doubleParam("fmax", sr / 2.0), c.boolParam("htk"),
                    c.params.get("norm") == null ? MelNorm.NONE : MelNorm.parse(c.strParam("norm")));
            DoubleMatrix dense = bank.dense();
            assertThat(new int[] {dense.rows(), dense.cols()}).containsExactly(c.shape[0], c.shape[1]);
            // sparse: about 2 non-zeros per FFT bin, never more than 3
            assertThat(bank.nonZeros()).isLessThanOrEqualTo(3 * bank.nBins());
            actual = dense.toArray();
        }
        Tolerance.check(c.name, actual, c.expected(), c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("melspecCases")
    void melspectrogram(Case c) {
        double[] y = c.input("y");
        MelSpectrogram mel = melSpectrogram(c);
        DoubleMatrix s = mel.compute(y);
        assertThat(new int[] {s.rows(), s.cols()}).containsExactly(c.shape[0], c.shape[1]);
        double[] ref = c.expected();
        Tolerance.check(c.name + " (double)", s.toArray(), ref, c.atol, c.rtol);
        Tolerance.check(c.name + " (float32)", mel.compute(SpectralFixtures.toFloat(y)).toDouble().toArray(), ref,
                c.atol32, c.rtol32);
        // from a given spectrogram (melspectrogram(S=...))
        DoubleMatrix spec = mel.stft().magnitude(y, mel.power());
        Tolerance.check(c.name + " (from S)", mel.fromSpectrogram(spec).toArray(), ref, c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dbCases")
    void decibels(Case c) {
        String role = c.inputs.keySet().iterator().next();
        Case src = SpectralFixtures.named((String) SpectralFixtures.asMap(c.inputs.get(role)).get("from_case"));
        DoubleMatrix s = DoubleMatrix.of(src.shape[0], src.shape[1], c.input(role));
        DoubleMatrix out;
        switch (c.function) {
            case "librosa.power_to_db":
            case "librosa.amplitude_to_db": {
                DbRef ref = DbRef.parse(c.strParam("ref"));
                double amin = c.doubleParam("amin", 1e-10);
                double top = c.doubleParam("top_db", Decibels.NO_TOP_DB);
                out = c.function.endsWith("power_to_db") ? Decibels.powerToDb(s, ref, amin, top)
                        : Decibels.amplitudeToDb(s, ref, amin, top);
                if (c.function.endsWith("power_to_db")) {
                    Tolerance.check(c.name + " (float32)",
                            Decibels.powerToDb(s.toFloat(), ref, amin, top).toDouble().toArray(), c.expected(),
                            c.atol32, c.rtol32);
                }
                break;
            }
            case "librosa.db_to_power":
                out = Decibels.dbToPower(s, c.doubleParam("ref", 1.0));
                break;
            case "librosa.db_to_amplitude":
                out = Decibels.dbToAmplitude(s, c.doubleParam("ref", 1.0));
                break;
            default:
                throw new AssertionError("unexpected db function " + c.function);
        }
        Tolerance.check(c.name, out.toArray(), c.expected(), c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mfccCases")
    void mfcc(Case c) {
        Mfcc mfcc = Mfcc.of(c.intParam("n_mfcc"), c.doubleParam("lifter", 0));
        assertThat(c.strParam("norm")).isEqualTo("ortho");
        assertThat(c.intParam("dct_type")).isEqualTo(2);
        double[] ref = c.expected();
        if (c.inputs.containsKey("S")) {
            Case src = SpectralFixtures.named((String) SpectralFixtures.asMap(c.inputs.get("S")).get("from_case"));
            DoubleMatrix s = DoubleMatrix.of(src.shape[0], src.shape[1], c.input("S"));
            Tolerance.check(c.name, mfcc.fromLogMel(s).toArray(), ref, c.atol, c.rtol);
            return;
        }
        double[] y = c.input("y");
        MelSpectrogram mel = melSpectrogram(c);
        DoubleMatrix m = mfcc.compute(mel, y);
        assertThat(new int[] {m.rows(), m.cols()}).containsExactly(c.shape[0], c.shape[1]);
        Tolerance.check(c.name + " (double)", m.toArray(), ref, c.atol, c.rtol);
        Tolerance.check(c.name + " (float32)", mfcc.compute(mel, SpectralFixtures.toFloat(y)).toDouble().toArray(),
                ref, c.atol32, c.rtol32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deltaCases")
    void delta(Case c) {
        Case src = SpectralFixtures.named((String) SpectralFixtures.asMap(c.inputs.get("data")).get("from_case"));
        DoubleMatrix data = DoubleMatrix.of(src.shape[0], src.shape[1], c.input("data"));
        assertThat(c.intParam("axis")).isEqualTo(-1);
        Delta delta = Delta.of(c.intParam("width"), c.intParam("order"), Delta.Mode.parse(c.strParam("mode")));
        Tolerance.check(c.name, delta.apply(data).toArray(), c.expected(), c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pcenCases")
    void pcen(Case c) {
        Case src = SpectralFixtures.named((String) SpectralFixtures.asMap(c.inputs.get("S")).get("from_case"));
        double[] s = c.input("S");
        double scale = c.doubleParam("input_scale", 1.0);
        for (int i = 0; i < s.length; i++) {
            s[i] *= scale;
        }
        assertThat(c.params.get("b")).isNull();
        assertThat(c.params.get("zi")).isNull();
        Pcen pcen = Pcen.builder().sampleRate(c.intParam("sr")).hopLength(c.intParam("hop_length"))
                .gain(c.doubleParam("gain", 0.98)).bias(c.doubleParam("bias", 2)).power(c.doubleParam("power", 0.5))
                .timeConstant(c.doubleParam("time_constant", 0.4)).eps(c.doubleParam("eps", 1e-6))
                .maxSize(c.intParam("max_size")).build();
        DoubleMatrix out = pcen.apply(DoubleMatrix.of(src.shape[0], src.shape[1], s));
        Tolerance.check(c.name, out.toArray(), c.expected(), c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("muCases")
    void muLaw(Case c) {
        double[] x = c.input("x");
        double mu = c.doubleParam("mu", 255);
        boolean q = c.boolParam("quantize");
        double[] out = c.function.equals("librosa.mu_compress") ? MuLaw.compress(x, mu, q) : MuLaw.expand(x, mu, q);
        if (c.atol == 0 && c.rtol == 0) {
            assertThat(out).as(c.name + " must match exactly").containsExactly(c.expected());
        } else {
            Tolerance.check(c.name, out, c.expected(), c.atol, c.rtol);
        }
        if (c.function.equals("librosa.mu_compress") && !q) {
            float[] f = MuLaw.compress(SpectralFixtures.toFloat(x), mu);
            double[] fd = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                fd[i] = f[i];
            }
            Tolerance.check(c.name + " (float32)", fd, c.expected(), c.atol32, c.rtol32);
        }
    }

    static List<String> groups() {
        return List.of("stft", "istft", "filters.mel", "melspectrogram", "db", "mfcc", "delta", "pcen", "mu");
    }
}
