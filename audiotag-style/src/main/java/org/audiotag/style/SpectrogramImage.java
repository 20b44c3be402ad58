package org.audiotag.style;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.toolkit.AtomicFiles;
import org.w3c.dom.Node;

/**
 * A (log-)spectrogram as an image: values in dB, librosa layout (bin, frame) with {@code nBins} rows and
 * {@code nFrames} columns, element (k, t) at {@code k * nFrames + t}, together with the dB range [dbMin, dbMax] that
 * maps to black (0) and white / yellow (full scale).
 *
 * <p>{@link #write} renders a PNG, one pixel per (bin, frame), the lowest bin at the <em>bottom</em> row (the usual
 * display orientation; the 2019 notebook did not flip), in 8-bit grey, 16-bit grey or 8-bit viridis, and stores the
 * dB range, the colour map and the orientation in PNG {@code tEXt} chunks (keywords {@code audiotag.db_min},
 * {@code audiotag.db_max}, {@code audiotag.colormap}, {@code audiotag.orientation}). {@link #read} restores the dB
 * values from those chunks, so the round trip is exact up to quantisation: at most half a level,
 * {@code (dbMax - dbMin) / (2 (2^bits - 1))}. This fixes the 2019 inversion bug (docs/ORIGINAL-PROJECT.md §10.11),
 * which assumed a fixed [-80, +20] dB range for images normalised per clip.
 *
 * <p>Images without the chunks (a painting used as a style, a JPEG) are read as luminance
 * 0.299 R + 0.587 G + 0.114 B scaled to [0, 1] ({@link #hasStoredRange()} false, range [0, 1]).
 * Instances are immutable.
 *
 * <p>A log-mel spectrogram of a real clip to a viridis PNG and back, in the dB convention {@link MelToAudio#invertDb}
 * expects ({@code librosa.power_to_db(S, ref=1.0, top_db=80)}); {@code ogg} is a sound file (e.g.
 * {@code data/esc10/001 - Dog bark/1-100032-A.ogg}), {@code png} the image to write:
 * {@snippet :
 * AudioClip clip = AudioLoader.atRate(22050).load(ogg);                // mono, resampled to 22050 Hz
 * MelSpectrogram melSpec = MelSpectrogram.builder().sampleRate(22050).nMels(128).build();
 * DoubleMatrix mel = melSpec.compute(clip.samplesAsDouble());          // (128 mels, frames) power
 * DoubleMatrix db = Decibels.powerToDb(mel, DbRef.ONE, 1e-10, 80.0);   // 10 log10(mel), top 80 dB
 * SpectrogramImage image = SpectrogramImage.of(db);                    // range = the data's min and max
 * image.write(png, ColorMap.VIRIDIS, 8);                               // range and map stored in the PNG
 * SpectrogramImage back = SpectrogramImage.read(png);                  // dB values again, same range
 * double worst = image.quantisationError(8);                           // max |back - image| in dB, 80 / 510
 * }
 */
public final class SpectrogramImage {
    static final String KEY_MIN = "audiotag.db_min";
    static final String KEY_MAX = "audiotag.db_max";
    static final String KEY_MAP = "audiotag.colormap";
    static final String KEY_ORIENTATION = "audiotag.orientation";
    private static final String ORIENTATION = "low-bins-at-bottom";
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private final double[] db;
    private final int nBins;
    private final int nFrames;
    private final double dbMin;
    private final double dbMax;
    private final boolean storedRange;

    private SpectrogramImage(double[] db, int nBins, int nFrames, double dbMin, double dbMax, boolean storedRange) {
        this.db = db;
        this.nBins = nBins;
        this.nFrames = nFrames;
        this.dbMin = dbMin;
        this.dbMax = dbMax;
        this.storedRange = storedRange;
    }

