package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listing and deleting inside folder trees in a fixed (name) order, for the run folder's ownership rules. */
public final class FileTrees {

    private static final Logger LOG = LoggerFactory.getLogger(FileTrees.class);

    private FileTrees() {
    }

    /**
     * Returns an entry's path relative to a folder, with {@code /} separators on every platform.
     *
     * @param base a folder
     * @param p an entry under it
     * @return the entry's path relative to {@code base}, with {@code /} separators
     */
    public static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /**
     * Lists a folder's entries sorted by name.
     *
     * @param d a folder
     * @return its entries sorted by name
     * @throws IOException if it cannot be listed
     */
    public static List<Path> sortedChildren(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted(Comparator.comparing(q -> q.getFileName().toString())).toList();
        }
    }

    /**
     * Returns the first file (or empty folder) under {@code p}, going down the first entry by name.
     *
     * @param p a file or folder
     * @return the first file (or empty folder) under {@code p} in name order, depth first; {@code p} if it is a file
     * @throws IOException if a folder cannot be listed
     */
    public static Path firstLeaf(Path p) throws IOException {
        Path cur = p;
        while (Files.isDirectory(cur)) {
            List<Path> c = sortedChildren(cur);
            if (c.isEmpty()) {
                return cur;
            }
            cur = c.get(0);
        }
        return cur;
    }

    /**
     * Lists every entry under a folder, depth first, siblings by name.
     *
     * @param d a folder
     * @return every entry under {@code d} (not {@code d} itself), a folder before its content, siblings by name
     * @throws IOException if a folder cannot be listed
     */
    public static List<Path> walkSorted(Path d) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path c : sortedChildren(d)) {
            out.add(c);
            if (Files.isDirectory(c)) {
                out.addAll(walkSorted(c));
            }
        }
        return out;
    }

    /**
     * Lists the regular files under a folder as relative paths.
     *
     * @param d a folder
     * @return the relative paths ({@code /}-separated) of the regular files under {@code d}, in walk order
     * @throws IOException if a folder cannot be listed
     */
    public static List<String> listFiles(Path d) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : walkSorted(d)) {
            if (Files.isRegularFile(p)) {
                out.add(relative(d, p));
            }
        }
        return out;
    }

    /**
     * Deletes the listed files under {@code root}, then the folders left empty, then {@code root} if empty; anything
     * else is kept (with a warning naming {@code root}).
     *
     * @param root the folder
     * @param files relative paths ({@code /}-separated) of the files to delete
     * @throws IOException if deleting fails
     */
    public static void deleteListed(Path root, List<String> files) throws IOException {
        for (String f : files) {
            Files.deleteIfExists(root.resolve(f));
        }
        List<Path> all = walkSorted(root);
        for (int i = all.size() - 1; i >= 0; i--) {
            Path p = all.get(i);
            if (Files.isDirectory(p) && sortedChildren(p).isEmpty()) {
                Files.delete(p);
            }
        }
        if (sortedChildren(root).isEmpty()) {
            Files.delete(root);
        } else {
            LOG.warn("{}: kept, it holds files the run did not write", root);
        }
    }
}
