package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every FLAC file shipped in {@code data/} (81) decodes to exactly the samples JFLAC 1.5.2, the decoder this
 * project used before its own, returned: same channels and frames, and the same SHA-256 over the float32 samples
 * (interleaved, little-endian), recorded from JFLAC in {@code decoder-reference/flac-jflac-sha256.tsv}.
 */
class FlacJflacParityTest {

    @Test
    void everyShippedFlacDecodesBitForBitAsJflacDid() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("/decoder-reference/flac-jflac-sha256.tsv")) {
            assertThat(in).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.startsWith("path\t")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        assertThat(rows).hasSize(81);
        for (String[] row : rows) {
            DecodedAudio a = AudioDecoder.decode(IoTestSupport.root().resolve(row[0]));
            assertThat(a.channels()).as("channels of %s", row[0]).isEqualTo(Integer.parseInt(row[1]));
            assertThat(a.frames()).as("frames of %s", row[0]).isEqualTo(Integer.parseInt(row[2]));
            ByteBuffer b = ByteBuffer.allocate(4 * a.frames() * a.channels()).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : a.interleaved()) {
                b.putFloat(v);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
            assertThat(sha).as("samples of %s", row[0]).isEqualTo(row[3]);
        }
    }
}
