package org.audiotag.toolkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The audiotag version, e.g. {@code 0.1.0-SNAPSHOT}: the Maven {@code ${project.version}} that the build filters into
 * the one resource {@code org/audiotag/toolkit/version.properties} of this module. Every module reports this one
 * value (the command line's {@code --version}, model and run provenance), so it never disagrees with the pom.
 */
public final class Version {
    /** Name of the filtered resource, beside this class. */
    static final String RESOURCE = "version.properties";
    /** Key of the version in {@link #RESOURCE}. */
    static final String KEY = "version";

    private static volatile String cached;

    private Version() {
    }

    /**
     * Returns the audiotag version.
     *
     * @return the version as written in the poms, e.g. {@code 0.1.0-SNAPSHOT}
     * @throws IllegalStateException if the resource is missing or was not filtered by the build (a broken jar)
     */
    public static String get() {
        String v = cached;
        if (v == null) {
            try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
                v = parse(in);
            } catch (IOException e) {
                throw new IllegalStateException("org/audiotag/toolkit/" + RESOURCE + ": cannot read: "
                        + e.getMessage(), e);
            }
            cached = v;
        }
        return v;
    }

    /**
     * Reads the version from the resource's content.
     *
     * @param in the resource, or null if it is missing
     * @return the version
     * @throws IOException if it cannot be read
     * @throws IllegalStateException if it is missing, empty, or still holds the unfiltered placeholder
     */
    static String parse(InputStream in) throws IOException {
        String where = "org/audiotag/toolkit/" + RESOURCE;
        if (in == null) {
            throw new IllegalStateException(where + ": resource missing from the audiotag-toolkit jar");
        }
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String v = p.getProperty(KEY, "").strip();
        if (v.isEmpty() || v.contains("${")) {
            throw new IllegalStateException(where + ": '" + KEY + "' is '" + v
                    + "', not a version (the resource was not filtered by Maven)");
        }
        return v;
    }
}
