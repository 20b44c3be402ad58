package org.audiotag.beam.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Gathers every element of a bounded collection into one sorted list (empty for an empty collection), for sinks that
 * write one file in a deterministic order whatever order the workers finished in.
 *
 * @param <T> the element type, with a natural order
 */
public final class SortedListFn<T extends Comparable<? super T>> extends Combine.CombineFn<T, List<T>, List<T>> {
    private static final long serialVersionUID = 1L;

    private final Coder<T> elementCoder;

    /**
     * Creates the combiner.
     *
     * @param elementCoder coder of one element (the accumulator is a list of them)
     */
    public SortedListFn(Coder<T> elementCoder) {
        this.elementCoder = elementCoder;
    }

    @Override
    public List<T> createAccumulator() {
        return new ArrayList<>();
    }

    @Override
    public List<T> addInput(List<T> acc, T input) {
        acc.add(input);
        return acc;
    }

    @Override
    public List<T> mergeAccumulators(Iterable<List<T>> accumulators) {
        List<T> out = new ArrayList<>();
        for (List<T> a : accumulators) {
            out.addAll(a);
        }
        return out;
    }

    @Override
    public List<T> extractOutput(List<T> acc) {
        List<T> out = new ArrayList<>(acc);
        Collections.sort(out);
        return out;
    }

    @Override
    public Coder<List<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
        return ListCoder.of(elementCoder);
    }

    @Override
    public Coder<List<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
        return ListCoder.of(elementCoder);
    }
}
