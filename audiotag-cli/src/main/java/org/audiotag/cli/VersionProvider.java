package org.audiotag.cli;

import org.audiotag.toolkit.Version;
import picocli.CommandLine;

/** Reports the audiotag version (the one every module reports, from the build) and the Java version. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"audiotag " + Version.get(), "Java " + System.getProperty("java.version")};
    }
}
