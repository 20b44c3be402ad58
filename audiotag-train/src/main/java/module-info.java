/** Datasets, the training loop, checkpoints, export and the Tagger that embeds a trained model. */
module org.audiotag.train {
    requires transitive org.audiotag.features;
    requires transitive org.audiotag.augment;
    requires transitive org.audiotag.models;
    requires transitive org.audiotag.eval;
    requires org.audiotag.toolkit;
    requires org.slf4j;

    exports org.audiotag.train;
    exports org.audiotag.train.data;
}
