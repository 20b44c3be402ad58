package org.audiotag.beam;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One part of a corpus split into {@code count} disjoint parts by a stable hash of each file's path relative to the
 * corpus root: a file belongs to part {@code index} when the first 8 bytes of the SHA-256 of its UTF-8 relative path,
 * read as an unsigned big-endian integer, leave the remainder {@code index} when divided by {@code count}. The parts
 * depend on nothing but the relative paths, so {@code count} independent jobs (a job array, {@code --shard I/N} for
 * {@code I = 0 .. N-1}) cover the corpus without overlap on any machine, and their outputs concatenate to the
 * output of one job over the whole corpus.
 *
 * @param index the part, in {@code [0, count)}
 * @param count the number of parts, at least 1
 */
public record Shard(int index, int count) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The whole corpus: part 0 of 1. */
    public static final Shard ALL = new Shard(0, 1);

    /**
     * Checks the range of both numbers.
     *
     * @throws IllegalArgumentException if {@code count < 1} or {@code index} is outside {@code [0, count)}
     */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard: the number of parts N must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard: the part I must be in [0, " + (count - 1) + "] for N = "
                    + count + ", got " + index);
        }
    }

    /**
     * Parses {@code I/N}, e.g. {@code 0/4} for the first of four parts.
     *
     * @param text the shard as {@code I/N}
     * @return the shard
     * @throws IllegalArgumentException if the text is not two integers separated by {@code /}, or they are out of
     *     range
     */
    public static Shard parse(String text) {
        String[] p = text.strip().split("/", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("shard: expected I/N (e.g. 0/4), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard: expected I/N with two integers (e.g. 0/4), got '" + text + "'",
                    e);
        }
    }

    /**
     * Returns whether a file belongs to this part.
     *
     * @param relative the file's path relative to the corpus root, {@code /}-separated
     * @return true if {@link #of(String, int) of(relative, count)} is {@code index}
     */
    public boolean contains(String relative) {
        return count == 1 || of(relative, count) == index;
    }

    /**
     * Returns the part a relative path falls in: the first 8 bytes of its UTF-8 SHA-256, unsigned, modulo
     * {@code count}.
     *
     * @param relative the file's path relative to the corpus root, {@code /}-separated
     * @param count the number of parts, at least 1
     * @return the part, in {@code [0, count)}
     */
    public static int of(String relative, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count: must be >= 1, got " + count);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long h = ByteBuffer.wrap(digest, 0, 8).getLong();
        return (int) Long.remainderUnsigned(h, count);
    }

    /** The shard as {@code I/N}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
