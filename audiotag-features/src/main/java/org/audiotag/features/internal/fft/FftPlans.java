package org.audiotag.features.internal.fft;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide cache of FFT plans, one per size and kind, built on first use (twiddles computed once) and shared
 * by every thread: plans are immutable and keep their scratch buffers per thread. No threads are created here or
 * in any plan, so nothing keeps a JVM alive. Not part of the API.
 */
public final class FftPlans {
    private static final ConcurrentHashMap<Integer, ComplexFft> COMPLEX = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, RealFft> REAL = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Long, BatchedRealFft> BATCHED = new ConcurrentHashMap<>();

    private FftPlans() {
    }

    /** Largest size whose plans are cached (any size up to it, and powers of two up to {@link #MAX_CACHED_POW2}). */
    static final int MAX_CACHED = 1 << 16;
    static final int MAX_CACHED_POW2 = 1 << 22;

    /** Whether plans of size n are kept: small sizes and powers of two; one-off sizes of whole signals are not. */
    static boolean cached(int n) {
        return n <= MAX_CACHED || (Integer.bitCount(n) == 1 && n <= MAX_CACHED_POW2);
    }

    /**
     * Returns the complex FFT plan of size n.
     *
     * @param n transform size, &gt;= 1
     * @return the complex plan of that size (shared when {@link #cached}, else a fresh plan without per-thread
     *     buffers, for one-off sizes)
     */
    public static ComplexFft complex(int n) {
        if (!cached(n)) {
            return new ComplexFft(n, false);
        }
        ComplexFft p = COMPLEX.get(n);
        if (p == null) {
            p = new ComplexFft(n, true);
            ComplexFft prev = COMPLEX.putIfAbsent(n, p);
            p = prev == null ? p : prev;
        }
        return p;
    }

    /**
     * Returns the real FFT plan of size n.
     *
     * @param n transform size, &gt;= 1
     * @return the real plan of that size (shared when {@link #cached}, else fresh)
     */
    public static RealFft real(int n) {
        if (!cached(n)) {
            return new RealFft(n, false);
        }
        RealFft p = REAL.get(n);
        if (p == null) {
            p = new RealFft(n, true);
            RealFft prev = REAL.putIfAbsent(n, p);
            p = prev == null ? p : prev;
        }
        return p;
    }

    /**
     * Returns the batched float32 power-spectrum plan of size n for batches of {@code batch} frames.
     *
     * @param n real FFT size, with {@link BatchedRealFft#supports(int)}
     * @param batch frames per batch, &gt;= 1
     * @return the shared plan
     * @throws IllegalArgumentException if n is not supported or batch &lt; 1
     */
    public static BatchedRealFft batched(int n, int batch) {
        return BATCHED.computeIfAbsent(((long) n << 32) | batch, k -> new BatchedRealFft(n, batch));
    }
}
