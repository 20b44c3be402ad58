package org.audiotag.eval.internal;

/**
 * Stable merge sort of an index array by {@code double} keys, descending, without boxing. Equal keys keep the
 * order the indices had before the sort (so a sort of {@code 0..n-1} leaves tied indices ascending).
 * Keys are compared with the primitive operators, so {@code -0.0} and {@code 0.0} are equal (as in numpy).
 */
public final class IndexSort {
    private IndexSort() {
    }

    /**
     * Sorts {@code idx[0..n)} so that {@code keys[off + idx[j] * stride]} is non-increasing in j.
     *
     * @param keys the keys, addressed as {@code keys[off + i * stride]} for index i
     * @param off offset of index 0 in {@code keys}
     * @param stride distance between consecutive indices in {@code keys}
     * @param idx indices to sort in place
     * @param n how many leading entries of {@code idx} to sort
     * @param tmp scratch space of at least n entries
     */
    public static void sortDescending(double[] keys, int off, int stride, int[] idx, int n, int[] tmp) {
        if (n < 2) {
            return;
        }
        // bottom-up: insertion sort runs of 16, then merge runs of growing width
        final int run = 16;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                int v = idx[i];
                double kv = keys[off + v * stride];
                int j = i - 1;
                while (j >= lo && keys[off + idx[j] * stride] < kv) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
        }
        int[] src = idx;
        int[] dst = tmp;
        for (int width = run; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi) {
                    // take from the right run only when strictly greater: keeps the sort stable
                    if (keys[off + src[b] * stride] > keys[off + src[a] * stride]) {
                        dst[o++] = src[b++];
                    } else {
                        dst[o++] = src[a++];
                    }
                }
                while (a < mid) {
                    dst[o++] = src[a++];
                }
                while (b < hi) {
                    dst[o++] = src[b++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx) {
            System.arraycopy(src, 0, idx, 0, n);
        }
    }

    /**
     * Returns {@code 0..n-1} sorted by {@code keys[off + i * stride]} descending, ties by ascending index.
     *
     * @param keys the keys
     * @param off offset of index 0
     * @param stride distance between consecutive indices
     * @param n number of indices
     * @return the sorted indices
     */
    public static int[] orderDescending(double[] keys, int off, int stride, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        sortDescending(keys, off, stride, idx, n, new int[n]);
        return idx;
    }
}
