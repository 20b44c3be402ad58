package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @Test
    void csvReadsBackExactlyAndJsonHasNullForUndefinedValues(@TempDir Path dir) throws IOException {
        History h = new History(List.of(
                new EpochRecord(0, 1e-3, 0.6931471805599453, 0.7, 0.1 + 0.2, 0.25, 0.5, 12.5, 3.2),
                new EpochRecord(1, 5e-4, 0.5, Double.NaN, 0.4, Double.NaN, 0.6, 11.0, 3.6363636363636362)));
        Path run = dir.resolve("run"); // created by write
        h.write(run);
        assertThat(History.read(run).records()).isEqualTo(h.records());
        assertThat(Files.readString(run.resolve("history.csv"))).isEqualTo(
                "epoch,lr,train_loss,val_loss,val_lwlrap,val_map,val_accuracy,train_seconds,train_samples_per_second\n"
                + "1,0.001,0.6931471805599453,0.7,0.30000000000000004,0.25,0.5,12.5,3.2\n"
                + "2,5.0E-4,0.5,NaN,0.4,NaN,0.6,11.0,3.6363636363636362\n");
        String json = Files.readString(run.resolve("history.json"));
        assertThat(json).startsWith("[\n  {\n    \"epoch\": 1,\n    \"lr\": 0.001,\n")
                .contains("\"val_lwlrap\": 0.30000000000000004,").contains("\"val_loss\": null,")
                .contains("\"val_map\": null,").endsWith("\"train_samples_per_second\": 3.6363636363636362\n  }\n]\n");
    }

    @Test
    void aBadRowIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        new History(List.of(new EpochRecord(0, 1e-3, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1))).write(dir);
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, Files.readString(csv) + "\n2,oops,0,0,0,0,0,0,0\n");
        assertThatThrownBy(() -> History.read(dir)).isInstanceOf(IOException.class)
                .hasMessage(csv + ":4: bad row ['2', 'oops', '0', '0', '0', '0', '0', '0', '0']");
        Files.writeString(csv, "epoch,lr\n");
        assertThatThrownBy(() -> History.read(dir)).hasMessage(csv + ":1: unexpected header");
    }
}
