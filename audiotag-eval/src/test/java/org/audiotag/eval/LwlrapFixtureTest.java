package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * lwlrap against the golden values of data/fixtures/librosa (scikit-learn 1.2.1 and the DCASE2019 reference code
 * with a stable argsort), both tie rules, to the fixture tolerance atol = 1e-12.
 */
class LwlrapFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"lwlrap_random_50x80", "lwlrap_random_200x80", "lwlrap_ties_7x5"})
    void sklearnTieRuleMatchesFixture(String name) throws IOException {
        TestData.LwlrapCase fx = TestData.lwlrapCase(name);
        assertThat(fx.atol()).isEqualTo(1e-12);
        LwlrapResult r = Lwlrap.compute(fx.predictions(), TieRule.SKLEARN);
        assertThat(r.lwlrap()).isCloseTo(fx.values().get("lwlrap_sklearn"), within(1e-12));
        assertThat(r.lwlrap()).isCloseTo(fx.values().get("lwlrap_direct"), within(1e-12));
        assertClose(r.classScores(), fx.perClassSklearn(), 1e-12);
        assertClose(r.classWeights(), fx.weights(), 1e-12);
        assertThat(r.tieRule()).isEqualTo(TieRule.SKLEARN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lwlrap_random_50x80", "lwlrap_random_200x80", "lwlrap_ties_7x5"})
    void referenceTieRuleMatchesFixture(String name) throws IOException {
        TestData.LwlrapCase fx = TestData.lwlrapCase(name);
        LwlrapResult r = Lwlrap.compute(fx.predictions(), TieRule.REFERENCE);
        assertThat(r.lwlrap()).isCloseTo(fx.values().get("lwlrap_dcase_reference_stable_argsort"), within(1e-12));
        assertClose(r.classScores(), fx.perClassReference(), 1e-12);
        assertClose(r.classWeights(), fx.weights(), 1e-12);
        // the default is the reference rule
        assertThat(Lwlrap.compute(fx.predictions()).lwlrap()).isEqualTo(r.lwlrap());
        // lwlrap = sum_c weight_c * score_c
        double sum = 0;
        for (int c = 0; c < fx.c(); c++) {
            sum += r.classWeights()[c] * r.classScores()[c];
        }
        assertThat(sum).isCloseTo(r.lwlrap(), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lwlrap_random_50x80", "lwlrap_random_200x80", "lwlrap_ties_7x5"})
    void fixtureAgreesWithBruteForce(String name) throws IOException {
        Predictions p = TestData.lwlrapCase(name).predictions();
        for (TieRule rule : TieRule.values()) {
            assertThat(Lwlrap.compute(p, rule).lwlrap()).isCloseTo(BruteForce.lwlrap(p, rule), within(1e-12));
            assertClose(Lwlrap.compute(p, rule).classScores(), BruteForce.perClassLwlrap(p, rule), 1e-12);
        }
    }

    @org.junit.jupiter.api.Test
    void tieCaseDistinguishesTheRules() throws IOException {
        Predictions p = TestData.lwlrapCase("lwlrap_ties_7x5").predictions();
        assertThat(Lwlrap.compute(p, TieRule.SKLEARN).lwlrap()).isCloseTo(0.65, within(1e-12));
        assertThat(Lwlrap.compute(p, TieRule.REFERENCE).lwlrap()).isCloseTo(0.6625, within(1e-12));
    }

    static void assertClose(double[] actual, double[] expected, double atol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < actual.length; k++) {
            assertThat(actual[k]).as("element %d", k).isCloseTo(expected[k], within(atol));
        }
    }
}
