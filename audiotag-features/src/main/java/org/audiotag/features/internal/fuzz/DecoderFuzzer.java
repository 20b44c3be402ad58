package org.audiotag.features.internal.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;

/**
 * Runs {@link AudioDecoder#decode(byte[], Path)} on the mutants of an {@link AudioMutator} and sorts the outcomes:
 * a clean decode, an {@link AudioFormatException} (grouped by message kind: the problem text with its numbers
 * replaced by {@code #}), or a failure (any other exception or error, including {@link OutOfMemoryError}). Each
 * decode runs on one of a few daemon worker threads; a watchdog stops the run when one decode takes longer than the
 * timeout. The timeout is only a safety net of the caller (a test or a command): the decoders bound their work by
 * construction, so any timeout is a bug to report, and the stuck daemon thread is abandoned.
 */
public final class DecoderFuzzer {

    /**
     * A mutant whose decode failed in a way the decoders promise never to fail.
     *
     * @param index the mutant's number
     * @param mutant its description
     * @param problem the exception or error (its {@code toString()}), or the timeout
     */
    public record Failure(int index, String mutant, String problem) {
    }

    /**
     * The outcome of a run.
     *
     * @param mutants mutants decoded
     * @param clean decodes that returned audio
     * @param formatErrors {@link AudioFormatException}s by message kind
     * @param failures other exceptions, errors and timeouts, in mutant order (empty when the decoders are sound)
     * @param timedOut whether the run was stopped by the watchdog
     * @param slowestIndex number of the slowest mutant
     * @param slowestMutant description of the slowest mutant
     * @param slowestNanos its decode time
     * @param seconds wall time of the run
     */
    public record Report(int mutants, int clean, Map<String, Integer> formatErrors, List<Failure> failures,
            boolean timedOut, int slowestIndex, String slowestMutant, long slowestNanos, double seconds) {

        /**
         * Decodes that raised {@link AudioFormatException}.
         *
         * @return the sum over all kinds
         */
        public int formatErrorCount() {
            return formatErrors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DecoderFuzzer() {
    }

    /**
     * Decodes mutants {@code 0 .. count - 1} of {@code seed}.
     *
     * @param mutator the mutant source
     * @param seed the run's seed
     * @param count number of mutants
     * @param threads worker threads, at least 1
     * @param timeoutMillis longest decode the watchdog tolerates
     * @return the sorted outcomes
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public static Report run(AudioMutator mutator, long seed, int count, int threads, long timeoutMillis)
            throws InterruptedException {
        if (count < 0 || threads < 1 || timeoutMillis < 1) {
            throw new IllegalArgumentException("count >= 0, threads >= 1 and timeoutMillis >= 1 required, got "
                    + count + ", " + threads + ", " + timeoutMillis);
        }
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger clean = new AtomicInteger();
        Map<String, Integer> kinds = Collections.synchronizedMap(new TreeMap<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        // per worker: start of the running decode (0 = idle), its mutant number and description
        AtomicLongArray started = new AtomicLongArray(threads);
        AtomicReferenceArray<String> running = new AtomicReferenceArray<>(threads);
        long[] slowest = {-1, -1};
        String[] slowestMutant = {""};
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            final int worker = w;
            Thread t = new Thread(() -> {
                int i;
                while (!stop.get() && (i = next.getAndIncrement()) < count) {
                    AudioMutator.Mutant m = mutator.mutant(seed, i);
                    running.set(worker, "#" + i + " " + m.description());
                    long s = System.nanoTime();
                    started.set(worker, s);
                    try {
                        AudioDecoder.decode(m.bytes(), Path.of("mutant-" + i));
                        clean.incrementAndGet();
                    } catch (AudioFormatException e) {
                        kinds.merge(kind(e.problem()), 1, Integer::sum);
                    } catch (Throwable e) {
                        failures.add(new Failure(i, m.description(), e.toString()));
                    }
                    long took = System.nanoTime() - s;
                    started.set(worker, 0);
                    synchronized (slowest) {
                        if (took > slowest[1]) {
                            slowest[0] = i;
                            slowest[1] = took;
                            slowestMutant[0] = m.description();
                        }
                    }
                    done.incrementAndGet();
                }
            }, "decoder-fuzz-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        boolean timedOut = false;
        long limit = timeoutMillis * 1_000_000L;
        while (true) {
            boolean alive = false;
            for (Thread t : workers) {
                t.join(20);
                alive |= t.isAlive();
            }
            if (!alive) {
                break;
            }
            long now = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                long s = started.get(w);
                if (s != 0 && now - s > limit) {
                    String what = running.get(w);
                    failures.add(new Failure(Integer.parseInt(what.substring(1, what.indexOf(' '))),
                            what.substring(what.indexOf(' ') + 1), "decode still running after "
                            + timeoutMillis + " ms (abandoned on daemon thread " + workers.get(w).getName() + ")"));
                    timedOut = true;
                }
            }
            if (timedOut) {
                stop.set(true);
                break;
            }
        }
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Report(done.get(), clean.get(), new TreeMap<>(kinds), List.copyOf(sorted), timedOut,
                (int) slowest[0], slowestMutant[0], slowest[1], (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The message kind: the problem with every number replaced by {@code #} (except those that are part of a name,
     * such as CRC-16 or float32), cut to 100 characters.
     */
    static String kind(String problem) {
        String k = problem.replaceAll("0x[0-9A-Fa-f]+", "#")
                .replaceAll("(?<![A-Za-z0-9-])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
        return k.length() > 100 ? k.substring(0, 100) + "..." : k;
    }

    /**
     * Shipped files used as seeds when the caller names none, relative to the project root.
     *
     * @param format the format
     * @return paths under {@code data/}
     */
    public static List<String> defaultSeeds(AudioDecoder.Format format) {
        return switch (format) {
            case FLAC -> List.of("data/sonic-pi/audio/bd_zum.flac", "data/sonic-pi/audio/bd_ada.flac",
                    "data/sonic-pi/audio/misc_burp.flac", "data/instruments/audio/accordion_gm021_0.flac");
            case OGG_VORBIS -> List.of("data/esc10/001 - Dog bark/1-100032-A.ogg",
                    "data/esc10/006 - Person sneeze/1-31748-A.ogg");
            case WAV -> List.of("data/impulse-responses/rir_clap.wav",
                    "data/impulse-responses/basement_museum_clap_48k_stereo.wav");
        };
    }
}
