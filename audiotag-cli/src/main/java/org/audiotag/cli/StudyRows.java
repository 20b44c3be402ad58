package org.audiotag.cli;

import java.util.List;

/**
 * The ten rows of the 2019 study's results table, in its order and with its labels and figures (slide 12, as
 * docs/ORIGINAL-PROJECT.md §8 lists them: lwlrap on the 506-clip validation split of FSDKaggle2019, time = mean
 * training-pass seconds per epoch on the study's unrecorded GPU). DCNN took 1 s per epoch, so each time is also the
 * ratio to DCNN's. The MCNN rows' lwlrap is the maximum of the batch-averaged metric of the MCNN trainer
 * (§3.2, §5.2).
 */
final class StudyRows {

    /**
     * One row of the table.
     *
     * @param label the study's label, e.g. {@code MCNN, augmentations, no masks}
     * @param architecture the architecture as requested from a recipe ({@code gru}, {@code mcnn-nomask}, ...)
     * @param augmented whether the row trains with augmentation
     * @param folder the run folder's name under the output folder
     * @param seedLwlrap the study's lwlrap
     * @param seedEpochSeconds the study's seconds per epoch (= the ratio to DCNN's, which took 1 s)
     */
    record Row(String label, String architecture, boolean augmented, String folder, double seedLwlrap,
            double seedEpochSeconds) {
        /** Whether the row is an MCNN one, whose trainer reported a batch-averaged lwlrap. */
        boolean mcnn() {
            return architecture.startsWith("mcnn");
        }
    }

    /** The rows in the study's order (docs/ORIGINAL-PROJECT.md §8). */
    static final List<Row> ROWS = List.of(
            new Row("DCNN", "dcnn", false, "dcnn", 0.6295, 1),
            new Row("modDCNN", "moddcnn", false, "moddcnn", 0.7028, 1),
            new Row("GRU", "gru", false, "gru", 0.4639, 2.15),
            new Row("Kaggle", "kaggle", false, "kaggle", 0.7876, 15.1),
            new Row("MCNN, no augmentations", "mcnn", false, "mcnn", 0.6149, 4.53),
            new Row("MCNN, no augmentations, no masks", "mcnn-nomask", false, "mcnn-nomask", 0.5573, 4.41),
            new Row("MCNN, augmentations", "mcnn", true, "mcnn-aug", 0.6727, 76.04),
            new Row("MCNN, augmentations, no masks", "mcnn-nomask", true, "mcnn-nomask-aug", 0.6313, 76.17),
            new Row("SampleCNN", "samplecnn", false, "samplecnn", 0.6356, 14.09),
            new Row("ReSE-2-Multi", "rese2multi", false, "rese2multi", 0.6882, 25.25));

    private StudyRows() {
    }
}
