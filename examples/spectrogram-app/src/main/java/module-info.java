/** An application that draws and inverts spectrograms with audiotag-style, without TensorFlow. */
module org.audiotag.example.spectrogram {
    requires org.audiotag.style;

    exports org.audiotag.example.spectrogram;
}
