/**
 * Reading and writing audio and arrays: {@link org.audiotag.features.io.AudioDecoder} decodes WAV, FLAC and Ogg
 * Vorbis (detected by content) to {@link org.audiotag.features.io.DecodedAudio}, scaled as {@code soundfile} /
 * {@code librosa.load} scale them; unreadable input raises the checked
 * {@link org.audiotag.features.io.AudioFormatException} ({@code "<file>: <problem>"}).
 */
package org.audiotag.features.io;
