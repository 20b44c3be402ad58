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
}
