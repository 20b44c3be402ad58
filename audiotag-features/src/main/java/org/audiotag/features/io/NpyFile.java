package org.audiotag.features.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.audiotag.toolkit.AtomicFiles;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), so features can be compared with Python
 * ({@code numpy.load}). Writing produces float32 ({@code '<f4'}) or float64 ({@code '<f8'}) in C order with a
 * version 1.0 header (2.0 when the header would not fit), padded so that the data starts on a 64-byte boundary;
 * files are written to a temporary file in the same folder and moved into place. Reading accepts float32 and
 * float64 in either byte order; Fortran-ordered arrays, other dtypes (integers, complex, objects, structured),
 * truncated data and malformed headers are rejected with an {@link IOException} whose message is
 * {@code "<file>: <problem>"}.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /**
     * Writes a float32 array of any shape in C order ({@code numpy.save(path, a.astype('<f4'))}).
     *
     * @param file target file (replaced if it exists)
     * @param data the values in C order, e.g. a librosa-layout {@code (n_mels, n_frames)} matrix row by row
     * @param shape the dimensions, each {@code >= 0}, whose product is {@code data.length}; none for a 1-d array
     *     of {@code data.length} elements
     * @throws IllegalArgumentException if the shape does not match the data
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, float[] data, int... shape) throws IOException {
        Objects.requireNonNull(data, "data");
        int[] s = checkShape(data.length, shape);
        byte[] header = header("<f4", s);
        AtomicFiles.write(file, out -> {
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    /**
     * Writes a float64 array of any shape in C order ({@code numpy.save(path, a.astype('<f8'))}).
     *
     * @param file target file (replaced if it exists)
     * @param data the values in C order
     * @param shape the dimensions (see {@link #write(Path, float[], int...)})
     * @throws IllegalArgumentException if the shape does not match the data
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        Objects.requireNonNull(data, "data");
        int[] s = checkShape(data.length, shape);
        byte[] header = header("<f8", s);
        AtomicFiles.write(file, out -> {
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : data) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putDouble(v);
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    /**
     * Reads a float32 or float64 {@code .npy} file.
     *
     * @param file the file
     * @return the array with its shape and dtype
     * @throws IOException if the file cannot be read, is not a .npy file, is Fortran-ordered, has another dtype,
     *     or holds fewer bytes than its shape needs (message {@code "<file>: <problem>"})
     */
    public static NpyArray read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] b = Files.readAllBytes(file);
        if (b.length < 10) {
            throw new IOException(file + ": not a .npy file (" + b.length + " bytes, too short for the header)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                throw new IOException(file + ": not a .npy file (missing the \\x93NUMPY magic)");
            }
        }
        int major = b[6] & 0xFF;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(bb.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new IOException(file + ": .npy header truncated");
            }
            headerLen = Integer.toUnsignedLong(bb.getInt(8));
            headerStart = 12;
        } else {
            throw new IOException(file + ": unsupported .npy format version " + major + "." + (b[7] & 0xFF));
        }
        if (headerStart + headerLen > b.length) {
            throw new IOException(file + ": .npy header truncated (says " + headerLen + " bytes, "
                    + (b.length - headerStart) + " present)");
        }
        String header = new String(b, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": .npy header has no 'descr' entry: " + header.trim());
        }
        String descr = m.group(1);
        boolean f64;
        ByteOrder order;
        switch (descr) {
            case "<f4", "|f4", "=f4" -> {
                f64 = false;
                order = ByteOrder.LITTLE_ENDIAN;
            }
            case ">f4" -> {
                f64 = false;
                order = ByteOrder.BIG_ENDIAN;
            }
            case "<f8", "|f8", "=f8" -> {
                f64 = true;
                order = ByteOrder.LITTLE_ENDIAN;
            }
            case ">f8" -> {
                f64 = true;
                order = ByteOrder.BIG_ENDIAN;
            }
            default -> throw new IOException(file + ": unsupported .npy dtype '" + descr
                    + "' (only float32 '<f4' and float64 '<f8' are supported)");
        }
        m = FORTRAN.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": .npy header has no 'fortran_order' entry: " + header.trim());
        }
        if (m.group(1).equals("True")) {
            throw new IOException(file + ": .npy array is in Fortran (column-major) order; only C order is "
                    + "supported (save it with numpy.ascontiguousarray)");
        }
        m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": .npy header has no 'shape' entry: " + header.trim());
        }
        int[] shape = parseShape(m.group(1), file);
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new IOException(file + ": .npy array too large (" + m.group(1) + ")");
            }
        }
        int item = f64 ? 8 : 4;
        long dataStart = headerStart + headerLen;
        long need = count * item;
        if (b.length - dataStart < need) {
            throw new IOException(file + ": .npy data truncated: shape (" + m.group(1).trim() + ") needs " + need
                    + " bytes, " + (b.length - dataStart) + " present");
        }
        ByteBuffer data = ByteBuffer.wrap(b, (int) dataStart, (int) need).order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = f64 ? data.getDouble() : data.getFloat();
        }
        return new NpyArray(shape, values, f64);
    }

    private static int[] parseShape(String s, Path file) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            try {
                int d = Integer.parseInt(p);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": invalid .npy shape (" + s + ")", e);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] checkShape(int length, int[] shape) {
        if (shape == null || shape.length == 0) {
            return new int[] {length};
        }
        long product = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("shape: dimension " + i + " is negative (" + shape[i] + ")");
            }
            product *= shape[i];
        }
        if (product != length) {
            throw new IllegalArgumentException("shape: " + java.util.Arrays.toString(shape) + " holds " + product
                    + " elements, but data has " + length);
        }
        return shape.clone();
    }

    /** Magic, version, length and the padded dict, so that the data starts at a multiple of 64 bytes. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                sb.append(shape.length == 1 ? "," : ", ");
            }
        }
        sb.append(')');
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr,
                sb);
        int major = 1;
        int prefix = 10;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        if (padded - prefix > 65535) {
            major = 2;
            prefix = 12;
            total = prefix + dict.length() + 1;
            padded = (total + 63) / 64 * 64;
        }
        int headerLen = padded - prefix;
        ByteBuffer bb = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            bb.putShort((short) headerLen);
        } else {
            bb.putInt(headerLen);
        }
        bb.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (bb.position() < padded - 1) {
            bb.put((byte) ' ');
        }
        bb.put((byte) '\n');
        return bb.array();
    }
}
