/**
 * Spectrogram images (grey / viridis PNG with the dB range stored), mel inversion by non-negative least squares
 * (librosa.feature.inverse.mel_to_stft), fast Griffin-Lim (librosa.griffinlim), and Gatys-style spectrogram style
 * transfer on TensorFlow Java.
 */
module org.audiotag.style {
    requires transitive org.audiotag.features;
    requires transitive org.audiotag.models;
    requires tensorflow.framework;
    requires transitive java.desktop;
    requires JTransforms;
    requires commons.math3;
    requires org.slf4j;

    exports org.audiotag.style;
}
