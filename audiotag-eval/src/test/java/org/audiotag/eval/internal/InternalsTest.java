package org.audiotag.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The internal kernels: index sort, both ranking paths, normal quantile. */
class InternalsTest {

    @Test
    void indexSortIsStableAndDescending() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            int n = rng.nextInt(300);
            double[] keys = new double[n];
            for (int i = 0; i < n; i++) {
                keys[i] = rng.nextInt(1 + trial % 10);
            }
            int[] got = IndexSort.orderDescending(keys, 0, 1, n);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingDouble((Integer i) -> -keys[i])); // List.sort is stable
            assertThat(got).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void scanAndSortPathsAgreeBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int nc = 1 + rng.nextInt(60);
            boolean[] t = new boolean[nc];
            double[] s = new double[nc];
            for (int c = 0; c < nc; c++) {
                t[c] = rng.nextDouble() < 0.5;
                s[c] = trial % 2 == 0 ? rng.nextInt(4) : rng.nextDouble();
            }
            for (boolean reference : new boolean[] {true, false}) {
                RankingKernel scan = new RankingKernel(nc, reference, Integer.MAX_VALUE);
                RankingKernel sort = new RankingKernel(nc, reference, 0);
                int[] p1 = new int[nc];
                int[] p2 = new int[nc];
                double[] q1 = new double[nc];
                double[] q2 = new double[nc];
                int n1 = scan.score(s, t, 0, p1, q1);
                int n2 = sort.score(s, t, 0, p2, q2);
                assertThat(n2).isEqualTo(n1);
                for (int j = 0; j < n1; j++) {
                    assertThat(p2[j]).isEqualTo(p1[j]);
                    assertThat(q2[j]).isEqualTo(q1[j]);
                }
            }
        }
    }

    @Test
    void normalFunctionsMatchKnownValues() {
        // values of scipy.special.erfc / scipy.stats.norm
        assertThat(NormalQuantile.erfc(0.5)).isCloseTo(0.4795001221869535, within(1e-15));
        assertThat(NormalQuantile.erfc(3.0) / 2.209049699858544e-05).isCloseTo(1.0, within(1e-13));
        assertThat(NormalQuantile.erfc(-1.0)).isCloseTo(1.8427007929497148, within(1e-15));
        assertThat(NormalQuantile.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(NormalQuantile.inverse(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(NormalQuantile.inverse(0.5)).isEqualTo(0.0);
        assertThat(NormalQuantile.inverse(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(NormalQuantile.inverse(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        // round trip: over the lower tail and up to x = 3 (above, Phi(x) rounds to few bits below 1)
        for (double x = -8; x <= 3; x += 0.37) {
            assertThat(NormalQuantile.inverse(NormalQuantile.cdf(x))).isCloseTo(x, within(1e-9 + 1e-9 * Math.abs(x)));
        }
        assertThatThrownBy(() -> NormalQuantile.inverse(1.2)).hasMessageContaining("p must be in [0, 1]");
    }
}
