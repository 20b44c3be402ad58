package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {

    /** The version the module's own pom declares (its parent's, which it inherits). */
    static String pomVersion() throws IOException {
        Path pom = Path.of(System.getProperty("audiotag.root", ".."), "audiotag-toolkit", "pom.xml");
        String xml = Files.readString(pom);
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(xml);
        assertThat(m.find()).as("parent version in " + pom).isTrue();
        return m.group(1).strip();
    }

    @Test
    void versionIsThePomVersion() throws IOException {
        assertThat(Version.get()).isEqualTo(pomVersion()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
        assertThat(Version.get()).isSameAs(Version.get());
    }

    @Test
    void anUnfilteredOrMissingResourceIsABrokenBuild() throws IOException {
        assertThatThrownBy(() -> Version.parse(new ByteArrayInputStream(
                "version=${project.version}\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not filtered");
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
        assertThat(Version.parse(new ByteArrayInputStream("version=1.2.3\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("1.2.3");
    }
}
