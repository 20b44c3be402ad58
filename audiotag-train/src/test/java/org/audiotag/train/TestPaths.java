package org.audiotag.train;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project root (system property {@code audiotag.root}, else {@code ..}) and the shipped data. */
public final class TestPaths {
    private TestPaths() {
    }

    /** @return the project root */
    public static Path root() {
        String p = System.getProperty("audiotag.root");
        Path r = p != null && !p.isBlank() ? Path.of(p) : Path.of("..");
        if (!Files.isDirectory(r.resolve("data"))) {
            r = Path.of("..");
        }
        return r.toAbsolutePath().normalize();
    }

    /** @return {@code data/esc10} */
    public static Path esc10() {
        return root().resolve("data/esc10");
    }
}
