package org.gatescope.render;

/**
 * How a colour looks to someone with a colour-vision deficiency, to check that colours meant to
 * be told apart stay apart: Machado, Oliveira &amp; Fernandes (2009) at severity 1 (dichromacy), on
 * linear sRGB, compared by the CIE 1976 ΔE*ab in CIELAB (D65). About 2.3 is a just noticeable
 * difference; colours that must be named apart at a glance want 15 or more.
 */
final class ColourVision {

    /** The deficiencies checked: full protanopia, deuteranopia and tritanopia, and normal vision. */
    enum Deficiency {
        PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}}),
        NORMAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

        private final double[][] matrix;

        Deficiency(double[][] matrix) {
            this.matrix = matrix;
        }
    }

    private ColourVision() {
    }

    /** ΔE*ab between 0xRRGGBB colours {@code a} and {@code b} as seen with {@code deficiency}. */
    static double difference(int a, int b, Deficiency deficiency) {
        double[] la = lab(simulate(a, deficiency));
        double[] lb = lab(simulate(b, deficiency));
        return Math.sqrt(square(la[0] - lb[0]) + square(la[1] - lb[1]) + square(la[2] - lb[2]));
    }

    /** The smallest difference of {@code a} and {@code b} over the three dichromacies. */
    static double leastDifference(int a, int b) {
        double least = Double.MAX_VALUE;
        for (Deficiency d : Deficiency.values()) {
            if (d != Deficiency.NORMAL) {
                least = Math.min(least, difference(a, b, d));
            }
        }
        return least;
    }

    /** CIELAB's L* of {@code rgb}, 0 (black) .. 100 (white). */
    static double lightness(int rgb) {
        return lab(linear(rgb))[0];
    }

    private static double[] simulate(int rgb, Deficiency d) {
        double[] c = linear(rgb);
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(1, d.matrix[i][0] * c[0] + d.matrix[i][1] * c[1] + d.matrix[i][2] * c[2]));
        }
        return out;
    }

    private static double[] linear(int rgb) {
        return new double[] {channel(rgb >> 16 & 0xFF), channel(rgb >> 8 & 0xFF), channel(rgb & 0xFF)};
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double[] lab(double[] linear) {
        double x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047;
        double y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        double z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double square(double v) {
        return v * v;
    }
}
