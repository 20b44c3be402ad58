package org.audiotag.cli;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * Where {@code audiotag listen --mic} records from: opens a capture line for a PCM format. The command line uses
 * {@link #system()}, javax.sound's default capture device; tests hand {@link ListenCommand} a device of their own.
 */
@FunctionalInterface
interface CaptureDevice {

    /**
     * Returns a line that is open (not yet started) in the given format.
     *
     * @param format the PCM format to record
     * @return the open line; the caller starts, stops and closes it
     * @throws LineUnavailableException if the device exists but cannot be opened (busy, or the format is refused)
     * @throws IllegalArgumentException if no device records that format (javax.sound's wording)
     */
    TargetDataLine open(AudioFormat format) throws LineUnavailableException;

    /** javax.sound's default capture device ({@link AudioSystem#getTargetDataLine(AudioFormat)}). */
    static CaptureDevice system() {
        return format -> {
            TargetDataLine line = AudioSystem.getTargetDataLine(format);
            line.open(format);
            return line;
        };
    }
}
