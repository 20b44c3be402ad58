/**
 * Spectrogram images (grey / viridis PNG with the dB range stored), mel inversion by non-negative least squares
 * (librosa.feature.inverse.mel_to_stft), fast Griffin-Lim (librosa.griffinlim), and Gatys-style spectrogram style
 * transfer on TensorFlow Java.
 *
 * <p>TensorFlow is optional: {@code SpectrogramImage}, {@code ColorMap}, {@code MelInverter}, {@code GriffinLim},
 * {@code MelToAudio} and {@code Legacy2019Inversion} run with only audiotag-features, Commons Math and
 * SLF4J on the module path. The TensorFlow modules are {@code requires static} (and the Maven dependencies
 * {@code <optional>}) because only {@code StyleTransfer} and {@code FeedForwardStylizer} use them; an application that
 * calls those adds the TensorFlow Java dependencies (audiotag-models brings all but tensorflow-framework) and puts the
 * modules in its graph ({@code requires tensorflow; requires tensorflow.framework;}, or {@code --add-modules
 * tensorflow,tensorflow.framework}). Without them those two classes throw an {@code IllegalStateException} that says
 * so when they are created.
 */
@SuppressWarnings("requires-automatic") // Commons Math 3 publishes no module name of its own
module org.audiotag.style {
    requires transitive org.audiotag.features;
    requires java.desktop;
    requires java.xml;
    requires org.audiotag.toolkit;
    requires commons.math3;
    requires org.slf4j;
    requires static tensorflow;
    requires static tensorflow.framework;
    requires static org.tensorflow.ndarray;

    exports org.audiotag.style;
}
