package org.audiotag.cli;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.TargetDataLine;

/**
 * A capture line that plays back bytes recorded beforehand, for the tests of {@code listen --mic}: it hands out the
 * bytes in the order given, at most as many per read as asked, and when they run out it closes itself, as a device
 * that goes away does. It records what the command did with it: the format it was opened in, the calls to start,
 * stop and close, and the number of bytes read.
 */
final class RecordedCaptureLine implements TargetDataLine {

    private final byte[] bytes;
    private final List<String> calls = new ArrayList<>();
    private AudioFormat format;
    private int position;
    private boolean open;
    private boolean running;

    RecordedCaptureLine(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A capture device that opens this line in whatever format is asked. */
    CaptureDevice device() {
        return f -> {
            open(f);
            return this;
        };
    }

    /** The calls made on the line, in order: "open", "start", "stop", "close". */
    List<String> calls() {
        return calls;
    }

    /** Bytes handed out so far. */
    int bytesRead() {
        return position;
    }

    @Override
    public void open(AudioFormat f) {
        format = f;
        open = true;
        calls.add("open");
    }

    @Override
    public void open(AudioFormat f, int bufferSize) {
        open(f);
    }

    @Override
    public void open() {
        throw new UnsupportedOperationException("the command opens the line with its format");
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len % format.getFrameSize() != 0) {
            throw new IllegalArgumentException("read of " + len + " bytes, not whole frames of "
                    + format.getFrameSize());
        }
        if (!open) {
            return 0;
        }
        int n = Math.min(len, bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        if (position == bytes.length) {
            open = false;
        }
        return n;
    }

    @Override
    public void start() {
        running = true;
        calls.add("start");
    }

    @Override
    public void stop() {
        running = false;
        calls.add("stop");
    }

    @Override
    public void close() {
        open = false;
        calls.add("close");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return running;
    }

    @Override
    public int available() {
        return open ? bytes.length - position : 0;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return bytes.length;
    }

    @Override
    public void drain() {
    }

    @Override
    public void flush() {
    }

    @Override
    public int getFramePosition() {
        return position / format.getFrameSize();
    }

    @Override
    public long getLongFramePosition() {
        return getFramePosition();
    }

    @Override
    public long getMicrosecondPosition() {
        return Math.round(getFramePosition() * 1e6 / format.getFrameRate());
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return new DataLine.Info(TargetDataLine.class, format);
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }
}
