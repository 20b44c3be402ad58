package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;
import org.audiotag.toolkit.Json;

/**
 * The per-epoch records of a training run, written as {@code history.csv} and {@code history.json} with every number
 * in its exact decimal form (so a resumed run reads back exactly what it wrote; in the JSON, values that are not
 * finite are {@code null}). In the files the epoch column counts from 1 (as printed); {@link EpochRecord#epoch()}
 * counts from 0. Runs that record the original's train lwlrap or batch-averaged lwlrap get two more columns,
 * {@code train_lwlrap} and {@code val_batch_lwlrap}.
 */
public final class History {

    private static final String HEADER =
            "epoch,lr,train_loss,val_loss,val_lwlrap,val_map,val_accuracy,train_seconds,train_samples_per_second";
    /** The header with the two columns of the original's extra metrics, written when a run records them. */
    private static final String EXTENDED_HEADER = HEADER + ",train_lwlrap,val_batch_lwlrap";

    private final List<EpochRecord> records;

    /**
     * Creates a history of the given epochs.
     *
     * @param records the epochs in order, first epoch first
     */
    public History(List<EpochRecord> records) {
        this.records = List.copyOf(records);
    }

    /** Returns the epochs in order, first epoch first (unmodifiable). */
    public List<EpochRecord> records() {
        return records;
    }

    /**
     * Returns the epoch with the highest validation lwlrap (earliest on ties), the one the original reported
     * (docs/ORIGINAL-PROJECT.md §5.1), or {@code null} if there is none.
     */
    public EpochRecord best() {
        EpochRecord b = null;
        for (EpochRecord r : records) {
            if (b == null || r.valLwlrap() > b.valLwlrap()) {
                b = r;
            }
        }
        return b;
    }

    /**
     * Returns the mean training-pass time per epoch in seconds, the original's "Time (1 epoch)"
     * (docs/ORIGINAL-PROJECT.md §5.1); NaN when there is no epoch.
     */
    public double meanEpochSeconds() {
        return records.stream().mapToDouble(EpochRecord::trainSeconds).average().orElse(Double.NaN);
    }

    /**
     * Writes {@code history.csv} and {@code history.json} into {@code dir}, atomically (the folder is created if
     * missing).
     *
     * @param dir the run folder
     * @throws IOException on write failure
     */
    public void write(Path dir) throws IOException {
        boolean extended = extended();
        StringBuilder csv = new StringBuilder(extended ? EXTENDED_HEADER : HEADER).append('\n');
        for (EpochRecord r : records) {
            if (extended) {
                csv.append(Csv.line(r.epoch() + 1, r.lr(), r.trainLoss(), r.valLoss(), r.valLwlrap(), r.valMap(),
                        r.valAccuracy(), r.trainSeconds(), r.trainSamplesPerSecond(), r.trainLwlrap(),
                        r.valBatchLwlrap()));
            } else {
                csv.append(Csv.line(r.epoch() + 1, r.lr(), r.trainLoss(), r.valLoss(), r.valLwlrap(), r.valMap(),
                        r.valAccuracy(), r.trainSeconds(), r.trainSamplesPerSecond()));
            }
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("history.csv"), csv.toString());
        Json.write(dir.resolve("history.json"), json -> {
            json.beginArray();
            for (EpochRecord r : records) {
                json.beginObject().field("epoch", r.epoch() + 1).field("lr", r.lr())
                        .field("train_loss", r.trainLoss()).field("val_loss", r.valLoss())
                        .field("val_lwlrap", r.valLwlrap()).field("val_map", r.valMap())
                        .field("val_accuracy", r.valAccuracy()).field("train_seconds", r.trainSeconds())
                        .field("train_samples_per_second", r.trainSamplesPerSecond());
                if (extended) {
                    json.field("train_lwlrap", r.trainLwlrap()).field("val_batch_lwlrap", r.valBatchLwlrap());
                }
                json.endObject();
            }
            json.endArray();
        });
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
        List<Csv.Row> rows = Csv.readAll(f);
        boolean extended = !rows.isEmpty() && rows.get(0).matches(EXTENDED_HEADER.split(","));
        if (rows.isEmpty() || !extended && !rows.get(0).matches(HEADER.split(","))) {
            throw new IOException(f + ":" + (rows.isEmpty() ? 1 : rows.get(0).line()) + ": unexpected header");
        }
        List<EpochRecord> out = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            try {
                out.add(new EpochRecord(Integer.parseInt(r.get(0)) - 1, d(r.get(1)), d(r.get(2)), d(r.get(3)),
                        d(r.get(4)), d(r.get(5)), d(r.get(6)), d(r.get(7)), d(r.get(8)),
                        extended ? d(r.get(9)) : Double.NaN, extended ? d(r.get(10)) : Double.NaN));
            } catch (RuntimeException e) {
                throw new IOException(f + ":" + r.line() + ": bad row " + Csv.quoted(r.fields()), e);
            }
        }
        return new History(out);
    }

    /** Whether any epoch has a train lwlrap or a batch-averaged lwlrap, i.e. the two extra columns are written. */
    private boolean extended() {
        return records.stream().anyMatch(r -> !Double.isNaN(r.trainLwlrap()) || !Double.isNaN(r.valBatchLwlrap()));
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
