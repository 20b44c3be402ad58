/** A layer toolkit on TensorFlow Java 1.1.0 and the architectures of the original project. */
module org.audiotag.models {
    requires org.audiotag.toolkit;
    requires transitive tensorflow;
    requires transitive tensorflow.framework;
    requires org.slf4j;

    exports org.audiotag.models;
    exports org.audiotag.models.layers;
}