    /**
     * Creates an image of dB values whose range [dbMin, dbMax] is the data's own minimum and maximum, so the full
     * grey or colour scale is used.
     *
     * @param db (nBins, nFrames) row-major dB values (copied), all finite
     * @param nBins number of rows (frequency or mel bins), &gt;= 1
     * @param nFrames number of columns (frames), &gt;= 1
     * @return the image
     * @throws IllegalArgumentException on a shape mismatch or a non-finite value
     */
    public static SpectrogramImage of(double[] db, int nBins, int nFrames) {
        checkShape(db, nBins, nFrames);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < db.length; i++) {
            double v = db[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("db: value " + v + " at (bin " + i / nFrames + ", frame "
                        + i % nFrames + ") is not finite");
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new SpectrogramImage(db.clone(), nBins, nFrames, lo, hi, true);
    }

    /**
     * Creates an image of dB values with a fixed range [dbMin, dbMax], e.g. [-80, 0] for {@code power_to_db} with
     * {@code ref=np.max, top_db=80}; values outside the range are clipped to it.
     *
     * @param db (nBins, nFrames) row-major dB values (copied), all finite
     * @param nBins number of rows (frequency or mel bins), &gt;= 1
     * @param nFrames number of columns (frames), &gt;= 1
     * @param dbMin dB value drawn as level 0, finite
     * @param dbMax dB value drawn as full scale, finite and &gt;= dbMin
     * @return the image
     * @throws IllegalArgumentException on a shape mismatch, a non-finite value or a bad range
     */
    public static SpectrogramImage of(double[] db, int nBins, int nFrames, double dbMin, double dbMax) {
        checkShape(db, nBins, nFrames);
        checkRange(dbMin, dbMax);
        double[] v = new double[db.length];
        for (int i = 0; i < db.length; i++) {
            if (!Double.isFinite(db[i])) {
                throw new IllegalArgumentException("db: value " + db[i] + " at (bin " + i / nFrames + ", frame "
                        + i % nFrames + ") is not finite");
            }
            v[i] = Math.min(dbMax, Math.max(dbMin, db[i]));
        }
        return new SpectrogramImage(v, nBins, nFrames, dbMin, dbMax, true);
    }

    /**
     * Creates an image of single-precision dB values (e.g. {@code FeatureMatrix.toArray()}) whose range is the data's
     * own minimum and maximum; the values are widened to double exactly.
     *
     * @param db (nBins, nFrames) row-major dB values, all finite
     * @param nBins number of rows (frequency or mel bins), &gt;= 1
     * @param nFrames number of columns (frames), &gt;= 1
     * @return the image
     * @throws IllegalArgumentException on a shape mismatch or a non-finite value
     */
    public static SpectrogramImage of(float[] db, int nBins, int nFrames) {
        return of(widen(db), nBins, nFrames);
    }

    /**
     * Creates an image of single-precision dB values with a fixed range [dbMin, dbMax]; values outside it are
     * clipped to it.
     *
     * @param db (nBins, nFrames) row-major dB values, all finite
     * @param nBins number of rows (frequency or mel bins), &gt;= 1
     * @param nFrames number of columns (frames), &gt;= 1
     * @param dbMin dB value drawn as level 0, finite
     * @param dbMax dB value drawn as full scale, finite and &gt;= dbMin
     * @return the image
     * @throws IllegalArgumentException on a shape mismatch, a non-finite value or a bad range
     */
    public static SpectrogramImage of(float[] db, int nBins, int nFrames, double dbMin, double dbMax) {
        return of(widen(db), nBins, nFrames, dbMin, dbMax);
    }

    /**
     * Creates an image of a single-precision (bin, frame) dB matrix, e.g.
     * {@code Decibels.powerToDb(melSpectrogram.compute(y), ...)} for {@code float[] y}, whose range is the data's own
     * minimum and maximum.
     *
     * @param db dB values, {@code rows()} bins by {@code cols()} frames, all finite
     * @return the image
     * @throws IllegalArgumentException if the matrix is empty or holds a non-finite value
     */
    public static SpectrogramImage of(FeatureMatrix db) {
        Objects.requireNonNull(db, "db");
        return of(widen(db.toArray()), db.rows(), db.cols());
    }

    /**
     * Creates an image of a single-precision (bin, frame) dB matrix with a fixed range [dbMin, dbMax]; values outside
     * it are clipped to it.
     *
     * @param db dB values, {@code rows()} bins by {@code cols()} frames, all finite
     * @param dbMin dB value drawn as level 0, finite
     * @param dbMax dB value drawn as full scale, finite and &gt;= dbMin
     * @return the image
     * @throws IllegalArgumentException if the matrix is empty, holds a non-finite value, or the range is bad
     */
    public static SpectrogramImage of(FeatureMatrix db, double dbMin, double dbMax) {
        Objects.requireNonNull(db, "db");
        return of(widen(db.toArray()), db.rows(), db.cols(), dbMin, dbMax);
    }

    /**
     * Creates an image of a double-precision (bin, frame) dB matrix (the double paths of audiotag-features, e.g.
     * {@code Decibels.powerToDb(melSpectrogram.compute(y), ...)} for {@code double[] y}) whose range is the data's own
     * minimum and maximum.
     *
     * @param db dB values, {@code rows()} bins by {@code cols()} frames, all finite
     * @return the image
     * @throws IllegalArgumentException if the matrix is empty or holds a non-finite value
     */
    public static SpectrogramImage of(DoubleMatrix db) {
        Objects.requireNonNull(db, "db");
        return of(db.toArray(), db.rows(), db.cols());
    }

    private static double[] widen(float[] values) {
        Objects.requireNonNull(values, "values");
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Creates an image from values normalised to [0, 1], mapped to dB as {@code dbMin + u (dbMax - dbMin)}; values
     * are clipped to [0, 1] first (the inverse of {@link #unit()}, used for the output of style transfer).
     *
     * @param unit (nBins, nFrames) row-major values, not NaN
     * @param nBins number of rows (frequency or mel bins), &gt;= 1
     * @param nFrames number of columns (frames), &gt;= 1
     * @param dbMin dB value of 0, finite
     * @param dbMax dB value of 1, finite and &gt;= dbMin
     * @return the image
     * @throws IllegalArgumentException on a shape mismatch, a NaN value or a bad range
     */
    public static SpectrogramImage fromUnit(double[] unit, int nBins, int nFrames, double dbMin, double dbMax) {
        checkShape(unit, nBins, nFrames);
        checkRange(dbMin, dbMax);
        double[] v = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            double u = unit[i];
            if (Double.isNaN(u)) {
                throw new IllegalArgumentException("unit: NaN at (bin " + i / nFrames + ", frame " + i % nFrames + ")");
            }
            u = Math.min(1.0, Math.max(0.0, u));
            v[i] = dbMin + u * (dbMax - dbMin);
        }
        return new SpectrogramImage(v, nBins, nFrames, dbMin, dbMax, true);
    }

    private static void checkShape(double[] v, int rows, int cols) {
        Objects.requireNonNull(v, "values");
        if (rows < 1 || cols < 1 || v.length != (long) rows * cols) {
            throw new IllegalArgumentException("shape: " + v.length + " values do not make (" + rows + ", " + cols
                    + ") with both >= 1");
        }
    }

    private static void checkRange(double dbMin, double dbMax) {
        if (!Double.isFinite(dbMin) || !Double.isFinite(dbMax) || dbMax < dbMin) {
            throw new IllegalArgumentException("dbMin/dbMax must be finite with dbMin <= dbMax, got [" + dbMin + ", "
                    + dbMax + "]");
        }
    }

    /**
     * Returns the number of rows, the frequency or mel bins.
     *
     * @return number of rows (frequency or mel bins)
     */
    public int nBins() {
        return nBins;
    }

    /**
     * Returns the number of columns, the STFT frames.
     *
     * @return number of columns (frames)
     */
    public int nFrames() {
        return nFrames;
    }

    /**
     * Returns the dB value drawn as level 0 (black, or viridis' dark purple); 0 for a picture without stored range.
     *
     * @return the dB value drawn as level 0
     */
    public double dbMin() {
        return dbMin;
    }

    /**
     * Returns the dB value drawn as full scale (white, or viridis' yellow); 1 for a picture without stored range.
     *
     * @return the dB value drawn as full scale
     */
    public double dbMax() {
        return dbMax;
    }

    /**
     * Tells whether the values are dB with a known range: true for images created here or read from a PNG written by
     * {@link #write}, false for a foreign picture read by {@link #read}.
     *
     * @return false for an image read without audiotag's range chunks (values are then luminance in [0, 1])
     */
    public boolean hasStoredRange() {
        return storedRange;
    }

    /**
     * Returns the values in dB (luminance in [0, 1] for a foreign picture), (nBins, nFrames) row-major.
     *
     * @return a copy of the (nBins, nFrames) dB values, element (k, t) at {@code k * nFrames + t}
     */
    public double[] db() {
        return db.clone();
    }

    /**
     * Returns the dB value at (bin, frame).
     *
     * @param bin row, 0 = lowest frequency, in [0, nBins)
     * @param frame column, in [0, nFrames)
     * @return the value in dB
     * @throws IndexOutOfBoundsException if bin or frame is out of range
     */
    public double db(int bin, int frame) {
        Objects.checkIndex(bin, nBins);
        Objects.checkIndex(frame, nFrames);
        return db[bin * nFrames + frame];
    }

    /**
     * Returns the values normalised to [0, 1] by {@code (db - dbMin) / (dbMax - dbMin)}, the input of style transfer.
     *
     * @return (nBins, nFrames) row-major values in [0, 1] (all 0 for a constant image)
     */
    public double[] unit() {
        double[] u = new double[db.length];
        double span = dbMax - dbMin;
        if (span > 0) {
            for (int i = 0; i < db.length; i++) {
                u[i] = (db[i] - dbMin) / span;
            }
        }
        return u;
    }

    /**
     * Returns the largest round-trip error of {@link #write} then {@link #read} at a bit depth: half a quantisation
     * level, e.g. 0.157 dB at 8 bits and 0.0006 dB at 16 bits for an 80 dB range.
     *
     * @param bitDepth bits per level: 8 (grey or viridis) or 16 (grey)
     * @return (dbMax - dbMin) / (2 (2^bitDepth - 1)) in dB
     */
    public double quantisationError(int bitDepth) {
        return (dbMax - dbMin) / (2.0 * ((1 << bitDepth) - 1));
    }

    /**
     * Writes the image as a PNG (temporary file in the same folder, then moved into place).
     *
     * @param file target {@code .png}
     * @param map colour map
     * @param bitDepth 8, or 16 for {@link ColorMap#GREY}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException for a bit depth the map does not support
     */
    public void write(Path file, ColorMap map, int bitDepth) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(map, "map");
        if (bitDepth != 8 && !(bitDepth == 16 && map == ColorMap.GREY)) {
            throw new IllegalArgumentException("bitDepth must be 8 (any map) or 16 (grey), got " + bitDepth
                    + " for " + map);
        }
        double[] u = unit();
        BufferedImage img;
        if (map == ColorMap.GREY) {
            int levels = (1 << bitDepth) - 1;
            img = new BufferedImage(nFrames, nBins,
                    bitDepth == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster r = img.getRaster();
            for (int k = 0; k < nBins; k++) {
                int y = nBins - 1 - k;
                for (int t = 0; t < nFrames; t++) {
                    r.setSample(t, y, 0, (int) Math.round(u[k * nFrames + t] * levels));
                }
            }
        } else {
            img = new BufferedImage(nFrames, nBins, BufferedImage.TYPE_INT_RGB);
            for (int k = 0; k < nBins; k++) {
                int y = nBins - 1 - k;
                for (int t = 0; t < nFrames; t++) {
                    img.setRGB(t, y, map.rgb((int) Math.round(u[k * nFrames + t] * 255)));
                }
            }
        }
        Map<String, String> text = new HashMap<>();
        text.put(KEY_MIN, Double.toString(dbMin));
        text.put(KEY_MAX, Double.toString(dbMax));
        text.put(KEY_MAP, map.name().toLowerCase(Locale.ROOT));
        text.put(KEY_ORIENTATION, ORIENTATION);
        writePng(img, text, file);
    }

    private static void writePng(BufferedImage img, Map<String, String> text, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException(file + ": no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try {
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img),
                    writer.getDefaultWriteParam());
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
            for (Map.Entry<String, String> e : text.entrySet()) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("value", e.getValue());
                chunk.appendChild(entry);
            }
            root.appendChild(chunk);
            meta.mergeTree(PNG_FORMAT, root);
            AtomicFiles.write(file, os -> {
                try (ImageOutputStream out = new MemoryCacheImageOutputStream(os)) {
                    writer.setOutput(out);
                    writer.write(new IIOImage(img, null, meta));
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /**
     * Reads an image: a PNG written by {@link #write} gives back its dB values (to quantisation, see
     * {@link #quantisationError}) and range; any other PNG / JPEG / BMP / GIF gives luminance in [0, 1] with the
     * lowest row of the picture as bin 0.
     *
     * @param file the image
     * @return the spectrogram image
     * @throws IOException naming the file if it is missing, empty, truncated or not an image, or if its audiotag
     *     chunks are malformed
     */
    public static SpectrogramImage read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such image file");
        }
        if (Files.size(file) == 0) {
            throw new IOException(file + ": empty file, not an image");
        }
        BufferedImage img;
        Map<String, String> text = new HashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not a readable image (PNG, JPEG, BMP or GIF expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                img = reader.read(0);
                IIOMetadata meta = reader.getImageMetadata(0);
                if (meta != null && java.util.Arrays.asList(meta.getMetadataFormatNames()).contains(PNG_FORMAT)) {
                    collectText(meta.getAsTree(PNG_FORMAT), text);
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": cannot decode image (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < 1 || h < 1) {
            throw new IOException(file + ": image has no pixels");
        }
        boolean ours = text.containsKey(KEY_MIN) || text.containsKey(KEY_MAX);
        double lo = 0.0;
        double hi = 1.0;
        ColorMap map = null;
        if (ours) {
            try {
                lo = Double.parseDouble(text.getOrDefault(KEY_MIN, ""));
                hi = Double.parseDouble(text.getOrDefault(KEY_MAX, ""));
                checkRange(lo, hi);
                map = ColorMap.parse(text.getOrDefault(KEY_MAP, "grey"));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": malformed audiotag range chunks (" + e.getMessage() + ")", e);
            }
            if (!ORIENTATION.equals(text.getOrDefault(KEY_ORIENTATION, ORIENTATION))) {
                throw new IOException(file + ": unknown " + KEY_ORIENTATION + " '" + text.get(KEY_ORIENTATION) + "'");
            }
        }
        double[] u = new double[w * h];
        java.awt.image.Raster raster = img.getRaster();
        boolean singleBand = raster.getNumBands() == 1 && img.getColorModel().getNumComponents() == 1;
        int bits = img.getColorModel().getComponentSize(0);
        for (int y = 0; y < h; y++) {
            int k = h - 1 - y;
            for (int x = 0; x < w; x++) {
                double v;
                if (singleBand && (map == null || map == ColorMap.GREY)) {
                    v = raster.getSample(x, y, 0) / (double) ((1 << bits) - 1);
                } else if (map == ColorMap.VIRIDIS) {
                    v = map.level(img.getRGB(x, y)) / 255.0;
                } else {
                    int c = img.getRGB(x, y);
                    v = (0.299 * ((c >> 16) & 0xFF) + 0.587 * ((c >> 8) & 0xFF) + 0.114 * (c & 0xFF)) / 255.0;
                }
                u[k * w + x] = v;
            }
        }
        double[] db = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            db[i] = lo + u[i] * (hi - lo);
        }
        return new SpectrogramImage(db, h, w, lo, hi, ours);
    }

    private static void collectText(Node node, Map<String, String> out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if ("tEXtEntry".equals(c.getNodeName()) || "iTXtEntry".equals(c.getNodeName())
                    || "zTXtEntry".equals(c.getNodeName())) {
                Node k = c.getAttributes().getNamedItem("keyword");
                Node v = c.getAttributes().getNamedItem("value");
                if (v == null) {
                    v = c.getAttributes().getNamedItem("text");
                }
                if (k != null && v != null) {
                    out.put(k.getNodeValue(), v.getNodeValue());
                }
            }
            collectText(c, out);
        }
    }

    /**
     * Resamples to another size by bilinear interpolation (pixel centres aligned, edges clamped), keeping the dB
     * range; used to fit a style image to the content's number of mel bins.
     *
     * @param rows new number of bins, &gt;= 1
     * @param cols new number of frames, &gt;= 1
     * @return the resized image
     * @throws IllegalArgumentException if rows or cols is below 1
     */
    public SpectrogramImage resize(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("resize: rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double sr = Math.max(0, Math.min(nBins - 1, (r + 0.5) * nBins / rows - 0.5));
            int r0 = (int) Math.floor(sr);
            int r1 = Math.min(nBins - 1, r0 + 1);
            double fr = sr - r0;
            for (int c = 0; c < cols; c++) {
                double sc = Math.max(0, Math.min(nFrames - 1, (c + 0.5) * nFrames / cols - 0.5));
                int c0 = (int) Math.floor(sc);
                int c1 = Math.min(nFrames - 1, c0 + 1);
                double fc = sc - c0;
                double top = db[r0 * nFrames + c0] * (1 - fc) + db[r0 * nFrames + c1] * fc;
                double bot = db[r1 * nFrames + c0] * (1 - fc) + db[r1 * nFrames + c1] * fc;
                out[r * cols + c] = top * (1 - fr) + bot * fr;
            }
        }
        return new SpectrogramImage(out, rows, cols, dbMin, dbMax, storedRange);
    }
}
