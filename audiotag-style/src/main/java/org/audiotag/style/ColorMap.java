package org.audiotag.style;

/**
 * How spectrogram values in [0, 1] become pixel colours in {@link SpectrogramImage#write} (and back in
 * {@link SpectrogramImage#read}).
 *
 * <p>{@link #GREY} is the identity on luminance (8- or 16-bit). {@link #VIRIDIS} is matplotlib's perceptually uniform
 * map, reconstructed here from its ten published stops ({@code #440154 #482878 #3E4A89 #31688E #26828E #1F9E89
 * #35B779 #6DCD59 #B4DE2C #FDE725}, as {@code viridis(10)} in R's viridisLite) by piecewise-linear interpolation in
 * RGB into a 256-entry table (blue nudged by one unit where two neighbours would round to the same colour);
 * every entry is distinct, so an image written with it is read back exactly (to 8-bit
 * quantisation) by nearest-entry lookup. A level {@code l} in 0..255 stands for the unit value {@code l / 255}, i.e.
 * {@code dbMin + l / 255 (dbMax - dbMin)} dB.
 *
 * <p>Levels, colours and names; {@code image} is a {@link SpectrogramImage}, {@code png} the file to write:
 * {@snippet :
 * int purple = ColorMap.VIRIDIS.rgb(0);               // 0x440154, the colour of dbMin
 * int yellow = ColorMap.VIRIDIS.rgb(255);             // 0xFDE725, the colour of dbMax
 * int level = ColorMap.VIRIDIS.level(0x31688E);       // 85: the fourth stop sits at 1/3 of the scale
 * int grey = ColorMap.GREY.level(0x808080);           // 128: grey reads luminance
 * ColorMap map = ColorMap.parse("Gray");              // GREY (case-insensitive; "viridis" gives VIRIDIS)
 * image.write(png, map, 16);                          // 16-bit grey: 65535 steps between dbMin and dbMax
 * }
 */
public enum ColorMap {
    /** Grey levels, 0 = black = the lowest dB value. */
    GREY,
    /** The viridis colour map (dark purple = lowest, yellow = highest). */
    VIRIDIS;

    private static final int[] STOPS = {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
    };
    private static final int[] VIRIDIS_LUT = buildLut();

    private static int[] buildLut() {
        int[] lut = new int[256];
        int segments = STOPS.length - 1;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * segments;
            int s = Math.min(segments - 1, (int) Math.floor(pos));
            double f = pos - s;
            int a = STOPS[s];
            int b = STOPS[s + 1];
            int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
            int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
            int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
            lut[i] = (r << 16) | (g << 8) | bl;
        }
        // Where two neighbouring entries round to the same colour (a slow segment), nudge blue by one unit so
        // that every level keeps its own colour and reading back stays exact.
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < 256; i++) {
            int c = lut[i];
            int step = (c & 0xFF) < 255 ? 1 : -1;
            while (!used.add(c)) {
                c += step;
            }
            lut[i] = c;
        }
        return lut;
    }

    /**
     * Returns the 0xRRGGBB colour of an 8-bit level (level / 255 of the way from dbMin to dbMax).
     *
     * @param level 0..255
     * @return the RGB colour (grey: equal channels, {@code level * 0x010101})
     * @throws IllegalArgumentException if the level is outside [0, 255]
     */
    public int rgb(int level) {
        if (level < 0 || level > 255) {
            throw new IllegalArgumentException("level must be in [0, 255], got " + level);
        }
        return this == GREY ? (level << 16) | (level << 8) | level : VIRIDIS_LUT[level];
    }

    /**
     * Returns the 8-bit level of a pixel colour: for {@link #VIRIDIS} the table entry nearest in squared RGB
     * distance, for {@link #GREY} the rounded luminance 0.299 R + 0.587 G + 0.114 B; exact for colours this map wrote.
     *
     * @param rgb 0xRRGGBB (alpha ignored)
     * @return the level, 0..255
     */
    public int level(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (this == GREY) {
            return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < 256; i++) {
            int c = VIRIDIS_LUT[i];
            int dr = ((c >> 16) & 0xFF) - r;
            int dg = ((c >> 8) & 0xFF) - g;
            int db = (c & 0xFF) - b;
            int d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
                if (d == 0) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * Parses a colour-map name: {@code grey} or {@code gray}, or {@code viridis}, case-insensitively and ignoring
     * surrounding blanks (the command line's {@code --colormap} and the PNG chunk {@code audiotag.colormap}).
     *
     * @param name the name
     * @return the map
     * @throws IllegalArgumentException naming the parameter {@code colormap} if the name is null or unknown
     */
    public static ColorMap parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "grey": case "gray": return GREY;
            case "viridis": return VIRIDIS;
            default: throw new IllegalArgumentException("colormap must be grey or viridis, got '" + name + "'");
        }
    }
}
