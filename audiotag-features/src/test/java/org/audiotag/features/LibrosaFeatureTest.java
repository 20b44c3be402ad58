package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;
import org.audiotag.features.SpectralFixtures.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LibrosaFeature} against the librosa 0.10.2 fixtures of {@code librosa.stft} (magnitude),
 * {@code librosa.feature.melspectrogram}, {@code power_to_db(ref=1, top_db=80)} of a mel spectrogram and
 * {@code librosa.feature.mfcc}, each computed from the fixture's signal, plus its validation and serialized form.
 */
class LibrosaFeatureTest {

    static Stream<Case> stftCases() {
        return SpectralFixtures.group("stft").stream();
    }

    static Stream<Case> melspecCases() {
        return SpectralFixtures.group("melspectrogram").stream();
    }

    /** The MFCC cases computed from a signal without liftering ({@code lifter} is not a LibrosaFeature option). */
    static Stream<Case> mfccCases() {
        return SpectralFixtures.group("mfcc").stream()
                .filter(c -> c.inputs.containsKey("y") && c.doubleParam("lifter", 0) == 0);
    }

    /** The builder of a fixture case's mel parameters, as the spectral fixture test reads them. */
    private static LibrosaFeature.Builder melFeature(Case c, LibrosaFeature.Kind kind) {
        return LibrosaFeature.builder().kind(kind).stft(LibrosaSpectralFixtureTest.stftConfig(c))
                .nMels(c.intParam("n_mels"))
                .fMin(c.doubleParam("fmin", 0)).fMax(c.doubleParam("fmax", Double.NaN)).htk(c.boolParam("htk"))
                .norm(c.params.containsKey("norm") && c.params.get("norm") == null ? MelNorm.NONE : MelNorm.SLANEY)
                .power(c.doubleParam("power", Double.NaN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stftCases")
    void stftIsTheMagnitudeOfLibrosaStft(Case c) {
        LibrosaFeature f = LibrosaFeature.builder().kind(LibrosaFeature.Kind.STFT)
                .stft(LibrosaSpectralFixtureTest.stftConfig(c)).build();
        assertThat(f.power()).isEqualTo(1.0);
        DoubleMatrix mag = f.compute(c.input("y"), c.inputSr("y"));
        assertThat(new int[] {mag.rows(), mag.cols()}).containsExactly(c.logicalShape[0], c.logicalShape[1]);
        double[] ref = c.expected();
        double[] refMag = new double[ref.length / 2];
        for (int i = 0; i < refMag.length; i++) {
            refMag[i] = Math.hypot(ref[2 * i], ref[2 * i + 1]);
        }
        Tolerance.check(c.name, mag.toArray(), refMag, c.atol, c.rtol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("melspecCases")
    void melIsLibrosaMelspectrogram(Case c) {
        LibrosaFeature f = melFeature(c, LibrosaFeature.Kind.MEL).build();
        DoubleMatrix s = f.compute(c.input("y"), c.intParam("sr"));
        assertThat(new int[] {s.rows(), s.cols()}).containsExactly(c.shape[0], c.shape[1]);
        Tolerance.check(c.name, s.toArray(), c.expected(), c.atol, c.rtol);
    }

    @Test
    void logMelIsPowerToDbOfTheMelSpectrogram() {
        Case db = SpectralFixtures.named("power_to_db_chirpmel_ref1_top80");
        Case mel = SpectralFixtures.named("melspec_chirp44k_nfft2560_hop347_mels128_fmin20_power2");
        LibrosaFeature f = melFeature(mel, LibrosaFeature.Kind.LOG_MEL).topDb(db.doubleParam("top_db", 80)).build();
        DoubleMatrix s = f.compute(mel.input("y"), mel.intParam("sr"));
        assertThat(new int[] {s.rows(), s.cols()}).containsExactly(db.shape[0], db.shape[1]);
        // the mel spectrogram is recomputed from the signal (within its own fixture tolerance), so the dB values
        // carry that relative error, 10 log10(1 + 2e-7) dB at most above the clipping floor
        Tolerance.check(db.name, s.toArray(), db.expected(), 1e-5, 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mfccCases")
    void mfccIsLibrosaFeatureMfcc(Case c) {
        LibrosaFeature f = melFeature(c, LibrosaFeature.Kind.MFCC).nMfcc(c.intParam("n_mfcc")).build();
        DoubleMatrix m = f.compute(c.input("y"), c.intParam("sr"));
        assertThat(new int[] {m.rows(), m.cols()}).containsExactly(c.shape[0], c.shape[1]);
        Tolerance.check(c.name, m.toArray(), c.expected(), c.atol, c.rtol);
    }

    @Test
    void defaultsAreLibrosasAndPowerFollowsTheKind() {
        LibrosaFeature f = LibrosaFeature.builder().build();
        assertThat(f.kind()).isEqualTo(LibrosaFeature.Kind.LOG_MEL);
        assertThat(f.stft()).isEqualTo(StftConfig.builder().build());
        assertThat(f.nMels()).isEqualTo(128);
        assertThat(f.fMax()).isNaN();
        assertThat(f.norm()).isEqualTo(MelNorm.SLANEY);
        assertThat(f.power()).isEqualTo(2.0);
        assertThat(f.topDb()).isEqualTo(80.0);
        assertThat(f.nMfcc()).isEqualTo(20);
        assertThat(f.toBuilder().kind(LibrosaFeature.Kind.STFT).power(Double.NaN).build().power()).isEqualTo(1.0);
        assertThat(LibrosaFeature.Kind.parse("MFCC")).isEqualTo(LibrosaFeature.Kind.MFCC);
        assertThat(LibrosaFeature.Kind.LOG_MEL.label()).isEqualTo("logmel");
    }

    @Test
    void badParametersAreNamedAtBuildTime() {
        assertThatThrownBy(() -> LibrosaFeature.builder().nMels(0).build()).hasMessageContaining("n_mels");
        assertThatThrownBy(() -> LibrosaFeature.builder().fMin(-1).build()).hasMessageContaining("fmin");
        assertThatThrownBy(() -> LibrosaFeature.builder().fMin(100).fMax(50).build()).hasMessageContaining("fmax");
        assertThatThrownBy(() -> LibrosaFeature.builder().power(0).build()).hasMessageContaining("power");
        assertThatThrownBy(() -> LibrosaFeature.builder().topDb(-1).build()).hasMessageContaining("top_db");
        assertThatThrownBy(() -> LibrosaFeature.builder().kind(LibrosaFeature.Kind.MFCC).nMels(16).nMfcc(20).build())
                .hasMessageContaining("n_mfcc").hasMessageContaining("n_mels=16");
        assertThatThrownBy(() -> LibrosaFeature.Kind.parse("cqt")).hasMessageContaining("cqt");
        // a limit that needs the rate is the mel spectrogram's, at compute time
        LibrosaFeature high = LibrosaFeature.builder().fMax(20000).build();
        assertThatThrownBy(() -> high.compute(new double[4096], 16000)).hasMessageContaining("fmax");
    }

    @Test
    void serializedFormRoundTripsByValue() throws IOException, ClassNotFoundException {
        LibrosaFeature f = LibrosaFeature.builder().kind(LibrosaFeature.Kind.MFCC).nMfcc(13).nMels(40).fMin(20)
                .fMax(8000).htk(true).norm(MelNorm.NONE).topDb(Decibels.NO_TOP_DB)
                .stft(StftConfig.builder().nFft(1024).hopLength(300).padMode(PadMode.REFLECT).build()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(f).hasSameHashCodeAs(f);
        assertThat(back.toString()).isEqualTo(f.toString()).contains("kind=mfcc", "top_db=None");
    }
}
