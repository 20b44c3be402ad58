package org.audiotag.toolkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Pretty-printed JSON written through jackson-core's streaming generator: two-space indentation, one member or array
 * element per line, {@code "name": value}, {@code '\n'} line ends, a final {@code '\n'}. Doubles are written as
 * {@link Double#toString(double)} writes them (full precision); NaN and infinities, which JSON cannot hold, are
 * written as {@code null}. Strings are escaped as RFC 8259 requires; other characters are written as they are
 * (UTF-8 in files).
 */
public final class Json {

    /** Writes one JSON document. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the document's single root value.
         *
         * @param json the writer
         * @throws IOException if writing fails
         */
        void write(Writer json) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // keep Double.toString's digits
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            Separators separators = Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private Json() {
    }

    /**
     * Writes JSON values, names and structure to a character stream; a thin layer over jackson-core's
     * {@code JsonGenerator} that turns its unchecked I/O failures back into {@link IOException}s. Misuse (a value
     * where a name is due, an unclosed object at {@link #close()}) is an {@link IllegalStateException}.
     */
    public static final class Writer implements Closeable {
        private final JsonGenerator g;
        private final java.io.Writer out;

        Writer(java.io.Writer out) {
            this.out = out;
            this.g = FACTORY.createGenerator(PRETTY, out);
        }

        /**
         * Starts an object.
         *
         * @return this
         * @throws IOException if writing fails
         */
        public Writer beginObject() throws IOException {
            return run(g::writeStartObject);
        }

        /**
         * Ends the current object.
         *
         * @return this
         * @throws IOException if writing fails
         */
        public Writer endObject() throws IOException {
            return run(g::writeEndObject);
        }

        /**
         * Starts an array.
         *
         * @return this
         * @throws IOException if writing fails
         */
        public Writer beginArray() throws IOException {
            return run(g::writeStartArray);
        }

        /**
         * Ends the current array.
         *
         * @return this
         * @throws IOException if writing fails
         */
        public Writer endArray() throws IOException {
            return run(g::writeEndArray);
        }

        /**
         * Writes a member name inside an object; its value follows.
         *
         * @param name the name
         * @return this
         * @throws IOException if writing fails
         */
        public Writer name(String name) throws IOException {
            Objects.requireNonNull(name, "name");
            return run(() -> g.writeName(name));
        }

        /**
         * Writes a string, or {@code null}.
         *
         * @param v the value, may be null
         * @return this
         * @throws IOException if writing fails
         */
        public Writer value(String v) throws IOException {
            return run(() -> g.writeString(v));
        }

        /**
         * Writes an integer.
         *
         * @param v the value
         * @return this
         * @throws IOException if writing fails
         */
        public Writer value(long v) throws IOException {
            return run(() -> g.writeNumber(v));
        }

        /**
         * Writes a double at full precision ({@link Double#toString(double)}), or {@code null} if it is NaN or
         * infinite.
         *
         * @param v the value
         * @return this
         * @throws IOException if writing fails
         */
        public Writer value(double v) throws IOException {
            return run(() -> {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            });
        }

        /**
         * Writes a member with a string value.
         *
         * @param name the name
         * @param v the value, may be null
         * @return this
         * @throws IOException if writing fails
         */
        public Writer field(String name, String v) throws IOException {
            return name(name).value(v);
        }

        /**
         * Writes a member with an integer value.
         *
         * @param name the name
         * @param v the value
         * @return this
         * @throws IOException if writing fails
         */
        public Writer field(String name, long v) throws IOException {
            return name(name).value(v);
        }

        /**
         * Writes a member with a double value, {@code null} if it is NaN or infinite.
         *
         * @param name the name
         * @param v the value
         * @return this
         * @throws IOException if writing fails
         */
        public Writer field(String name, double v) throws IOException {
            return name(name).value(v);
        }

        /**
         * Flushes the JSON written so far to the underlying stream, which stays open.
         *
         * @throws IOException if writing fails
         */
        public void flush() throws IOException {
            run(g::flush);
        }

        /**
         * Ends the document with {@code '\n'} and flushes; the underlying stream stays open.
         *
         * @throws IOException if writing fails
         * @throws IllegalStateException if an object or array is still open
         */
        @Override
        public void close() throws IOException {
            if (!g.streamWriteContext().inRoot()) {
                throw new IllegalStateException("JSON document closed inside an unfinished "
                        + g.streamWriteContext().typeDesc());
            }
            run(g::close);
            out.write('\n');
            out.flush();
        }

        private Writer run(Step step) throws IOException {
            try {
                step.run();
            } catch (JacksonIOException e) {
                throw e.getCause() != null ? e.getCause() : new IOException(e.getOriginalMessage(), e);
            } catch (JacksonException e) {
                throw new IllegalStateException("invalid JSON structure: " + e.getOriginalMessage(), e);
            }
            return this;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run();
    }

    /**
     * Returns a writer to a character stream; {@link Writer#close()} ends the document but leaves {@code out} open.
     *
     * @param out where the JSON goes
     * @return the writer
     */
    public static Writer writer(java.io.Writer out) {
        return new Writer(Objects.requireNonNull(out, "out"));
    }

    /**
     * Writes one document into a string.
     *
     * @param body writes the root value
     * @return the JSON text, ending in {@code '\n'}
     */
    public static String toText(Body body) {
        StringWriter sw = new StringWriter();
        try (Writer w = writer(sw)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return sw.toString();
    }

    /**
     * Writes one document as a UTF-8 file, through {@link AtomicFiles}.
     *
     * @param file the file to create or replace
     * @param body writes the root value
     * @throws IOException if writing fails (message names the file) or {@code body} throws
     */
    public static void write(Path file, Body body) throws IOException {
        AtomicFiles.write(file, out -> {
            java.io.Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (Writer w = writer(text)) {
                body.write(w);
            }
        });
    }
}
