package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy writing and reading, including files written by numpy itself and the formats that must be rejected. */
class NpyFileTest {

    @TempDir
    Path dir;

    @Test
    void writesNumpyCompatibleHeaderAndData() throws Exception {
        Path f = dir.resolve("m.npy");
        float[] data = {1f, 2f, 3f, 4f, 5f, 6f};
        NpyFile.write(f, data, 2, 3);
        byte[] b = Files.readAllBytes(f);
        assertThat(b.length).isEqualTo(128 + 24);
        assertThat(b[0] & 0xFF).isEqualTo(0x93);
        assertThat(new String(b, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(b[6]).isEqualTo((byte) 1);
        int hlen = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat((10 + hlen) % 64).isZero();
        String header = new String(b, 10, hlen, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(ByteBuffer.wrap(b, 10 + hlen, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat()).isEqualTo(1f);
        NpyArray a = NpyFile.read(f);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.dtype()).isEqualTo("<f4");
        assertThat(a.toFloatArray()).containsExactly(data);
    }

    @Test
    void roundTripsAnyShape() throws Exception {
        float[] d24 = new float[24];
        for (int i = 0; i < d24.length; i++) {
            d24[i] = i * 0.5f - 3f;
        }
        for (int[] shape : new int[][] {{24}, {4, 6}, {2, 3, 4}, {1, 2, 3, 4}, {24, 1}}) {
            Path f = dir.resolve("a" + shape.length + ".npy");
            NpyFile.write(f, d24, shape);
            NpyArray a = NpyFile.read(f);
            assertThat(a.shape()).containsExactly(shape);
            assertThat(a.toFloatArray()).containsExactly(d24);
        }
        NpyFile.write(dir.resolve("one.npy"), new float[] {7f});
        assertThat(new String(Files.readAllBytes(dir.resolve("one.npy")), StandardCharsets.ISO_8859_1))
                .contains("'shape': (1,), }");
        NpyFile.write(dir.resolve("empty.npy"), new float[0], 0, 128);
        assertThat(NpyFile.read(dir.resolve("empty.npy")).shape()).containsExactly(0, 128);
        double[] d = {Math.PI, -1e-300, 1e300};
        NpyFile.write(dir.resolve("d.npy"), d);
        NpyArray a = NpyFile.read(dir.resolve("d.npy"));
        assertThat(a.isFloat64()).isTrue();
        assertThat(a.toDoubleArray()).containsExactly(d);
    }

    @Test
    void readsFilesWrittenByNumpy() throws Exception {
        // numpy 2.4: np.save(f, np.arange(6, dtype='<f4').reshape(2, 3) / 4) and the float64 / big-endian versions
        NpyArray a = NpyFile.read(resource("np_f4_2x3.npy"));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.toFloatArray()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);
        NpyArray b = NpyFile.read(resource("np_f8_3.npy"));
        assertThat(b.isFloat64()).isTrue();
        assertThat(b.toDoubleArray()).containsExactly(0.1, 0.2, 0.30000000000000004);
        NpyArray c = NpyFile.read(resource("np_be_f4_2x2.npy"));
        assertThat(c.toFloatArray()).containsExactly(1f, -2f, 3.5f, 4f);
        NpyArray s = NpyFile.read(resource("np_f8_scalar.npy"));
        assertThat(s.shape()).isEmpty();
        assertThat(s.toDoubleArray()).containsExactly(2.5);
        assertThatThrownBy(() -> NpyFile.read(resource("np_f4_fortran.npy")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("Fortran");
        assertThatThrownBy(() -> NpyFile.read(resource("np_i8_3.npy")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("unsupported .npy dtype '<i8'");
        assertThatThrownBy(() -> NpyFile.read(resource("np_c8_2.npy")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("'<c8'");
    }

    @Test
    void readsVersion2Header() throws Exception {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
        int total = 12 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(padded + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(padded - 12);
        b.put(dict.getBytes(StandardCharsets.US_ASCII));
        while (b.position() < padded - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').putFloat(1.5f).putFloat(-2f);
        Path f = Files.write(dir.resolve("v2.npy"), b.array());
        assertThat(NpyFile.read(f).toFloatArray()).containsExactly(1.5f, -2f);
    }

    @Test
    void rejectsBadFilesAndShapes() throws Exception {
        Path f = dir.resolve("t.npy");
        NpyFile.write(f, new float[12], 3, 4);
        byte[] whole = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> NpyFile.read(cut)).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith(cut + ": ").hasMessageContaining("data truncated: shape (3, 4) needs 48 bytes");
        Path wav = Files.write(dir.resolve("x.npy"), "RIFF1234WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> NpyFile.read(wav)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not a .npy file");
        assertThatThrownBy(() -> NpyFile.write(f, new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape: [2, 3] holds 6 elements, but data has 5");
        assertThatThrownBy(() -> NpyFile.write(f, new float[0], -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        // the failed writes left the earlier file intact
        assertThat(Files.readAllBytes(f)).isEqualTo(whole);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(NpyFileTest.class.getResource("/npy-reference/" + name).toURI());
    }
}
