/** An application that tags audio files with a model exported by audiotag: it needs audiotag-models only. */
module org.audiotag.example.tagging {
    requires org.audiotag.models;

    exports org.audiotag.example.tagging;
}
