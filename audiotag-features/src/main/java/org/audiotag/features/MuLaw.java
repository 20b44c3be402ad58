package org.audiotag.features;

/**
 * Compresses and expands signals with mu-law companding as {@code librosa.mu_compress} / {@code librosa.mu_expand}
 * (ITU-T G.711 style, continuous):
 * {@code compress(x) = sign(x) log1p(mu |x|) / log1p(mu)} for {@code x} in [-1, 1]; with quantisation the result is
 * the integer bin {@code digitize(compress(x), linspace(-1, 1, mu + 1), right=True) - (mu + 1) / 2} in
 * {@code [-(mu+1)/2, (mu+1)/2 - 1]}. {@code expand(x) = sign(x) ((1 + mu)^|x| - 1) / mu}, after
 * {@code x *= 2 / (1 + mu)} for quantised input.
 */
public final class MuLaw {
    private MuLaw() {
    }

    /**
     * Compresses samples as {@code librosa.mu_compress(x, mu=mu, quantize=quantize)}.
     *
     * @param x samples in [-1, 1]
     * @param mu compression parameter, &gt; 0 (librosa default 255; an integer when quantising)
     * @param quantize return integer bins (as doubles) instead of continuous values
     * @return compressed values in [-1, 1], or integer bins in {@code [-(mu+1)/2, (mu+1)/2 - 1]}
     * @throws IllegalArgumentException if a sample is outside [-1, 1] or {@code mu} is invalid
     */
    public static double[] compress(double[] x, double mu, boolean quantize) {
        checkMu(mu, quantize);
        double[] out = new double[x.length];
        double denom = Math.log1p(mu);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!(v >= -1.0 && v <= 1.0)) {
                throw new IllegalArgumentException("mu-law input must be in [-1, 1], got " + v + " at index " + i);
            }
            out[i] = Math.signum(v) * Math.log1p(mu * Math.abs(v)) / denom;
        }
        if (quantize) {
            int nBins = (int) mu + 1;
            double[] edges = new double[nBins];
            double step = 2.0 / (nBins - 1);
            for (int j = 0; j < nBins; j++) {
                edges[j] = j == nBins - 1 ? 1.0 : -1.0 + j * step;
            }
            int offset = nBins / 2;
            for (int i = 0; i < out.length; i++) {
                // np.digitize(right=True): index of the first edge >= value
                int lo = 0;
                int hi = nBins;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (edges[mid] < out[i]) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                out[i] = lo - offset;
            }
        }
        return out;
    }

    /**
     * Compresses float samples without quantisation (the raw-waveform input of pipeline B), the float variant of
     * {@link #compress(double[], double, boolean)}.
     *
     * @param x samples in [-1, 1]
     * @param mu compression parameter, finite and &gt; 0
     * @return compressed values in [-1, 1]
     * @throws IllegalArgumentException if a sample is outside [-1, 1] or {@code mu} is not finite and positive
     */
    public static float[] compress(float[] x, double mu) {
        checkMu(mu, false);
        float[] out = new float[x.length];
        double denom = Math.log1p(mu);
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            if (!(v >= -1f && v <= 1f)) {
                throw new IllegalArgumentException("mu-law input must be in [-1, 1], got " + v + " at index " + i);
            }
            out[i] = (float) (Math.signum(v) * Math.log1p(mu * Math.abs(v)) / denom);
        }
        return out;
    }

    /**
     * Expands compressed values back to samples as {@code librosa.mu_expand(x, mu=mu, quantize=quantize)}.
     *
     * @param x compressed values in [-1, 1], or integer bins when {@code quantize}
     * @param mu compression parameter, &gt; 0 (an integer when quantised)
     * @param quantize the input is integer bins from {@code compress(..., quantize=true)}
     * @return expanded values in [-1, 1]
     * @throws IllegalArgumentException if a value is out of range (or not an integer bin) or {@code mu} is invalid
     */
    public static double[] expand(double[] x, double mu, boolean quantize) {
        checkMu(mu, quantize);
        double[] out = new double[x.length];
        double half = (mu + 1) / 2;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (quantize) {
                if (!(v >= -half && v <= half - 1) || v != Math.rint(v)) {
                    throw new IllegalArgumentException("quantized mu-law input must be an integer in [" + (-half)
                            + ", " + (half - 1) + "], got " + v + " at index " + i);
                }
                v = v * 2.0 / (1.0 + mu);
            } else if (!(v >= -1.0 && v <= 1.0)) {
                throw new IllegalArgumentException("mu-law input must be in [-1, 1], got " + v + " at index " + i);
            }
            out[i] = Math.signum(v) / mu * (Math.pow(1.0 + mu, Math.abs(v)) - 1.0);
        }
        return out;
    }

    private static void checkMu(double mu, boolean quantize) {
        if (!(mu > 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("mu must be a finite number > 0, got " + mu);
        }
        if (quantize && mu != Math.rint(mu)) {
            throw new IllegalArgumentException("mu must be an integer when quantize=true, got " + mu);
        }
    }
}
