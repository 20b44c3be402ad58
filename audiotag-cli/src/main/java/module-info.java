/** The {@code audiotag} command line. */
module org.audiotag.cli {
    requires org.audiotag.features;
    requires org.audiotag.augment;
    requires org.audiotag.models;
    requires org.audiotag.eval;
    requires org.audiotag.train;
    requires org.audiotag.style;
    // style transfer (audiotag style) needs TensorFlow's framework module, which audiotag-style only requires
    // statically and audiotag-models no longer requires: it has to be in the command line's module graph
    requires tensorflow.framework;
    requires org.audiotag.toolkit;
    requires info.picocli;
    requires org.slf4j;
    // audiotag listen --mic records through javax.sound.sampled
    requires java.desktop;

    opens org.audiotag.cli to info.picocli;
}
