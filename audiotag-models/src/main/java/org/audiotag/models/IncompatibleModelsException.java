package org.audiotag.models;

/**
 * Signals that models given together to be averaged (an {@link EventDetector} ensemble) cannot be: one of them has
 * other tags, another sample rate or another window length than the first. It is an
 * {@link IllegalArgumentException}, like the detector's other refusals of its arguments; its own type lets a caller
 * tell "these models do not go together" from "these settings are wrong". The message names the model by its position
 * and says what differs, with both values.
 */
public final class IncompatibleModelsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int model;

    /**
     * Creates the exception.
     *
     * @param model the position (from 0) of the first model that differs from model 0
     * @param difference what differs, with its value and model 0's, e.g. {@code "sample rate 8000 Hz (model 0:
     *     44100 Hz)"}
     */
    public IncompatibleModelsException(int model, String difference) {
        super("taggers: model " + model + " cannot be averaged with model 0: its " + difference + " differ");
        this.model = model;
    }

    /**
     * Returns the position (from 0) of the first model that differs from model 0.
     *
     * @return the model's position in the list given to the detector
     */
    public int model() {
        return model;
    }
}
