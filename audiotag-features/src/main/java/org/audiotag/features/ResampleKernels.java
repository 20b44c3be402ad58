package org.audiotag.features;

import org.audiotag.features.internal.fft.FftPlans;

/**
 * The resampling algorithms behind {@link Resampler}, written from the published algorithms and the documented
 * behaviour of scipy 1.10 and resampy 0.4.2 (not copied from either).
 */
final class ResampleKernels {

    private ResampleKernels() {
    }

    // ------------------------------------------------------------------ shared maths

    /** Modified Bessel function of the first kind, order 0, by its power series (relative error ~1e-16). */
    static double besselI0(double x) {
        double half = x / 2;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 500; k++) {
            double f = half / k;
            term *= f * f;
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /** Normalised sinc, {@code sin(pi x) / (pi x)}, as numpy.sinc. */
    static double sinc(double x) {
        if (x == 0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // ------------------------------------------------------------------ fft (scipy.signal.resample)

    /**
     * scipy.signal.resample for real input: rfft, copy the positive frequencies up to min(n, num)/2 (splitting or
     * joining the Nyquist bin when that length is even), irfft to {@code num} samples, times {@code num / n}.
     */
    static double[] fft(double[] x, int num) {
        int nx = x.length;
        if (num == 0) {
            return new double[0];
        }
        // forward: packed half spectrum of the real signal (RealFft.forwardPacked layout)
        double[] spec = x.clone();
        FftPlans.real(nx).forwardPacked(spec, 0);
        int half = num / 2 + 1;
        double[] yr = new double[half];
        double[] yi = new double[half];
        int n = Math.min(num, nx);
        int nyq = n / 2 + 1;
        for (int k = 0; k < Math.min(nyq, half); k++) {
            yr[k] = packedRe(spec, nx, k);
            yi[k] = packedIm(spec, nx, k);
        }
        if (n % 2 == 0) {
            int k = n / 2;
            if (num < nx) {
                yr[k] *= 2;
                yi[k] *= 2;
            } else if (nx < num) {
                yr[k] *= 0.5;
                yi[k] *= 0.5;
            }
        }
        // inverse real FFT of length num (irfft: the imaginary parts of DC and, for even num, Nyquist are ignored)
        double[] z = new double[num];
        for (int k = 0; k < half; k++) {
            putPacked(z, num, k, yr[k], yi[k]);
        }
        // scaled inverse = irfft (1/num)
        FftPlans.real(num).inversePacked(z, 0);
        double scale = (double) num / nx; // scipy's num/nx
        for (int i = 0; i < num; i++) {
            z[i] *= scale;
        }
        return z;
    }

    /** Real part of bin k (0 <= k <= n/2) in the packed layout of RealFft.forwardPacked. */
    private static double packedRe(double[] a, int n, int k) {
        if (k == 0) {
            return a[0];
        }
        if (n % 2 == 0 && k == n / 2) {
            return a[1];
        }
        if (n % 2 == 1 && k == (n - 1) / 2) {
            return a[n - 1];
        }
        return a[2 * k];
    }

    /** Imaginary part of bin k in the packed layout (0 for DC and an even length's Nyquist bin). */
    private static double packedIm(double[] a, int n, int k) {
        if (k == 0 || (n % 2 == 0 && k == n / 2)) {
            return 0.0;
        }
        if (n % 2 == 1 && k == (n - 1) / 2) {
            return n == 1 ? 0.0 : a[1];
        }
        return a[2 * k + 1];
    }

    /** Stores bin k into the packed layout that realInverse reads (imaginary parts of DC/Nyquist dropped). */
    private static void putPacked(double[] a, int n, int k, double re, double im) {
        if (k == 0) {
            a[0] = re;
        } else if (n % 2 == 0 && k == n / 2) {
            a[1] = re;
        } else if (n % 2 == 1 && k == (n - 1) / 2) {
            a[n - 1] = re;
            a[1] = im;
        } else {
            a[2 * k] = re;
            a[2 * k + 1] = im;
        }
    }

    // ------------------------------------------------------------------ polyphase (scipy.signal.resample_poly)

    /** Output length of upfirdn for a filter of {@code lenH} taps, as scipy's {@code _output_len}. */
    static long upfirdnLength(long lenH, long inLen, long up, long down) {
        long inLenCopy = inLen + (lenH + Math.floorMod(-lenH, up)) / up - 1;
        long nt = inLenCopy * up;
        long need = nt / down;
        if (nt % down > 0) {
            need++;
        }
        return need;
    }

    /**
     * Kaiser-windowed (beta 5) sinc low-pass of {@code 2 * halfLen + 1} taps with cut-off {@code 1 / maxRate} of
     * Nyquist, normalised to unit DC gain, times {@code up} (scipy.signal.firwin, then resample_poly's scaling).
     */
    static double[] polyphaseFilter(int up, int down) {
        int maxRate = Math.max(up, down);
        double fc = 1.0 / maxRate;
        int halfLen = 10 * maxRate;
        int taps = 2 * halfLen + 1;
        double[] h = new double[taps];
        double alpha = 0.5 * (taps - 1);
        double i0Beta = besselI0(5.0);
        double sum = 0;
        for (int j = 0; j < taps; j++) {
            double m = j - alpha;
            double r = (j - alpha) / alpha;
            double w = besselI0(5.0 * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / i0Beta;
            h[j] = fc * sinc(fc * m) * w;
            sum += h[j];
        }
        for (int j = 0; j < taps; j++) {
            h[j] = h[j] / sum * up;
        }
        return h;
    }

    static double[] polyphase(double[] x, int origSr, int targetSr) {
        long g = gcd(origSr, targetSr);
        int up = (int) (targetSr / g);
        int down = (int) (origSr / g);
        int nIn = x.length;
        if (up == 1 && down == 1) {
            return x.clone();
        }
        long nOutL = (long) nIn * up;
        nOutL = nOutL / down + (nOutL % down != 0 ? 1 : 0);
        int nOut = Math.toIntExact(nOutL);
        double[] h0 = polyphaseFilter(up, down);
        int halfLen = (h0.length - 1) / 2;
        int nPrePad = down - halfLen % down;
        int nPostPad = 0;
        int nPreRemove = (halfLen + nPrePad) / down;
        while (upfirdnLength(h0.length + nPrePad + nPostPad, nIn, up, down) < nOut + nPreRemove) {
            nPostPad++;
        }
        int lenH = h0.length + nPrePad + nPostPad;
        double[] h = new double[lenH];
        System.arraycopy(h0, 0, h, nPrePad, h0.length);
        // polyphase decomposition: output j needs conv[m], m = (j + nPreRemove) * down = q * up + p, which is
        // sum_k h[p + k*up] * x[q - k]. The taps of each phase are stored reversed and contiguous,
        // rev[p][len - 1 - k] = h[p + k*up], so that the sum walks both arrays forwards.
        double[][] rev = new double[up][];
        for (int p = 0; p < up; p++) {
            int count = p < lenH ? (lenH - p + up - 1) / up : 0;
            double[] r = new double[count];
            for (int k = 0; k < count; k++) {
                r[count - 1 - k] = h[p + k * up];
            }
            rev[p] = r;
        }
        double[] y = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            long m = (long) (j + nPreRemove) * down;
            int q = (int) (m / up);
            double[] r = rev[(int) (m % up)];
            int len = r.length;
            // k runs over max(0, q - nIn + 1) .. min(len - 1, q); in reversed index i = len - 1 - k
            int kLo = Math.max(0, q - (nIn - 1));
            int kHi = Math.min(len - 1, q);
            if (kLo > kHi) {
                continue;
            }
            int iLo = len - 1 - kHi;
            int iHi = len - 1 - kLo;
            int xOff = q - (len - 1); // x index = xOff + i
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int i = iLo;
            for (; i + 3 <= iHi; i += 4) {
                a0 += r[i] * x[xOff + i];
                a1 += r[i + 1] * x[xOff + i + 1];
                a2 += r[i + 2] * x[xOff + i + 2];
                a3 += r[i + 3] * x[xOff + i + 3];
            }
            for (; i <= iHi; i++) {
                a0 += r[i] * x[xOff + i];
            }
            y[j] = (a0 + a1) + (a2 + a3);
        }
        return y;
    }

    // ------------------------------------------------------------------ kaiser_best / kaiser_fast (resampy)

    /**
     * Right wing of resampy's interpolation filter: {@code rolloff * sinc(rolloff * t)} for
     * {@code t = k / 2^precision}, {@code k = 0 .. numZeros * 2^precision}, tapered by the right half of a symmetric
     * Kaiser window of {@code 2 n + 1} points (resampy.filters.sinc_window with a Kaiser window).
     */
    static double[] sincTable(int numZeros, int precision, double beta, double rolloff) {
        int numBits = 1 << precision;
        int n = numBits * numZeros;
        double[] win = new double[n + 1];
        double i0Beta = besselI0(beta);
        for (int k = 0; k <= n; k++) {
            double t = (double) numZeros * k / n;
            double r = (double) k / n;
            double taper = besselI0(beta * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / i0Beta;
            win[k] = taper * (rolloff * sinc(rolloff * t));
        }
        return win;
    }

    private static final java.util.Map<ResampleType, double[]> TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The shared, never modified table of a resampy method (computed on first use). */
    static double[] cachedTable(ResampleType type) {
        return TABLES.computeIfAbsent(type,
                t -> sincTable(t.numZeros(), t.precision(), t.beta(), t.rolloff()));
    }

    static double[] sinc(double[] x, int origSr, int targetSr, ResampleType type) {
        double ratio = (double) targetSr / origSr;
        long nOutL = (long) (x.length * ratio);
        if (nOutL < 1) {
            throw new IllegalArgumentException("y: signal of " + x.length + " samples is too short to resample from "
                    + origSr + " to " + targetSr + " Hz with " + type.librosaName());
        }
        int nOut = Math.toIntExact(nOutL);
        int numTable = 1 << type.precision();
        double[] table = cachedTable(type);
        int nwin = table.length;
        // win (scaled by the ratio when down-sampling, as resampy) and its forward difference, interleaved so that
        // each tap reads one cache line: wd[2k] = win[k], wd[2k+1] = win[k+1] - win[k] (0 for the last entry)
        double scaleWin = ratio < 1 ? ratio : 1.0;
        double[] wd = new double[2 * nwin];
        for (int i = 0; i < nwin; i++) {
            wd[2 * i] = ratio < 1 ? scaleWin * table[i] : table[i];
        }
        for (int i = 0; i < nwin - 1; i++) {
            wd[2 * i + 1] = wd[2 * i + 2] - wd[2 * i];
        }
        double scale = Math.min(1.0, ratio);
        double timeIncrement = 1.0 / ratio;
        int indexStep = (int) (scale * numTable);
        int nOrig = x.length;
        double[] y = new double[nOut];
        for (int t = 0; t < nOut; t++) {
            double time = t * timeIncrement;
            int n = (int) time;
            double frac = scale * (time - n);
            double indexFrac = frac * numTable;
            int offset = (int) indexFrac;
            double eta = indexFrac - offset;
            double acc = 0;
            int iMax = Math.min(n + 1, (nwin - offset) / indexStep);
            for (int i = 0; i < iMax; i++) {
                int k = 2 * (offset + i * indexStep);
                acc += (wd[k] + eta * wd[k + 1]) * x[n - i];
            }
            frac = scale - frac;
            indexFrac = frac * numTable;
            offset = (int) indexFrac;
            eta = indexFrac - offset;
            int kMax = Math.min(nOrig - n - 1, (nwin - offset) / indexStep);
            for (int k = 0; k < kMax; k++) {
                int j = 2 * (offset + k * indexStep);
                acc += (wd[j] + eta * wd[j + 1]) * x[n + k + 1];
            }
            y[t] = acc;
        }
        return y;
    }
}
