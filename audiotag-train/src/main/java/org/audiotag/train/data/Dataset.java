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
 * {@link Datasets}. Index {@code i} is stable: splits, caches and targets refer to clips by index. No file is in a
 * dataset twice (compared by normalised absolute path), so a {@link Split}, which puts each index in one fold, never
 * puts one file on both sides.
 */
public final class Dataset {

    private final String name;
    private final Vocabulary vocabulary;
    private final List<LabeledClip> clips;
    private final List<String> problems;

    /**
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
                throw new IllegalArgumentException(c.origin() + ": audio file " + c.file() + " is listed twice (also at "
                        + first.origin() + ")");
            }
        }
    }

    /** @return the description given at construction (usually the source path) */
    public String name() {
        return name;
    }

    /** @return the vocabulary */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** @return the number of clips */
    public int size() {
        return clips.size();
    }

    /**
     * @param i clip index
     * @return clip {@code i}
     */
    public LabeledClip clip(int i) {
        return clips.get(i);
    }

    /** @return all clips in index order (unmodifiable) */
    public List<LabeledClip> clips() {
        return clips;
    }

    /** @return messages for the entries left out under {@link RowPolicy#SKIP} (unmodifiable) */
    public List<String> problems() {
        return problems;
    }

    /**
     * @param i clip index
     * @return the multi-hot target of clip {@code i}, length {@code vocabulary().size()}
     */
    public float[] target(int i) {
        return vocabulary.encode(clips.get(i).labels());
    }

    /** @return the multi-hot targets of all clips, row-major {@code [size()][vocabulary().size()]} */
    public boolean[][] targetMatrix() {
        boolean[][] y = new boolean[clips.size()][vocabulary.size()];
        for (int i = 0; i < clips.size(); i++) {
            for (String l : clips.get(i).labels()) {
                y[i][vocabulary.indexOf(l)] = true;
            }
        }
        return y;
    }

    /** @return whether every clip carries a fold number from its source */
    public boolean hasFolds() {
        return !clips.isEmpty() && clips.stream().allMatch(c -> c.fold() != LabeledClip.NO_FOLD);
    }

    /** @return the distinct fold numbers the source assigned, ascending */
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
     * @param folds fold numbers
     * @return indices of the clips whose source fold is one of {@code folds}, ascending
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
     * A dataset of some clips of this one, in the given order, with the same vocabulary.
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
