package org.audiotag.models.layers;

/**
 * A weight initialiser: the distribution a variable's initial values are drawn from when the session initialises it.
 * The draws are made by TensorFlow's seeded random ops, so the same seed and variable name give the same values.
 *
 * <p>The factories mirror PyTorch's defaults: {@link #pytorchDefault(long)} is {@code kaiming_uniform_(a=sqrt(5))} for
 * the weights of {@code nn.Conv*d} and {@code nn.Linear} (a bound of {@code 1/sqrt(fan_in)}) and the same bound for
 * their biases; {@link #kaimingNormal(long)} is {@code kaiming_normal_(mode='fan_in', nonlinearity='relu')}.
 *
 * @param kind   the distribution family
 * @param param  the uniform bound (for {@link Kind#UNIFORM}), the standard deviation (for {@link Kind#NORMAL}) or the
 *               constant value (for {@link Kind#CONSTANT})
 */
public record Init(Kind kind, double param) {

    /** Distribution families. */
    public enum Kind {
        /** Uniform on {@code [-param, +param)}. */
        UNIFORM,
        /** Normal with mean 0 and standard deviation {@code param}. */
        NORMAL,
        /** Every element equals {@code param}. */
        CONSTANT
    }

    /**
     * Creates an initialiser after validating the parameter.
     *
     * @param kind  the distribution family, not null
     * @param param the bound, standard deviation or constant; finite, and non-negative for UNIFORM and NORMAL
     * @throws IllegalArgumentException if {@code kind} is null or {@code param} is out of range
     */
    public Init {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!Double.isFinite(param) || (kind != Kind.CONSTANT && param < 0)) {
            throw new IllegalArgumentException("param must be finite and >= 0 for " + kind + ", got " + param);
        }
    }

    /**
     * Returns the uniform initialiser on {@code [-bound, bound)}.
     *
     * @param bound half-width, {@code >= 0}
     * @return the initialiser
     */
    public static Init uniform(double bound) {
        return new Init(Kind.UNIFORM, bound);
    }

    /**
     * Returns the normal initialiser with mean 0.
     *
     * @param std standard deviation, {@code >= 0}
     * @return the initialiser
     */
    public static Init normal(double std) {
        return new Init(Kind.NORMAL, std);
    }

    /**
     * Returns the initialiser that fills every element with one value.
     *
     * @param value the value of every element
     * @return the initialiser
     */
    public static Init constant(double value) {
        return new Init(Kind.CONSTANT, value);
    }

    /**
     * Returns PyTorch's default for {@code nn.Conv1d/2d} and {@code nn.Linear} weights and biases:
     * {@code kaiming_uniform_(a = sqrt(5))} gives the bound {@code gain * sqrt(3 / fan_in)} with
     * {@code gain = sqrt(2 / (1 + 5)) }, i.e. {@code 1 / sqrt(fan_in)}; the bias uses the same bound.
     *
     * @param fanIn number of inputs feeding one output unit (in_channels x kernel size), {@code >= 1}
     * @return uniform with bound {@code 1/sqrt(fanIn)}
     */
    public static Init pytorchDefault(long fanIn) {
        checkFanIn(fanIn);
        return uniform(1.0 / Math.sqrt(fanIn));
    }

    /**
     * Returns PyTorch's {@code kaiming_normal_(mode='fan_in', nonlinearity='relu')}: normal with standard deviation
     * {@code sqrt(2 / fan_in)} (He et al. 2015, eq. 10).
     *
     * @param fanIn number of inputs feeding one output unit, {@code >= 1}
     * @return the initialiser
     */
    public static Init kaimingNormal(long fanIn) {
        checkFanIn(fanIn);
        return normal(Math.sqrt(2.0 / fanIn));
    }

    private static void checkFanIn(long fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("fanIn must be >= 1, got " + fanIn);
        }
    }
}
