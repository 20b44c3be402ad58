/**
 * Implementation details of audiotag-models: the forward passes of the architectures, the cutting of test-time
 * windows, and the window feed and event tracker shared by the offline event detector and the streaming tagger.
 * Exported only to audiotag-train (whose validation pass cuts the same windows as the {@code Tagger}).
 */
package org.audiotag.models.internal;
