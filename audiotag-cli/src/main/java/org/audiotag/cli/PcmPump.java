package org.audiotag.cli;

import java.io.IOException;
import org.audiotag.models.StreamingTagger;

/**
 * Feeds raw PCM from a source to a {@link StreamingTagger} until the source ends or a byte budget is read, then
 * closes the open events ({@link StreamingTagger#finish()}); or, if {@link #interrupt()} comes first (from the
 * shutdown hook of {@code audiotag listen}, on Ctrl-C or SIGTERM), closes them there and feeds nothing more. Feeding
 * and finishing happen under one lock, so an interrupt never runs the detector alongside the reading thread.
 */
final class PcmPump {

    /** Raw PCM bytes from a file, standard input or a capture line. */
    @FunctionalInterface
    interface PcmSource {
        /**
         * Reads bytes into {@code b} from index 0.
         *
         * @param b the buffer
         * @param len the most bytes to read (whole frames of the source's format)
         * @return the number of bytes read, or -1 at the end of the source
         * @throws IOException if the source cannot be read
         */
        int read(byte[] b, int len) throws IOException;
    }

    private final StreamingTagger live;
    private final int chunkBytes;
    private final Runnable afterFinish;
    private boolean finished;

    /**
     * Creates the pump.
     *
     * @param live the detector's stream
     * @param chunkBytes bytes per read, whole frames of the source (a capture line reads whole frames only)
     * @param afterFinish run after the open events are closed (flushing their output)
     */
    PcmPump(StreamingTagger live, int chunkBytes, Runnable afterFinish) {
        this.live = live;
        this.chunkBytes = chunkBytes;
        this.afterFinish = afterFinish;
    }

    /**
     * Reads the source until its end, {@code budget} bytes or an interrupt, then closes the open events (unless
     * the interrupt did).
     *
     * @param in the source
     * @param budget the most bytes to read, whole frames
     * @throws IOException if the source cannot be read
     * @throws IllegalArgumentException for a non-finite float sample (naming its frame)
     */
    void run(PcmSource in, long budget) throws IOException {
        byte[] buf = new byte[chunkBytes];
        for (long left = budget; left > 0; ) {
            int n = in.read(buf, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            synchronized (this) {
                if (finished) {
                    return;
                }
                live.accept(buf, 0, n);
            }
            left -= n;
        }
        interrupt();
    }

    /**
     * Closes the open events now and prints them ({@code afterFinish}); bytes read after this are not fed. Calling
     * it again does nothing.
     */
    synchronized void interrupt() {
        if (!finished) {
            finished = true;
            live.finish();
            afterFinish.run();
        }
    }

    /**
     * Whether the open events have been closed (by the end of input or by an interrupt).
     *
     * @return true once {@link #interrupt()} has run or {@link #run} has finished the stream
     */
    synchronized boolean finished() {
        return finished;
    }
}
