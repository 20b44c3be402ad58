/**
 * Audio decoding and librosa-exact audio features: resampling, STFT/iSTFT, mel filter banks, mel spectrograms,
 * dB scaling, MFCC and the fixed-length inputs of the original project. No TensorFlow here.
 */
module org.audiotag.features {
    requires JTransforms;
    requires jorbis;
    requires org.slf4j;

    exports org.audiotag.features;
    exports org.audiotag.features.io;
    // the decoder fuzzer behind 'audiotag bench fuzz'; not API. javac notes "module not found: org.audiotag.cli"
    // when this module compiles alone: the command line module is built after it
    exports org.audiotag.features.internal.fuzz to org.audiotag.cli;
}
