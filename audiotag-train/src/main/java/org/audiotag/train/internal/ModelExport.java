package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.models.TagModel;
import org.audiotag.train.RunFolder;
import org.audiotag.train.Trainer;
import org.audiotag.train.data.Vocabulary;

/**
 * The one place where a trained model becomes an exported model in the run folder's {@code model/}: the
 * SavedModel ({@link TagModel#exportSavedModel}), the training provenance ({@value Trainer#MODEL_INFO_FILE}) and the
 * vocabulary ({@value Trainer#VOCABULARY_FILE}), which together are what {@code Tagger.load} reads.
 */
public final class ModelExport {

    private ModelExport() {
    }

    /**
     * Exports the model (replacing a previous export of the same run).
     *
     * @param model the trained model
     * @param folder the run folder
     * @param run the run's description (provenance)
     * @param vocabulary the tags, in output order
     * @return the exported model's folder
     * @throws IOException on write failure, or if {@code model/} holds files the run did not write
     */
    public static Path export(TagModel model, RunFolder folder, RunDescription run, Vocabulary vocabulary)
            throws IOException {
        return folder.publishModel(dir -> {
            model.exportSavedModel(dir);
            run.writeProvenance(dir.resolve(Trainer.MODEL_INFO_FILE), model);
            vocabulary.write(dir.resolve(Trainer.VOCABULARY_FILE));
        });
    }
}
