/**
 * Internal helpers of the audiotag modules, one concept per class: {@link org.audiotag.toolkit.AtomicFiles} (write a
 * file or a folder through a temporary sibling moved into place), {@link org.audiotag.toolkit.Csv} (RFC 4180 reading
 * with line numbers and writing, over Apache Commons CSV), {@link org.audiotag.toolkit.Json} (pretty-printed JSON
 * over jackson-core's streaming generator), {@link org.audiotag.toolkit.Version} (the audiotag version) and
 * {@link org.audiotag.toolkit.Provenance} (the key/value record written beside models and runs).
 *
 * <p><b>Internal, not API.</b> {@code module-info} exports this package only to the audiotag modules; applications
 * cannot read it, and there is no compatibility promise: anything here may change or go away in any release.
 */
package org.audiotag.toolkit;
