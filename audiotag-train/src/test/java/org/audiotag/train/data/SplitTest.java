package org.audiotag.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.audiotag.train.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {

    @Test
    void trainValidationSplitOfEsc10IsStratifiedPerClass() throws Exception {
        Dataset d = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        Split s = Split.trainValidation(d, 0.1, 42);
        int[] val = s.indicesIn(0);
        // 318 clips, 10 %: 31.8 desired; every class of ~32 clips gets 3 or 4 validation clips
        assertThat(val.length).isBetween(30, 34);
        int[] perClass = new int[10];
        for (int i : val) {
            perClass[d.vocabulary().indexOf(d.clip(i).labels().get(0))]++;
        }
        assertThat(java.util.Arrays.stream(perClass).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(3, 4));
        assertThat(Split.trainValidation(d, 0.1, 42)).isEqualTo(s);
        assertThat(s.indicesNotIn(0).length + val.length).isEqualTo(318);
    }

    @Test
    void multiLabelPairsAreSpreadAcrossFolds() {
        // 400 synthetic samples over 6 labels; every pair (a, b) should appear in each of 4 folds about equally
        SplittableRandom r = new SplittableRandom(7);
        boolean[][] y = new boolean[400][6];
        for (boolean[] row : y) {
            int a = r.nextInt(6);
            row[a] = true;
            if (r.nextInt(3) == 0) {
                row[(a + 1 + r.nextInt(5)) % 6] = true;
            }
        }
        int[] fold = IterativeStratification.assign(y, new double[] {0.25, 0.25, 0.25, 0.25}, 2, 1);
        int[] sizes = new int[4];
        for (int f : fold) {
            sizes[f]++;
        }
        assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(97, 103));
        for (int l = 0; l < 6; l++) {
            int[] per = new int[4];
            int total = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i][l]) {
                    per[fold[i]]++;
                    total++;
                }
            }
            double expect = total / 4.0;
            for (int f = 0; f < 4; f++) {
                assertThat((double) per[f]).isBetween(expect - 2, expect + 2);
            }
        }
        assertThatThrownBy(() -> IterativeStratification.assign(y, new double[] {0.5, 0.6}, 2, 1))
                .hasMessageContaining("proportions");
    }

    @Test
    void kFoldAndSourceFoldsRoundTripThroughAFile(@TempDir Path dir) throws Exception {
        Dataset d = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        Split k = Split.kFold(d, 5, 3);
        assertThat(k.numFolds()).isEqualTo(5);
        for (int f = 0; f < 5; f++) {
            assertThat(k.indicesIn(f).length).isBetween(62, 66);
        }
        Path file = dir.resolve("split.csv");
        k.write(file, d);
        assertThat(Split.read(file, d)).isEqualTo(k);
        Split src = Split.fromSourceFolds(d);
        assertThat(src.numFolds()).isEqualTo(4);
        assertThat(src.indicesIn(3)).containsExactly(d.indicesOfFolds(5));
        Files.writeString(file, "path,fold\n/nowhere.ogg,0\n");
        assertThatThrownBy(() -> Split.read(file, d)).hasMessageContaining(file + ":2:");
    }
}
