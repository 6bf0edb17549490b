package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exp-based tanh is Math.tanh to within 1e-15 absolutely, everywhere, and σ is 1/(1+e^−z). */
class ActivationsTest {

    @Test
    void tanhIsWithinOneEMinus15OfMathTanh() {
        Random random = new Random(1);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double scale = switch (i % 4) {
                case 0 -> 1e-6;
                case 1 -> 1;
                case 2 -> 10;
                default -> 400;
            };
            double x = (2 * random.nextDouble() - 1) * scale;
            worst = Math.max(worst, Math.abs(Activations.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 1e-15, "largest |tanh − Math.tanh| = " + worst);
    }

    @Test
    void tanhSaturatesAndPassesNaN() {
        assertEquals(1.0, Activations.tanh(20.0), 0.0);
        assertEquals(-1.0, Activations.tanh(-20.0), 0.0);
        assertEquals(1.0, Activations.tanh(1e6), 0.0); // e^2x overflows to ∞: still 1
        assertEquals(-1.0, Activations.tanh(-1e6), 0.0);
        assertEquals(1.0, Activations.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, Activations.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Activations.tanh(0.0), 0.0);
        assertTrue(Double.isNaN(Activations.tanh(Double.NaN)));
    }

    @Test
    void sigmoidIsTheLogistic() {
        assertEquals(0.5, Activations.sigmoid(0.0), 0.0);
        for (double z = -40; z <= 40; z += 0.37) {
            assertEquals(1.0 / (1.0 + Math.exp(-z)), Activations.sigmoid(z), 0.0);
            // σ(z) = (1 + tanh(z/2)) / 2
            assertEquals((1 + Math.tanh(z / 2)) / 2, Activations.sigmoid(z), 1e-15);
        }
    }
}
