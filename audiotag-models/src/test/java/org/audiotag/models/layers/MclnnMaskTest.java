package org.audiotag.models.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The MCLNN mask reproduces the density and layout numbers of docs/ORIGINAL-PROJECT.md §4.5. */
class MclnnMaskTest {

    @Test
    void firstLayer128To256() {
        MclnnMask m = MclnnMask.of(128, 256, 64, 32);
        assertThat(m.ones()).isEqualTo(13_120);
        assertThat(m.density()).isCloseTo(0.4004, org.assertj.core.data.Offset.offset(5e-5));
        assertBand(m, 0, 0, 63);
        assertBand(m, 1, 32, 95);
        assertBand(m, 2, 64, 127);
        assertBand(m, 3, 96, 127);
        assertBand(m, 4, 0, 31);
        assertBand(m, 5, 0, 63);
        int rows64 = 0;
        int rows32 = 0;
        for (int r = 0; r < 256; r++) {
            int n = m.rowOnes(r);
            if (n == 64) {
                rows64++;
            } else if (n == 32) {
                rows32++;
            }
        }
        assertThat(rows64).isEqualTo(154);
        assertThat(rows32).isEqualTo(102);
        for (int c = 0; c < 128; c++) {
            assertThat(m.columnOnes(c)).isBetween(102, 103);
        }
    }

    @Test
    void secondLayer256To256() {
        MclnnMask m = MclnnMask.of(256, 256, 64, 32);
        assertThat(m.ones()).isEqualTo(14_592);
        assertThat(m.density()).isCloseTo(0.2227, org.assertj.core.data.Offset.offset(5e-5));
        int rows64 = 0;
        int rows32 = 0;
        for (int r = 0; r < 256; r++) {
            int n = m.rowOnes(r);
            rows64 += n == 64 ? 1 : 0;
            rows32 += n == 32 ? 1 : 0;
        }
        assertThat(rows64).isEqualTo(200);
        assertThat(rows32).isEqualTo(56);
    }

    @Test
    void kernelLayoutIsTheTranspose() {
        MclnnMask m = MclnnMask.of(128, 256, 64, 32);
        float[] k = m.toKernelLayout();
        for (int r = 0; r < 256; r += 37) {
            for (int c = 0; c < 128; c += 5) {
                assertThat(k[c * 256 + r]).isEqualTo(m.get(r, c) ? 1f : 0f);
            }
        }
    }

    @Test
    void impossibleParametersAreRejected() {
        assertThatThrownBy(() -> MclnnMask.of(32, 16, 64, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> MclnnMask.of(32, 16, 8, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> MclnnMask.of(0, 16, 8, 2)).hasMessageContaining("in must be");
    }

    private static void assertBand(MclnnMask m, int row, int from, int to) {
        for (int c = 0; c < m.in(); c++) {
            assertThat(m.get(row, c)).as("row %d col %d", row, c).isEqualTo(c >= from && c <= to);
        }
    }
}
