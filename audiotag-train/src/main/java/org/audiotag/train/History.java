package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.audiotag.train.internal.AtomicFiles;
import org.audiotag.train.internal.CsvReader;

/**
 * The per-epoch records of a training run, written as {@code history.csv} and {@code history.json} with every number
 * in its shortest exact decimal form (so a resumed run reads back exactly what it wrote). In the files the epoch
 * column counts from 1 (as printed); {@link EpochRecord#epoch()} counts from 0.
 */
public final class History {

    private static final String HEADER =
            "epoch,lr,train_loss,val_loss,val_lwlrap,val_map,val_accuracy,train_seconds,train_samples_per_second";

    private final List<EpochRecord> records;

    /**
     * @param records the epochs in order
     */
    public History(List<EpochRecord> records) {
        this.records = List.copyOf(records);
    }

    /** @return the epochs in order (unmodifiable) */
    public List<EpochRecord> records() {
        return records;
    }

    /** @return the epoch with the highest validation lwlrap (earliest on ties), or null if empty */
    public EpochRecord best() {
        EpochRecord b = null;
        for (EpochRecord r : records) {
            if (b == null || r.valLwlrap() > b.valLwlrap()) {
                b = r;
            }
        }
        return b;
    }

    /** @return the mean training-pass time per epoch in seconds (NaN when empty) */
    public double meanEpochSeconds() {
        return records.stream().mapToDouble(EpochRecord::trainSeconds).average().orElse(Double.NaN);
    }

    /**
     * Writes {@code history.csv} and {@code history.json} into {@code dir}, atomically.
     *
     * @param dir the run folder
     * @throws IOException on write failure
     */
    public void write(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            EpochRecord r = records.get(i);
            csv.append(r.epoch() + 1).append(',').append(r.lr()).append(',').append(r.trainLoss()).append(',')
                    .append(r.valLoss()).append(',').append(r.valLwlrap()).append(',').append(r.valMap()).append(',')
                    .append(r.valAccuracy()).append(',').append(r.trainSeconds()).append(',')
                    .append(r.trainSamplesPerSecond()).append('\n');
            json.append(String.format(Locale.ROOT, "  {\"epoch\": %d, \"lr\": %s, \"train_loss\": %s, "
                    + "\"val_loss\": %s, \"val_lwlrap\": %s, \"val_map\": %s, \"val_accuracy\": %s, "
                    + "\"train_seconds\": %s, \"train_samples_per_second\": %s}%s%n", r.epoch() + 1, num(r.lr()),
                    num(r.trainLoss()), num(r.valLoss()), num(r.valLwlrap()), num(r.valMap()), num(r.valAccuracy()),
                    num(r.trainSeconds()), num(r.trainSamplesPerSecond()), i + 1 < records.size() ? "," : ""));
        }
        json.append("]\n");
        AtomicFiles.writeString(dir.resolve("history.csv"), csv.toString());
        AtomicFiles.writeString(dir.resolve("history.json"), json.toString());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /**
     * Reads {@code history.csv} from a run folder.
     *
     * @param dir the run folder
     * @return the history
     * @throws IOException if missing or malformed (message names file and line)
     */
    public static History read(Path dir) throws IOException {
        Path f = dir.resolve("history.csv");
        List<CsvReader.Row> rows = CsvReader.read(f);
        if (rows.isEmpty() || !String.join(",", rows.get(0).fields()).equals(HEADER)) {
            throw new IOException(f + ":1: unexpected header");
        }
        List<EpochRecord> out = new ArrayList<>();
        for (CsvReader.Row r : rows.subList(1, rows.size())) {
            try {
                out.add(new EpochRecord(Integer.parseInt(r.get(0)) - 1, d(r.get(1)), d(r.get(2)), d(r.get(3)),
                        d(r.get(4)), d(r.get(5)), d(r.get(6)), d(r.get(7)), d(r.get(8))));
            } catch (RuntimeException e) {
                throw new IOException(f + ":" + r.line() + ": bad row " + r.fields(), e);
            }
        }
        return new History(out);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
