/**
 * audiotag's internal toolkit: atomic file writes, CSV, JSON, the library version and run provenance, shared by the
 * audiotag modules. Not an API: the package is exported only to the audiotag modules named below, and it may change
 * in any release without notice.
 */
@SuppressWarnings("module") // the modules named in the qualified export are built after this one
module org.audiotag.toolkit {
    requires org.apache.commons.csv;
    requires tools.jackson.core;

    exports org.audiotag.toolkit to
            org.audiotag.features,
            org.audiotag.eval,
            org.audiotag.augment,
            org.audiotag.models,
            org.audiotag.train,
            org.audiotag.style,
            org.audiotag.cli;
}
