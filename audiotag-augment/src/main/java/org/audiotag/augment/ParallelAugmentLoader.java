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
 * consumer threads at once.
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
     * A builder for a loader of augmented examples.
     *
     * @param source gives the source clip of a (possibly shuffled) index; called on worker threads, so it must be
     *     thread-safe
     * @param size number of examples in the epoch (&gt; 0)
     * @param pipeline the augmentation pipeline
     * @return the builder
     */
    public static Builder<AugmentedExample> builder(IntFunction<LabeledAudio> source, int size,
            AugmentPipeline pipeline) {
        return new Builder<>(source, size, pipeline, Function.identity());
    }

    /**
     * A builder for a loader that also finishes each example on the worker threads (for example computes its
     * log-mel spectrogram).
     *
     * @param source source clip of an index (thread-safe)
     * @param size number of examples
     * @param pipeline the augmentation pipeline
     * @param finish applied to each augmented example on the worker (thread-safe)
     * @param <R> the finished type
     * @return the builder
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

    /** @return true while examples of the epoch remain */
    @Override
    public boolean hasNext() {
        return !closed && delivered < size;
    }

    /**
     * The next example in index order, waiting for it if needed.
     *
     * @return the example
     * @throws AugmentException if producing it failed (the loader is then closed)
     * @throws NoSuchElementException after the last example or after {@link #close()}
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

    /** @return the number of examples delivered so far */
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
     * Builder of {@link ParallelAugmentLoader}.
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
         * @param s run seed
         * @return this builder
         */
        public Builder<T> seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param e epoch number (&gt;= 0)
         * @return this builder
         */
        public Builder<T> epoch(long e) {
            this.epoch = e;
            return this;
        }

        /**
         * @param n number of worker threads (&gt;= 1); default: available processors
         * @return this builder
         */
        public Builder<T> threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * @param c most examples in flight or waiting (&gt;= 1); default 4 per thread
         * @return this builder
         */
        public Builder<T> queueCapacity(int c) {
            this.queueCapacity = c;
            return this;
        }

        /**
         * @param s visit the source in a permutation drawn from (seed, epoch)
         * @return this builder
         */
        public Builder<T> shuffle(boolean s) {
            this.shuffle = s;
            return this;
        }

        /**
         * Starts the workers.
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
