package org.audiotag.beam;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One audio file of a corpus: the corpus root and the file's path relative to it, with {@code /} separators. The
 * relative path is what names the file in every output (the {@code fname} column of the scores, the mirrored
 * {@code .npy} tree, the dead letters, the shard hash), so it is the same on every machine.
 *
 * @param root absolute path of the corpus root (the folder, the glob's fixed prefix or the CSV list's folder)
 * @param relative path of the file relative to {@code root}, {@code /}-separated, never starting with {@code ..}
 */
public record CorpusFile(String root, String relative) implements Serializable, Comparable<CorpusFile> {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the two parts.
     *
     * @throws IllegalArgumentException if {@code relative} is empty, absolute or leaves the root
     */
    public CorpusFile {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(relative, "relative");
        if (relative.isEmpty() || relative.startsWith("/") || relative.equals("..") || relative.startsWith("../")
                || relative.contains("/../")) {
            throw new IllegalArgumentException("relative: '" + relative + "' is not a path inside the corpus root "
                    + root);
        }
    }

    /**
     * Returns the file's absolute path.
     *
     * @return {@code root/relative}
     */
    public Path path() {
        return Path.of(root).resolve(relative);
    }

    /** Orders files by relative path (the corpus order). */
    @Override
    public int compareTo(CorpusFile o) {
        return relative.compareTo(o.relative);
    }
}
