package org.audiotag.augment;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Produces one epoch of augmented examples on worker threads, ahead of the consumer, in index order.
 *
 * <p>Example {@code i} (0 &lt;= i &lt; size) is {@code finish(pipeline.apply(source(order[i]), seed, epoch, i))},
 * where {@code order} is the identity or, with shuffling, a permutation drawn from
 * {@link ExampleSeed#forEpoch}. Everything depends only on (seed, epoch, i), so the sequence is bit-identical for
 * any number of threads. At most {@code queueCapacity} examples are in flight or waiting (bounded memory). A
 * failure is rethrown by {@link #next()} as an {@link AugmentException} naming the example's index and source.
 * {@link #close()} cancels pending work and stops the threads; use try-with-resources. Not for use by several
 * consumer threads at once. The worker threads are daemon threads named {@code augment-worker-<n>}.
 *
 * <p>One shuffled epoch of log-mel images, augmented and SpecAugment-masked on 4 worker threads:
 * {@snippet :
 * FeatureExtractor logMel = FeatureExtractor.of(FeatureConfig.modern());   // 44.1 kHz clips
 * SpecAugment masks = SpecAugment.of(27, 2, 40, 2, true);
 * try (ParallelAugmentLoader<FeatureMatrix> loader = ParallelAugmentLoader
 *         .builder(train::get, train.size(), pipeline,
 *                 ex -> masks.apply(logMel.extract(ex.audio().toAudioClip()), ex.random(0), ex.draws()))
 *         .seed(42L).epoch(epoch).threads(4).shuffle(true)
 *         .build()) {
 *     while (loader.hasNext()) {
 *         FeatureMatrix x = loader.next();   // same sequence for any thread count
 *     }
 * }
 * }
 *
 * @param <T> the type of the finished examples (e.g. {@link AugmentedExample} or a log-mel matrix)
 */
public final class ParallelAugmentLoader<T> implements Iterator<T>, AutoCloseable {
    private final IntFunction<LabeledAudio> source;
    private final AugmentPipeline pipeline;
    private final Function<AugmentedExample, T> finish;
    private final long seed;
    private final long epoch;
    private final int size;
    private final int capacity;
    private final int[] order;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();
    private int submitted;
    private int delivered;
    private boolean closed;

    private ParallelAugmentLoader(Builder<T> b) {
        this.source = b.source;
        this.pipeline = b.pipeline;
        this.finish = b.finish;
        this.seed = b.seed;
        this.epoch = b.epoch;
        this.size = b.size;
        this.capacity = b.queueCapacity;
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (b.shuffle) {
            java.util.SplittableRandom r = ExampleSeed.forEpoch(seed, epoch);
            for (int i = size - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "augment-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(b.threads, tf);
        fill();
    }

    /**
     * Returns a builder for a loader of augmented examples, delivered as {@link AugmentedExample}s.
     *
     * @param source gives the source clip of a (possibly shuffled) index; called on worker threads, so it must be
     *     thread-safe
     * @param size number of examples in the epoch (&gt; 0; checked by {@link Builder#build()}); the source is
     *     called with indices in [0, size)
     * @param pipeline the augmentation pipeline
     * @return the builder
     * @throws NullPointerException if source or pipeline is null
     */
    public static Builder<AugmentedExample> builder(IntFunction<LabeledAudio> source, int size,
            AugmentPipeline pipeline) {
        return new Builder<>(source, size, pipeline, Function.identity());
    }

    /**
     * Returns a builder for a loader that also finishes each example on the worker threads (for example computes
     * its log-mel spectrogram), so that the consumer receives ready inputs.
     *
     * @param source source clip of an index in [0, size) (thread-safe)
     * @param size number of examples in the epoch (&gt; 0)
     * @param pipeline the augmentation pipeline
     * @param finish applied to each augmented example on the worker (thread-safe); a failure in it is reported
     *     like a failure of the pipeline
     * @param <R> the finished type
     * @return the builder
     * @throws NullPointerException if an argument is null
     */
    public static <R> Builder<R> builder(IntFunction<LabeledAudio> source, int size, AugmentPipeline pipeline,
            Function<AugmentedExample, R> finish) {
        return new Builder<>(source, size, pipeline, finish);
    }

    private void fill() {
        while (!closed && submitted < size && pending.size() < capacity) {
            final int i = submitted++;
            pending.add(pool.submit(() -> produce(i)));
        }
    }

    private T produce(int i) {
        LabeledAudio in;
        try {
            in = source.apply(order[i]);
        } catch (RuntimeException e) {
            throw new AugmentException(i, "source index " + order[i], e);
        }
        try {
            return finish.apply(pipeline.apply(in, seed, epoch, i));
        } catch (RuntimeException e) {
            throw new AugmentException(i, in.source(), e);
        }
    }

    /**
     * Tells whether examples of the epoch remain to be delivered.
     *
     * @return true while examples remain and the loader is not closed
     */
    @Override
    public boolean hasNext() {
        return !closed && delivered < size;
    }

    /**
     * Returns the next example in index order, waiting for it if needed, and submits more work.
     *
     * @return the example
     * @throws AugmentException if producing it failed (the loader is then closed); the message names the
     *     example's index and source, the cause is the original failure
     * @throws NoSuchElementException after the last example or after {@link #close()}
     * @throws java.util.concurrent.CancellationException if the thread is interrupted while waiting (the loader is
     *     then closed and the interrupt flag set again)
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more examples (" + delivered + " of " + size + " delivered)");
        }
        Future<T> f = pending.poll();
        try {
            T t = f.get();
            delivered++;
            fill();
            return t;
        } catch (ExecutionException e) {
            close();
            Throwable c = e.getCause();
            if (c instanceof AugmentException ae) {
                throw new AugmentException(ae.index(), ae.source(), ae.getCause());
            }
            throw new AugmentException(delivered, "unknown source", c);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for example " + delivered);
        }
    }

    /**
     * Returns the number of examples {@link #next()} has delivered so far in this epoch.
     *
     * @return the count, in [0, size]
     */
    public int delivered() {
        return delivered;
    }

    /** Cancels pending work and stops the worker threads, waiting up to 10 s for them to end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Future<T> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builder of {@link ParallelAugmentLoader}; {@link #build()} validates the parameters and starts the workers.
     *
     * @param <T> the finished type
     */
    public static final class Builder<T> {
        private final IntFunction<LabeledAudio> source;
        private final int size;
        private final AugmentPipeline pipeline;
        private final Function<AugmentedExample, T> finish;
        private long seed;
        private long epoch;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int queueCapacity = -1;
        private boolean shuffle;

        private Builder(IntFunction<LabeledAudio> source, int size, AugmentPipeline pipeline,
                Function<AugmentedExample, T> finish) {
            this.source = Objects.requireNonNull(source, "source");
            this.size = size;
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
            this.finish = Objects.requireNonNull(finish, "finish");
        }

        /**
         * Sets the run seed that, with the epoch and the example index, determines every draw (default 0).
         *
         * @param s run seed
         * @return this builder
         */
        public Builder<T> seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Sets the epoch number (default 0); each epoch gets other draws and, with shuffling, another order.
         *
         * @param e epoch number (&gt;= 0)
         * @return this builder
         */
        public Builder<T> epoch(long e) {
            this.epoch = e;
            return this;
        }

        /**
         * Sets the number of worker threads (default: the available processors); it does not change the output.
         *
         * @param n number of worker threads, in [1, 1024]
         * @return this builder
         */
        public Builder<T> threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * Sets the most examples in flight or waiting to be consumed, which bounds the memory (default 4 per
         * thread).
         *
         * @param c queue capacity (&gt;= 1)
         * @return this builder
         */
        public Builder<T> queueCapacity(int c) {
            this.queueCapacity = c;
            return this;
        }

        /**
         * Sets whether the source is visited in a permutation drawn from {@link ExampleSeed#forEpoch}(seed, epoch)
         * (a Fisher-Yates shuffle) rather than in index order (default false).
         *
         * @param s shuffle the source indices
         * @return this builder
         */
        public Builder<T> shuffle(boolean s) {
            this.shuffle = s;
            return this;
        }

        /**
         * Validates the parameters, starts the worker threads and submits the first examples.
         *
         * @return the running loader, to be closed by the caller
         * @throws IllegalArgumentException naming a parameter out of range
         */
        public ParallelAugmentLoader<T> build() {
            if (size <= 0) {
                throw new IllegalArgumentException("size must be > 0 examples, got " + size);
            }
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
            }
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
            }
            if (queueCapacity == -1) {
                queueCapacity = 4 * threads;
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
            }
            return new ParallelAugmentLoader<>(this);
        }
    }
}
