package org.audiotag.beam.internal;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;

/**
 * {@link AudioDecoder#decode(Path)} run on a private copy of audiotag-features' decoders and of JOrbis, loaded by a
 * class loader of its own, so that decoders of different workers share no class and no lock.
 *
 * <p>Why: JOrbis 0.0.17.4 keeps the scratch arrays of its residue decoding in static fields
 * ({@code Residue0._01inverse_partword}, {@code Residue0._2inverse_partword}), grows and fills them on every audio
 * packet, and guards them with {@code static synchronized} methods ({@code Residue0._01inverse},
 * {@code Residue0._2inverse}). The lock is needed (without it two decodes would overwrite each other's partition
 * words), but it is one lock per loaded {@code Residue0} class: all Ogg decoding in a JVM takes turns on it. Every
 * other static field of JOrbis is a constant table filled in its static initialiser ({@code Page.crc_lookup},
 * {@code Floor1.FLOOR_fromdB_LOOKUP}, {@code Drft}'s factors, the {@code Func*} dispatch arrays) and the other
 * synchronized methods lock their own instance ({@code Mdct.backward}, {@code CodeBook.decodevs_add},
 * {@code Mapping0.inverse}), which each decode creates afresh. Loading {@code com.jcraft.*} and
 * {@code org.audiotag.features.*} again per worker gives each worker its own {@code Residue0} class, its own
 * scratch arrays and its own lock; the decoded samples are bit-for-bit those of the shared decoder.
 *
 * <p>Classes outside those two packages (the JDK, SLF4J, audiotag-toolkit) come from the parent loader. Give each
 * worker thread its own instance (a Beam {@code DoFn} {@linkplain #acquire() acquires} one in {@code @Setup} and
 * {@linkplain #release releases} it in {@code @Teardown}); one instance used by two threads at once is correct but
 * serialised again. Pooled instances live as long as the JVM (their classes are small); {@link #close()} releases
 * the loader of one that is not pooled.
 */
public final class IsolatedDecoder implements Closeable {

    private static final String[] CHILD_FIRST = {"org.audiotag.features.", "com.jcraft."};

    /** Decoders returned by workers that ended, kept for the next worker of this JVM. */
    private static final Deque<IsolatedDecoder> IDLE = new ArrayDeque<>();

    private final URLClassLoader loader;
    private final Method decode;
    private final Method toArray;
    private final Method sampleRate;
    private final Method problem;

    private IsolatedDecoder(URLClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class<?> decoder = Class.forName(AudioDecoder.class.getName(), true, loader);
        Class<?> decoded = Class.forName(DecodedAudio.class.getName(), true, loader);
        Class<?> formatException = Class.forName(AudioFormatException.class.getName(), true, loader);
        this.decode = decoder.getMethod("decode", Path.class);
        this.toArray = decoded.getMethod("toArray");
        this.sampleRate = decoded.getMethod("sampleRate");
        this.problem = formatException.getMethod("problem");
    }

    /**
     * Loads a private copy of the decoders from the jars (or class folders) this process loaded audiotag-features
     * and JOrbis from.
     *
     * @return the decoder; the caller closes it
     * @throws IllegalStateException if the location of audiotag-features or JOrbis is unknown (a class loader that
     *     gives no code source), or the copy cannot be loaded
     */
    public static IsolatedDecoder create() {
        URL[] urls = {location(AudioDecoder.class), location(com.jcraft.jorbis.Info.class)};
        ChildFirstLoader loader = new ChildFirstLoader(urls, IsolatedDecoder.class.getClassLoader());
        try {
            return new IsolatedDecoder(loader);
        } catch (ReflectiveOperationException | LinkageError e) {
            try {
                loader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot load a private copy of the audio decoders: " + e, e);
        }
    }

    /**
     * Takes a decoder for one worker: an idle one that an earlier worker of this JVM {@linkplain #release released},
     * or a new one. Each private copy of the decoders is compiled by the JIT afresh (a few hundred files of warm-up
     * on a busy machine), so reusing copies across workers and pipeline runs keeps that cost to once per concurrent
     * worker per JVM.
     *
     * @return a decoder no other worker holds; give it back with {@link #release(IsolatedDecoder)}
     * @throws IllegalStateException as {@link #create()}
     */
    public static IsolatedDecoder acquire() {
        synchronized (IDLE) {
            IsolatedDecoder d = IDLE.pollFirst();
            if (d != null) {
                return d;
            }
        }
        return create();
    }

    /**
     * Gives a decoder taken with {@link #acquire()} back for a later worker (the most recently used first).
     *
     * @param decoder the decoder, no longer used by the caller
     */
    public static void release(IsolatedDecoder decoder) {
        synchronized (IDLE) {
            IDLE.addFirst(decoder);
        }
    }

    /**
     * Decodes a WAV, Ogg Vorbis or FLAC file exactly as {@link AudioDecoder#decode(Path)} does.
     *
     * @param file the audio file
     * @return all channels and frames at the file's own sample rate
     * @throws AudioFormatException if the file is empty, of an unknown format, truncated or corrupt (message
     *     {@code FILE: problem})
     * @throws IOException if the file cannot be read
     */
    public DecodedAudio decode(Path file) throws IOException {
        Object audio;
        try {
            audio = decode.invoke(null, file);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (problem.getDeclaringClass().isInstance(c)) {
                String p;
                try {
                    p = (String) problem.invoke(c);
                } catch (ReflectiveOperationException r) {
                    p = c.getMessage();
                }
                throw new AudioFormatException(file, p, c);
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(file + ": " + c, c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call the private decoder copy", e);
        }
        try {
            return new DecodedAudio((float[][]) toArray.invoke(audio), (int) sampleRate.invoke(audio), file);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the private decoder's result", e);
        }
    }

    /** Releases the class loader (its classes go once no decode runs). */
    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static URL location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from (no code source)");
        }
        return cs.getLocation();
    }

    /** Loads the decoder packages from its own URLs first, everything else from the parent. */
    private static final class ChildFirstLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super("audiotag-isolated-decoder", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!childFirst(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private static boolean childFirst(String name) {
            for (String p : CHILD_FIRST) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
