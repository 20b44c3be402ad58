/**
 * Label-aware, seeded augmentation of audio clips and spectrograms: mixing, reverberation, noise, pitch shift,
 * time stretch, gain, polarity, crops, SpecAugment, a probabilistic pipeline and a parallel, ordered loader.
 */
module org.audiotag.augment {
    requires transitive org.audiotag.features;
    requires org.slf4j;

    exports org.audiotag.augment;
}
