package org.audiotag.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * An assignment of every clip of a dataset to one of {@code k} folds, made by iterative stratification of order 2
 * ({@link IterativeStratification}; docs/ORIGINAL-PROJECT.md §2) so that single labels and label pairs are spread
 * evenly, or taken from the source's folds. For a train/validation split (as the original's
 * {@code iterative_train_test_split}) fold 0 is validation and fold 1 is training. Immutable; written to and read
 * from a CSV {@code path,fold} so that a split is reproducible (the original's was lost, docs/ORIGINAL-PROJECT.md
 * §10.13).
 *
 * <p>A seeded 10 % validation split as the original's, saved beside the run:
 * {@snippet :
 * Split split = Split.trainValidation(dataset, 0.1, 42);  // fold 0: validation, fold 1: training
 * int[] validation = split.indicesIn(0);
 * int[] train = split.indicesNotIn(0);
 * split.write(Path.of("run-split.csv"), dataset);         // path,fold rows
 * Split again = Split.read(Path.of("run-split.csv"), dataset);
 * Split folds = Split.kFold(dataset, 5, 42);              // 5 stratified folds, 0..4
 * }
 */
public final class Split {

    private final int[] fold;
    private final int numFolds;

    private Split(int[] fold, int numFolds) {
        this.fold = fold.clone();
        this.numFolds = numFolds;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < 0 || fold[i] >= numFolds) {
                throw new IllegalArgumentException("fold: clip " + i + " has fold " + fold[i] + ", must be in [0, "
                        + numFolds + ")");
            }
        }
    }

    /**
     * Creates a split from the fold of each clip.
     *
     * @param fold fold of each clip, each in {@code [0, numFolds)}
     * @param numFolds number of folds k ≥ 2
     * @return the split
     * @throws IllegalArgumentException if a fold is outside {@code [0, numFolds)}
     */
    public static Split of(int[] fold, int numFolds) {
        if (numFolds < 2) {
            throw new IllegalArgumentException("numFolds: " + numFolds + " must be ≥ 2");
        }
        return new Split(fold, numFolds);
    }

    /**
     * Splits into training and validation by iterative stratification of order 2 (docs/ORIGINAL-PROJECT.md §2):
     * about {@code testSize} of the clips go to the validation fold 0, the rest to fold 1. The original drew without a
     * seed; here the same seed gives the same split.
     *
     * @param dataset the clips and their labels
     * @param testSize the validation fraction in (0, 1), the original used 0.1
     * @param seed tie-breaking seed
     * @return the split (2 folds)
     */
    public static Split trainValidation(Dataset dataset, double testSize, long seed) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("testSize: " + testSize + " must be in (0, 1)");
        }
        int[] f = IterativeStratification.assign(dataset.targetMatrix(), new double[] {testSize, 1 - testSize}, 2,
                seed);
        return new Split(f, 2);
    }

    /**
     * Splits into {@code k} stratified folds of equal desired size by iterative stratification of order 2.
     *
     * @param dataset the clips and their labels
     * @param k number of folds, 2 ≤ k ≤ dataset size
     * @param seed tie-breaking seed
     * @return the split
     */
    public static Split kFold(Dataset dataset, int k, long seed) {
        if (k < 2 || k > dataset.size()) {
            throw new IllegalArgumentException("k: " + k + " must be in [2, " + dataset.size() + "]");
        }
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        return new Split(IterativeStratification.assign(dataset.targetMatrix(), p, 2, seed), k);
    }

    /**
     * Returns the split given by the dataset's own folds (e.g. ESC-10's), fold numbers mapped in ascending order to
     * 0..k-1 (ESC-10's 1, 2, 3, 5 become 0, 1, 2, 3).
     *
     * @param dataset a dataset with {@link Dataset#hasFolds()}
     * @return the split
     * @throws IllegalArgumentException if the dataset has no folds or only one
     */
    public static Split fromSourceFolds(Dataset dataset) {
        if (!dataset.hasFolds() || dataset.folds().size() < 2) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no source folds (needs ≥ 2)");
        }
        List<Integer> f = new ArrayList<>(dataset.folds());
        int[] a = new int[dataset.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = f.indexOf(dataset.clip(i).fold());
        }
        return new Split(a, f.size());
    }

    /** Returns the number of folds k. */
    public int numFolds() {
        return numFolds;
    }

    /** Returns the number of clips, equal to the size of the dataset it was made for. */
    public int size() {
        return fold.length;
    }

    /**
     * Returns the fold of clip {@code i}.
     *
     * @param i clip index
     * @return its fold, in {@code [0, numFolds())}
     */
    public int fold(int i) {
        return fold[i];
    }

    /**
     * Returns the indices of the clips in fold {@code k}, ascending (the validation clips of fold {@code k}).
     *
     * @param k a fold
     * @return the indices
     */
    public int[] indicesIn(int k) {
        return IntStream.range(0, fold.length).filter(i -> fold[i] == k).toArray();
    }

    /**
     * Returns the indices of the clips not in fold {@code k}, ascending (the training clips when {@code k} is held
     * out).
     *
     * @param k a fold
     * @return the indices
     */
    public int[] indicesNotIn(int k) {
        return IntStream.range(0, fold.length).filter(i -> fold[i] != k).toArray();
    }

    /**
     * Writes {@code path,fold} rows (header included), paths as the dataset gives them, atomically (missing parent
     * folders are created).
     *
     * @param file destination
     * @param dataset the dataset this split belongs to
     * @throws IOException on write failure
     */
    public void write(Path file, Dataset dataset) throws IOException {
        checkSize(dataset);
        StringBuilder sb = new StringBuilder(Csv.line("path", "fold"));
        for (int i = 0; i < fold.length; i++) {
            sb.append(Csv.line(dataset.clip(i).file().toString(), fold[i]));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads a split written by {@link #write} and matches it to the clips of {@code dataset} by path.
     *
     * @param file the split file
     * @param dataset the dataset
     * @return the split
     * @throws IOException if the file cannot be read, has a bad row, or does not list exactly the dataset's clips
     */
    public static Split read(Path file, Dataset dataset) throws IOException {
        List<Csv.Row> rows = Csv.readAll(file);
        if (rows.isEmpty() || !rows.get(0).matches("path", "fold")) {
            throw new DatasetFormatException(file + ":" + (rows.isEmpty() ? 1 : rows.get(0).line())
                    + ": header must be 'path,fold'");
        }
        Map<String, Integer> byPath = new HashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            byPath.put(key(dataset.clip(i).file()), i);
        }
        int[] f = new int[dataset.size()];
        Arrays.fill(f, -1);
        int max = 0;
        for (Csv.Row r : rows.subList(1, rows.size())) {
            String where = file + ":" + r.line();
            if (r.size() != 2) {
                throw new DatasetFormatException(where + ": expected 2 fields (path,fold), found " + r.size());
            }
            Integer i = byPath.get(key(Path.of(r.get(0))));
            if (i == null) {
                throw new DatasetFormatException(where + ": " + r.get(0) + " is not a clip of " + dataset.name());
            }
            int k;
            try {
                k = Integer.parseInt(r.get(1).strip());
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(where + ": fold " + Csv.quoted(r.get(1)) + " is not an integer");
            }
            if (k < 0) {
                throw new DatasetFormatException(where + ": fold " + k + " is negative");
            }
            if (f[i] >= 0) {
                throw new DatasetFormatException(where + ": " + r.get(0) + " is listed twice");
            }
            f[i] = k;
            max = Math.max(max, k);
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i] < 0) {
                throw new DatasetFormatException(file + ": clip " + dataset.clip(i).file() + " has no fold");
            }
        }
        return of(f, Math.max(2, max + 1));
    }

    private static String key(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private void checkSize(Dataset d) {
        if (d.size() != fold.length) {
            throw new IllegalArgumentException("dataset has " + d.size() + " clips, split has " + fold.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && s.numFolds == numFolds && Arrays.equals(s.fold, fold);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fold) * 31 + numFolds;
    }
}
