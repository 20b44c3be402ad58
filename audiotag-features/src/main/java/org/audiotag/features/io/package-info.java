/**
 * Reading and writing audio and arrays: {@link org.audiotag.features.io.AudioDecoder} decodes WAV, FLAC and Ogg
 * Vorbis (detected by content) to {@link org.audiotag.features.io.DecodedAudio}, scaled as {@code soundfile} /
 * {@code librosa.load} scale them; unreadable input raises the checked
 * {@link org.audiotag.features.io.AudioFormatException} ({@code "<file>: <problem>"}). The decoders are safe on
 * arbitrary bytes: bounded work and memory, documented limits on sample rate, channels and size (see
 * {@link org.audiotag.features.io.AudioDecoder}), no printing.
 */
package org.audiotag.features.io;
