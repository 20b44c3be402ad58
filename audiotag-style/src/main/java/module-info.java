/** Spectrogram images, style transfer, mel inversion (NNLS) and Griffin-Lim. */
module org.audiotag.style {
    requires transitive org.audiotag.features;
    requires transitive org.audiotag.models;
    requires java.desktop;
    requires org.slf4j;

    // exports org.audiotag.style;  (added with the first public type)
}
