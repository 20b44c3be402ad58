package org.audiotag.train.internal;

import java.util.ArrayList;
import java.util.List;
import org.audiotag.models.TagModel;
import org.audiotag.train.EpochRecord;
import org.audiotag.train.History;
import org.audiotag.train.LrSchedule;
import org.audiotag.train.RunFolder;
import org.audiotag.train.StopReason;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingContext;

/**
 * The mutable state of a running run behind {@link TrainingContext}: the finished epochs, the best one, and a stop
 * request. An epoch improves when its validation lwlrap is strictly higher than every earlier one.
 */
public final class RunState implements TrainingContext {

    private final TrainingConfig config;
    private final RunFolder folder;
    private final TagModel model;
    private final LrSchedule schedule;
    private final List<EpochRecord> records = new ArrayList<>();
    private int bestEpoch = -1;
    private double bestLwlrap = Double.NEGATIVE_INFINITY;
    private StopReason stopReason;
    private String stopMessage;

    /**
     * Creates the state of a run that has not finished an epoch yet.
     *
     * @param config training options
     * @param folder the run folder
     * @param model the model
     * @param schedule the learning-rate schedule
     */
    public RunState(TrainingConfig config, RunFolder folder, TagModel model, LrSchedule schedule) {
        this.config = config;
        this.folder = folder;
        this.model = model;
        this.schedule = schedule;
    }

    /**
     * Restores the epochs and the best epoch of a resumed run (the model and the schedule are restored by the
     * caller).
     *
     * @param finished the finished epochs
     * @param best 0-based best epoch
     * @param lwlrap its validation lwlrap
     */
    public void restore(List<EpochRecord> finished, int best, double lwlrap) {
        records.clear();
        records.addAll(finished);
        bestEpoch = best;
        bestLwlrap = lwlrap;
    }

    /**
     * Records a finished epoch.
     *
     * @param record its figures
     * @return whether it is the best so far
     */
    public boolean record(EpochRecord record) {
        boolean improved = record.valLwlrap() > bestLwlrap;
        if (improved) {
            bestLwlrap = record.valLwlrap();
            bestEpoch = record.epoch();
        }
        records.add(record);
        return improved;
    }

    /** Marks the end of the epoch loop: without a stop request the run stops because its epochs are done. */
    public void finish() {
        if (stopReason == null) {
            stopReason = StopReason.EPOCHS_DONE;
        }
    }

    @Override
    public TrainingConfig config() {
        return config;
    }

    @Override
    public RunFolder runFolder() {
        return folder;
    }

    @Override
    public TagModel model() {
        return model;
    }

    @Override
    public LrSchedule schedule() {
        return schedule;
    }

    @Override
    public History history() {
        return new History(records);
    }

    @Override
    public int epochsDone() {
        return records.size();
    }

    @Override
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public double bestLwlrap() {
        return bestLwlrap;
    }

    @Override
    public void requestStop(StopReason reason, String message) {
        if (reason == null) {
            throw new IllegalArgumentException("reason: must not be null");
        }
        if (stopReason == null) {
            stopReason = reason;
            stopMessage = message;
        }
    }

    @Override
    public boolean stopRequested() {
        return stopReason != null;
    }

    @Override
    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String stopMessage() {
        return stopMessage;
    }
}
