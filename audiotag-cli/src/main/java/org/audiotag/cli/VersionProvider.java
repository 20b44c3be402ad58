package org.audiotag.cli;

import picocli.CommandLine;

/** Reports the audiotag version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"audiotag " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "Java " + System.getProperty("java.version")};
    }
}
