/**
 * Audio decoding and librosa-exact audio features: resampling, STFT/iSTFT, mel filter banks, mel spectrograms,
 * dB scaling, MFCC and the fixed-length inputs of the original project. No TensorFlow here.
 */
// "module": the qualified export names modules built after this one; "requires-automatic": JOrbis publishes no
// module name of its own
@SuppressWarnings({"module", "requires-automatic"})
module org.audiotag.features {
    requires org.audiotag.toolkit;
    requires jorbis;
    requires org.slf4j;

    exports org.audiotag.features;
    exports org.audiotag.features.io;
    // the FFT engine is shared with the modules that need raw transforms, and with no one else
    exports org.audiotag.features.internal.fft to org.audiotag.augment, org.audiotag.style;
    // the decoder fuzzer behind 'audiotag bench fuzz', and no one else
    exports org.audiotag.features.internal.fuzz to org.audiotag.cli;
}
