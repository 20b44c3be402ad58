package org.audiotag.train.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable list of labelled audio clips with the vocabulary their tags are encoded against, as read by
 * {@link Datasets}. Index {@code i} is stable: splits, caches and targets refer to clips by index. Targets are
 * multi-hot vectors over the vocabulary's order (docs/ORIGINAL-PROJECT.md §1.7); a clip may carry the fold number its
 * source assigned (ESC-10's 1, 2, 3, 5). No file is in a dataset twice (compared by normalised absolute path), so a
 * {@link Split}, which puts each index in one fold, never puts one file on both sides.
 *
 * <p>Select clips by source fold, by a {@link Split}, or keep only some:
 * {@snippet :
 * Dataset esc = Datasets.esc10(Path.of("data/esc10"), LoadOptions.defaults());
 * int[] train = esc.indicesOfFolds(1, 2, 3);        // indices, ascending
 * int[] validation = esc.indicesOfFolds(5);
 * LabeledClip first = esc.clip(validation[0]);      // file, labels, fold
 * float[] target = esc.target(validation[0]);       // multi-hot, esc.vocabulary().size() values
 * Dataset small = esc.subset(new int[] {0, 1, 2});  // same vocabulary, clips re-indexed 0..2
 * }
 */
public final class Dataset {

    private final String name;
    private final Vocabulary vocabulary;
    private final List<LabeledClip> clips;
    private final List<String> problems;

    /**
     * Creates a dataset from clips whose labels all belong to {@code vocabulary}.
     *
     * @param name a short description (the source path)
     * @param vocabulary the tags; every clip label must be in it
     * @param clips the clips
     * @param problems entries that were skipped, one message each
     * @throws IllegalArgumentException if a clip has a label outside the vocabulary, or two clips are the same file
     *     (the message names the file and the origins of both)
     */
    public Dataset(String name, Vocabulary vocabulary, List<LabeledClip> clips, List<String> problems) {
        this.name = Objects.requireNonNull(name, "name");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.clips = List.copyOf(clips);
        this.problems = List.copyOf(problems);
        for (LabeledClip c : this.clips) {
            for (String l : c.labels()) {
                if (!vocabulary.contains(l)) {
                    throw new IllegalArgumentException(c.origin() + ": label '" + l + "' is not in the vocabulary");
                }
            }
        }
        Map<Path, LabeledClip> byPath = new HashMap<>();
        for (LabeledClip c : this.clips) {
            LabeledClip first = byPath.putIfAbsent(c.file().toAbsolutePath().normalize(), c);
            if (first != null) {
                throw new IllegalArgumentException(c.origin() + ": audio file " + c.file()
                        + " is listed twice (also at " + first.origin() + ")");
            }
        }
    }

    /** Returns the description given at construction (usually the source path). */
    public String name() {
        return name;
    }

    /** Returns the vocabulary the targets are encoded against, in column order. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the number of clips. */
    public int size() {
        return clips.size();
    }

    /**
     * Returns clip {@code i}: its file, labels, fold and origin.
     *
     * @param i clip index, in {@code [0, size())}
     * @return the clip
     */
    public LabeledClip clip(int i) {
        return clips.get(i);
    }

    /** Returns all clips in index order (unmodifiable). */
    public List<LabeledClip> clips() {
        return clips;
    }

    /** Returns messages for the entries left out under {@link RowPolicy#SKIP} (unmodifiable). */
    public List<String> problems() {
        return problems;
    }

    /**
     * Returns the multi-hot target of clip {@code i}: 1 at the index of each of its labels, 0 elsewhere.
     *
     * @param i clip index
     * @return {@code vocabulary().size()} values, each 0 or 1
     */
    public float[] target(int i) {
        return vocabulary.encode(clips.get(i).labels());
    }

    /** Returns the multi-hot targets of all clips as a {@code [size()][vocabulary().size()]} matrix. */
    public boolean[][] targetMatrix() {
        boolean[][] y = new boolean[clips.size()][vocabulary.size()];
        for (int i = 0; i < clips.size(); i++) {
            for (String l : clips.get(i).labels()) {
                y[i][vocabulary.indexOf(l)] = true;
            }
        }
        return y;
    }

    /** Returns whether every clip carries a fold number from its source. */
    public boolean hasFolds() {
        return !clips.isEmpty() && clips.stream().allMatch(c -> c.fold() != LabeledClip.NO_FOLD);
    }

    /** Returns the distinct fold numbers the source assigned, ascending. */
    public SortedSet<Integer> folds() {
        SortedSet<Integer> s = new TreeSet<>();
        for (LabeledClip c : clips) {
            if (c.fold() != LabeledClip.NO_FOLD) {
                s.add(c.fold());
            }
        }
        return s;
    }

    /**
     * Returns the indices of the clips whose source fold is one of {@code folds}, ascending.
     *
     * @param folds fold numbers as the source gives them (ESC-10: 1, 2, 3, 5)
     * @return the indices; empty when no clip is in these folds
     */
    public int[] indicesOfFolds(int... folds) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            for (int f : folds) {
                if (clips.get(i).fold() == f) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Returns a dataset of some clips of this one, in the given order, with the same vocabulary and problems.
     *
     * @param indices clip indices
     * @return the subset
     * @throws IllegalArgumentException if an index is given twice (the subset would hold that file twice)
     */
    public Dataset subset(int[] indices) {
        List<LabeledClip> sub = new ArrayList<>(indices.length);
        for (int i : indices) {
            sub.add(clips.get(i));
        }
        return new Dataset(name, vocabulary, sub, problems);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + clips.size() + " clips, " + vocabulary.size() + " tags]";
    }
}
