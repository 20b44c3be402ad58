package org.audiotag.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.audiotag.toolkit.Csv;
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

    /**
     * Issue 15: every clip listed twice once put the whole validation set into training too. Loaded with SKIP, the
     * repeats are dropped, and no split (train/validation, k folds, source folds, one read back from a file) puts
     * one file, by normalised absolute path, on both sides.
     */
    @Test
    void noSplitPutsOneFileOnBothSides(@TempDir Path dir) throws Exception {
        Dataset esc = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        StringBuilder csv = new StringBuilder("path,labels,fold\n");
        for (int round = 0; round < 2; round++) { // every clip twice, the second time written differently
            for (LabeledClip c : esc.clips()) {
                Path p = round == 0 ? c.file() : c.file().getParent().resolve(".").resolve(c.file().getFileName());
                csv.append(Csv.line(p.toString(), c.labels().get(0), c.fold()));
            }
        }
        Path list = Files.writeString(dir.resolve("twice.csv"), csv.toString());
        assertThatThrownBy(() -> Datasets.open(list, LoadOptions.defaults())).hasMessageContaining("listed twice");
        Dataset d = Datasets.open(list, LoadOptions.defaults().withPolicy(RowPolicy.SKIP));
        assertThat(d.size()).isEqualTo(esc.size());
        assertThat(d.problems()).hasSize(esc.size());
        Path file = dir.resolve("split.csv");
        Split.kFold(d, 4, 1).write(file, d);
        for (Split s : List.of(Split.trainValidation(d, 0.1, 42), Split.kFold(d, 5, 3), Split.fromSourceFolds(d),
                Split.read(file, d))) {
            for (int k = 0; k < s.numFolds(); k++) {
                Set<Path> in = paths(d, s.indicesIn(k));
                Set<Path> out = paths(d, s.indicesNotIn(k));
                assertThat(in).hasSize(s.indicesIn(k).length).doesNotContainAnyElementsOf(out);
                assertThat(in.size() + out.size()).isEqualTo(d.size());
            }
        }
    }

    private static Set<Path> paths(Dataset d, int[] idx) {
        Set<Path> s = new HashSet<>();
        for (int i : idx) {
            s.add(d.clip(i).file().toAbsolutePath().normalize());
        }
        return s;
    }
}
