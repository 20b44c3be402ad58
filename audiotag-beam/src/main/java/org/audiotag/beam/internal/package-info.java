/**
 * Implementation of audiotag-beam, not API: the per-worker decoder that keeps JOrbis's class-wide lock out of the
 * way of other workers, and the combiners the sinks use.
 */
package org.audiotag.beam.internal;
