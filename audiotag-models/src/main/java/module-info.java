/**
 * Tagging models on TensorFlow Java 1.1.0: the layer toolkit, the architectures of the original project, exported
 * model directories and the {@code Tagger} an application needs to tag audio (features through audiotag-features).
 */
@SuppressWarnings("module") // the qualified export below names a module built after this one
module org.audiotag.models {
    requires org.audiotag.toolkit;
    requires transitive tensorflow;
    requires transitive org.audiotag.features;
    requires org.slf4j;

    exports org.audiotag.models;
    exports org.audiotag.models.layers;
    // the test-time window cutting, shared with the training loop's validation pass
    exports org.audiotag.models.internal to org.audiotag.train;
}
