/**
 * Implementation details of audiotag-models: the forward passes of the architectures and the cutting of test-time
 * windows. Exported only to audiotag-train (whose validation pass cuts the same windows as the {@code Tagger}).
 */
package org.audiotag.models.internal;
