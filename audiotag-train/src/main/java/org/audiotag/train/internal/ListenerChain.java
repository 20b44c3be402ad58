package org.audiotag.train.internal;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.audiotag.train.EpochRecord;
import org.audiotag.train.TrainingContext;
import org.audiotag.train.TrainingListener;

/** Forwards every event to a list of listeners, in order; the first exception ends the event. */
public final class ListenerChain implements TrainingListener {

    private final List<TrainingListener> listeners;

    /**
     * Creates the chain.
     *
     * @param listeners the listeners, in call order (nulls are left out)
     */
    public ListenerChain(List<TrainingListener> listeners) {
        this.listeners = listeners.stream().filter(Objects::nonNull).toList();
    }

    /** Returns the listeners in call order (unmodifiable). */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    @Override
    public void onTrainingBegin(TrainingContext context) throws IOException {
        for (TrainingListener l : listeners) {
            l.onTrainingBegin(context);
        }
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) throws IOException {
        for (TrainingListener l : listeners) {
            l.onEpochBegin(context, epoch);
        }
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        for (TrainingListener l : listeners) {
            l.onBatch(epoch, batch, batches, loss);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record, boolean best) throws IOException {
        for (TrainingListener l : listeners) {
            l.onEpochEnd(context, record, best);
        }
    }

    @Override
    public void onEpoch(EpochRecord record, boolean best) {
        for (TrainingListener l : listeners) {
            l.onEpoch(record, best);
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext context) throws IOException {
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(context);
        }
    }

    @Override
    public String toString() {
        return "ListenerChain" + listeners;
    }
}
