package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.TagModel;
import org.audiotag.train.RunFolder;
import org.audiotag.train.data.Vocabulary;

/**
 * The one place where a trained model becomes an exported model in the run folder's {@code model/}: an
 * {@link ExportedModel} with the SavedModel, the tag names ({@value ExportedModel#TAGS_FILE}) and ONE provenance file
 * ({@value ExportedModel#PROVENANCE_FILE}) holding the model, the run's tagging settings ({@link
 * RunDescription#tagging()}) and its training record ({@link RunDescription#trainingRecord()}, as {@code training.*}),
 * which is everything {@code Tagger.load} reads.
 */
public final class ModelExport {

    private ModelExport() {
    }

    /**
     * Exports the model (replacing a previous export of the same run) through {@link RunFolder#publishModel}.
     *
     * @param model the trained model
     * @param folder the run folder
     * @param run the run's description (tagging settings and provenance)
     * @param vocabulary the tags, in output order
     * @return the exported model's folder
     * @throws IOException on write failure, or if {@code model/} holds files the run did not write
     */
    public static Path export(TagModel model, RunFolder folder, RunDescription run, Vocabulary vocabulary)
            throws IOException {
        return folder.publishModel(dir -> ExportedModel.write(model, dir, run.tagging(), vocabulary.labels(),
                run.trainingRecord()));
    }
}
