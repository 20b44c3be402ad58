/** Label-aware, seeded augmentation of audio clips and spectrograms. */
module org.audiotag.augment {
    requires transitive org.audiotag.features;
    requires org.slf4j;

    // exports org.audiotag.augment;  (added with the first public type)
}
