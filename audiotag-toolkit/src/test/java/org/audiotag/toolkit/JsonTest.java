package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @Test
    void nonFiniteDoublesAreWrittenAsNull() {
        String json = Json.toText(w -> w.beginObject().field("nan", Double.NaN)
                .field("inf", Double.POSITIVE_INFINITY).field("minus_inf", Double.NEGATIVE_INFINITY)
                .field("x", 0.25).endObject());
        assertThat(json).isEqualTo("{\n  \"nan\": null,\n  \"inf\": null,\n  \"minus_inf\": null,\n  \"x\": 0.25\n}\n");
    }

    @Test
    void layoutIsTwoSpaceIndentedOneMemberPerLine() {
        String json = Json.toText(w -> {
            w.beginObject().field("samples", 79).field("tie_rule", "reference").name("per_class").beginArray();
            w.beginObject().field("class", "Dog \"bark\"\n\u0001ü").field("support", 8).endObject();
            w.endArray().name("empty").beginArray().endArray().name("none").beginObject().endObject();
            w.field("s", (String) null).endObject();
        });
        assertThat(json).isEqualTo("""
                {
                  "samples": 79,
                  "tie_rule": "reference",
                  "per_class": [
                    {
                      "class": "Dog \\"bark\\"\\n\\u0001ü",
                      "support": 8
                    }
                  ],
                  "empty": [],
                  "none": {},
                  "s": null
                }
                """);
    }

    @Test
    void doublesKeepDoubleToStringDigits() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double v = i % 2 == 0 ? rng.nextDouble() : Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            String json = Json.toText(w -> w.beginArray().value(v).endArray());
            assertThat(json).isEqualTo("[\n  " + Double.toString(v) + "\n]\n");
        }
        assertThat(Json.toText(w -> w.value(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE + "\n");
    }

    @Test
    void misuseIsAnIllegalStateException() {
        assertThatThrownBy(() -> Json.toText(w -> w.beginObject().value("no name")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("invalid JSON structure");
        assertThatThrownBy(() -> Json.toText(w -> w.beginObject()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unfinished");
    }

    @Test
    void ioFailuresOfTheTargetAreIoExceptions() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> {
            try (Json.Writer w = Json.writer(broken)) {
                w.beginArray().value(1).endArray();
            }
        }).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void writesAFileAtomically(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("h.json");
        Json.write(f, w -> w.beginArray().value("ü").endArray());
        assertThat(Files.readString(f)).isEqualTo("[\n  \"ü\"\n]\n");
        StringWriter sw = new StringWriter();
        try (Json.Writer w = Json.writer(sw)) {
            w.beginObject().endObject();
        }
        assertThat(sw.toString()).isEqualTo("{}\n");
    }
}
