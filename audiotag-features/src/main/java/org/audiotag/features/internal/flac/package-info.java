/**
 * A FLAC decoder written from RFC 9639, safe on arbitrary bytes (bounded work and memory, checksums verified, no
 * resynchronisation, no printing). Implementation detail of {@link org.audiotag.features.io.AudioDecoder}; this
 * package is not exported.
 */
package org.audiotag.features.internal.flac;
