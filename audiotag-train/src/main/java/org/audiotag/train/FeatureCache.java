package org.audiotag.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.audiotag.features.FeatureFunction;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.train.data.DatasetFormatException;
import org.audiotag.train.data.RowPolicy;
import org.audiotag.toolkit.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the features of a list of audio files, computed once, in parallel, on disk as little-endian float32 in one
 * memory-mapped file ({@code features.f32}) with an index ({@code index.bin}: offset and frame count per clip).
 * The cache lives in {@code root/<key>/} where the key is the SHA-256 of the {@link FeatureFunction#cacheKey()} and
 * of each file's absolute path, size and modification time, so changing the feature configuration or the file list
 * (or touching a file) selects a new cache. Both files are written to temporary files and moved into place, the
 * index last: a cache without an index is incomplete and is rebuilt.
 *
 * <p>Reads are thread-safe. {@link #close()} releases the file channel; the mapping itself is released by the
 * garbage collector (Java 17 has no explicit unmap). The {@link Trainer} opens its caches itself (under
 * {@link Trainer.Builder#cacheRoot}); open one directly to reuse features elsewhere:
 * {@snippet :
 * LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
 * List<Path> files = esc.clips().stream().map(LabeledClip::file).toList();
 * try (FeatureCache cache = FeatureCache.open(Path.of("cache"), files, mel, 2, RowPolicy.FAIL)) {
 *     TimeMajorFeatures first = cache.get(0);        // frames × 128 dB values, time-major
 *     float[] crop = new float[128 * cache.bins()];  // 2 s under pipeline A
 *     cache.copyFrames(0, 0, Math.min(128, cache.frames(0)), crop, 0);
 * }
 * }
 */
public final class FeatureCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final int MAGIC = 0x41544643; // "ATFC"
    private static final int VERSION = 1;
    private static final long SEGMENT_FLOATS = 1L << 28; // 1 GiB per mapping

    private final Path dir;
    private final String key;
    private final int bins;
    private final long[] offset;
    private final int[] frames;
    private final String[] failure;
    private final FileChannel channel;
    private final List<FloatBuffer> segments;

    private FeatureCache(Path dir, String key, int bins, long[] offset, int[] frames, String[] failure)
            throws IOException {
        this.dir = dir;
        this.key = key;
        this.bins = bins;
        this.offset = offset;
        this.frames = frames;
        this.failure = failure;
        this.channel = FileChannel.open(dir.resolve("features.f32"), StandardOpenOption.READ);
        long total = channel.size() / Float.BYTES;
        this.segments = new ArrayList<>();
        for (long start = 0; start < total; start += SEGMENT_FLOATS) {
            long n = Math.min(SEGMENT_FLOATS, total - start);
            MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, start * Float.BYTES, n * Float.BYTES);
            m.order(ByteOrder.LITTLE_ENDIAN);
            segments.add(m.asFloatBuffer());
        }
    }

    /**
     * Returns the cache key for a feature function and a file list: the SHA-256 of the function's
     * {@link FeatureFunction#cacheKey()} and of each file's absolute path, size and modification time.
     *
     * @param fn the feature function
     * @param files the files in order
     * @return a 64-hex-digit SHA-256
     * @throws IOException if a file's size or modification time cannot be read
     */
    public static String key(FeatureFunction fn, List<Path> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("audiotag-feature-cache v" + VERSION + "\n" + fn.cacheKey() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                Path a = f.toAbsolutePath().normalize();
                String stamp = Files.isRegularFile(a) ? Files.size(a) + ":" + Files.getLastModifiedTime(a).toMillis()
                        : "missing";
                md.update((a + "\t" + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Returns the cache key of a feature function of the earlier API.
     *
     * @param fn the feature function
     * @param files the files in order
     * @return {@link #key(FeatureFunction, List)} of the same function
     * @throws IOException if a file's size or modification time cannot be read
     * @deprecated pass an {@link FeatureFunction org.audiotag.features.FeatureFunction}
     */
    @Deprecated(forRemoval = true)
    @SuppressWarnings("removal")
    public static String key(org.audiotag.train.FeatureFunction fn, List<Path> files) throws IOException {
        return key(adapt(fn), files);
    }

    /**
     * Opens the cache with a feature function of the earlier API.
     *
     * @param root cache root folder (created if needed)
     * @param files audio files
     * @param fn computes one file's features
     * @param threads worker threads, ≥ 1
     * @param policy bad-audio policy
     * @return the open cache
     * @throws IOException as {@link #open(Path, List, FeatureFunction, int, RowPolicy)}
     * @deprecated pass an {@link FeatureFunction org.audiotag.features.FeatureFunction}
     */
    @Deprecated(forRemoval = true)
    @SuppressWarnings("removal")
    public static FeatureCache open(Path root, List<Path> files, org.audiotag.train.FeatureFunction fn, int threads,
            RowPolicy policy) throws IOException {
        return open(root, files, adapt(fn), threads, policy);
    }

    @SuppressWarnings("removal")
    private static FeatureFunction adapt(org.audiotag.train.FeatureFunction fn) {
        java.util.Objects.requireNonNull(fn, "fn");
        return new FeatureFunction() {
            @Override
            public String cacheKey() {
                return fn.cacheKey();
            }

            @Override
            public int bins() {
                return fn.bins();
            }

            @Override
            public TimeMajorFeatures compute(Path file) throws IOException {
                return fn.compute(file).toTimeMajor();
            }
        };
    }

    /**
     * Opens the cache for {@code files} under {@code root}, computing it first if it is missing or incomplete.
     *
     * @param root cache root folder (created if needed)
     * @param files audio files; index {@code i} of the cache is {@code files.get(i)}
     * @param fn computes one file's features
     * @param threads worker threads for computing, ≥ 1
     * @param policy {@link RowPolicy#FAIL}: an unreadable file aborts with its error; {@link RowPolicy#SKIP}: it is
     *     logged, stored with 0 frames and reported by {@link #failure(int)}
     * @return the open cache
     * @throws IOException on an unreadable file under FAIL, or a disk error
     */
    public static FeatureCache open(Path root, List<Path> files, FeatureFunction fn, int threads, RowPolicy policy)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be ≥ 1");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: empty list");
        }
        String key = key(fn, files);
        Path dir = root.resolve(key);
        Path index = dir.resolve("index.bin");
        if (Files.isRegularFile(index)) {
            FeatureCache c = tryRead(dir, key, files.size(), fn.bins());
            if (c != null) {
                LOG.debug("feature cache hit {}", dir);
                return c;
            }
        }
        Files.createDirectories(dir);
        compute(dir, files, fn, threads, policy);
        FeatureCache c = tryRead(dir, key, files.size(), fn.bins());
        if (c == null) {
            throw new IOException(index + ": cache written but cannot be read back");
        }
        return c;
    }

    private static void compute(Path dir, List<Path> files, FeatureFunction fn, int threads, RowPolicy policy)
            throws IOException {
        int n = files.size();
        int bins = fn.bins();
        long[] off = new long[n];
        int[] fr = new int[n];
        String[] fail = new String[n];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audiotag-feature-cache");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicFiles.write(dir.resolve("features.f32"), out -> {
                long pos = 0;
                int chunk = Math.max(threads * 4, 8);
                for (int start = 0; start < n; start += chunk) {
                    int end = Math.min(n, start + chunk);
                    List<Future<TimeMajorFeatures>> fut = new ArrayList<>();
                    for (int i = start; i < end; i++) {
                        Path f = files.get(i);
                        fut.add(pool.submit(() -> fn.compute(f)));
                    }
                    for (int i = start; i < end; i++) {
                        TimeMajorFeatures x;
                        try {
                            x = fut.get(i - start).get();
                            if (x.bins() != bins) {
                                throw new IOException(files.get(i) + ": feature function returned " + x.bins()
                                        + " bins, expected " + bins);
                            }
                            for (float v : x.data()) {
                                if (!Float.isFinite(v)) {
                                    throw new IOException(files.get(i) + ": features contain NaN or infinity");
                                }
                            }
                        } catch (ExecutionException | IOException e) {
                            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
                            String msg = c.getMessage() == null ? c.toString() : c.getMessage();
                            if (!msg.contains(files.get(i).toString())) {
                                msg = files.get(i) + ": " + msg;
                            }
                            if (policy == RowPolicy.FAIL) {
                                for (Future<TimeMajorFeatures> g : fut) {
                                    g.cancel(true);
                                }
                                throw new DatasetFormatException(msg);
                            }
                            LOG.warn("skipping {}", msg);
                            fail[i] = msg;
                            x = new TimeMajorFeatures(0, bins, new float[0]);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted while computing features", e);
                        }
                        off[i] = pos;
                        fr[i] = x.frames();
                        ByteBuffer bb = ByteBuffer.allocate(x.data().length * Float.BYTES)
                                .order(ByteOrder.LITTLE_ENDIAN);
                        bb.asFloatBuffer().put(x.data());
                        out.write(bb.array());
                        pos += x.data().length;
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
        AtomicFiles.write(dir.resolve("index.bin"), os -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(os));
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            d.writeInt(n);
            d.writeInt(bins);
            for (int i = 0; i < n; i++) {
                d.writeLong(off[i]);
                d.writeInt(fr[i]);
                d.writeUTF(fail[i] == null ? "" : fail[i]);
            }
            d.flush();
        });
        AtomicFiles.writeString(dir.resolve("key.txt"), fn.cacheKey() + "\n" + String.join("\n",
                files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()) + "\n");
        LOG.info("computed features of {} files in {} s into {}", n,
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9), dir);
    }

    private static FeatureCache tryRead(Path dir, String key, int n, int bins) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve("index.bin"))))) {
            if (d.readInt() != MAGIC || d.readInt() != VERSION || d.readInt() != n || d.readInt() != bins) {
                return null;
            }
            long[] off = new long[n];
            int[] fr = new int[n];
            String[] fail = new String[n];
            for (int i = 0; i < n; i++) {
                off[i] = d.readLong();
                fr[i] = d.readInt();
                String f = d.readUTF();
                fail[i] = f.isEmpty() ? null : f;
            }
            long need = n == 0 ? 0 : off[n - 1] + (long) fr[n - 1] * bins;
            if (Files.size(dir.resolve("features.f32")) < need * Float.BYTES) {
                return null;
            }
            return new FeatureCache(dir, key, bins, off, fr, fail);
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    /**
     * Returns the cache folder {@code root/<key>} holding {@code features.f32}, {@code index.bin} and
     * {@code key.txt}.
     */
    public Path directory() {
        return dir;
    }

    /** Returns the SHA-256 key of this cache (64 hex digits), the name of its folder. */
    public String key() {
        return key;
    }

    /** Returns the number of clips, the size of the file list it was opened with. */
    public int size() {
        return frames.length;
    }

    /** Returns the number of values per frame ({@code n_mels} for log-mels, 1 for waveforms). */
    public int bins() {
        return bins;
    }

    /**
     * Returns the number of frames of clip {@code i} (samples, for a waveform cache).
     *
     * @param i clip index
     * @return the frame count; 0 if the clip could not be read
     */
    public int frames(int i) {
        return frames[i];
    }

    /**
     * Returns why clip {@code i} could not be read, when it was skipped under {@link RowPolicy#SKIP}.
     *
     * @param i clip index
     * @return the error message naming the file, or {@code null} if the clip was read
     */
    public String failure(int i) {
        return failure[i];
    }

    /**
     * Copies frames {@code [from, from + count)} of clip {@code i} into {@code dst} at {@code dstOffset}
     * ({@code count * bins()} floats, time-major).
     *
     * @param i clip index
     * @param from first frame
     * @param count number of frames
     * @param dst destination
     * @param dstOffset start in {@code dst}
     * @throws IndexOutOfBoundsException if the frames are not all within the clip
     */
    public void copyFrames(int i, int from, int count, float[] dst, int dstOffset) {
        if (from < 0 || count < 0 || from + count > frames[i]) {
            throw new IndexOutOfBoundsException("frames [" + from + ", " + (from + count) + ") of clip " + i
                    + " with " + frames[i] + " frames");
        }
        long start = offset[i] + (long) from * bins;
        int len = count * bins;
        int done = 0;
        while (done < len) {
            long p = start + done;
            int seg = (int) (p / SEGMENT_FLOATS);
            int within = (int) (p % SEGMENT_FLOATS);
            FloatBuffer fb = segments.get(seg).duplicate();
            int take = (int) Math.min(len - done, SEGMENT_FLOATS - within);
            fb.position(within);
            fb.get(dst, dstOffset + done, take);
            done += take;
        }
    }

    /**
     * Returns a copy of clip {@code i}'s features, time-major ({@code frames(i) × bins()} values).
     *
     * @param i clip index
     * @return the features
     */
    public TimeMajorFeatures get(int i) {
        float[] d = new float[frames[i] * bins];
        copyFrames(i, 0, frames[i], d, 0);
        return new TimeMajorFeatures(frames[i], bins, d);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
