package org.gatescope.engine;

/**
 * The squashing function of a cell's gates. GateScope's own models use the logistic σ; Keras
 * offers {@code hard_sigmoid}, its default recurrent activation up to Keras 2.2.4, which Keras
 * 1–2 and Keras 3 define differently (the file's {@code keras_version} says which).
 */
public enum GateActivation {
    /** σ(x) = 1 / (1 + e^−x). */
    SIGMOID("sigmoid"),
    /** Keras 1 and 2: clip(0.2x + 0.5, 0, 1). */
    HARD_SIGMOID_KERAS2("hard_sigmoid (Keras 2: clip(0.2x + 0.5, 0, 1))"),
    /** Keras 3: clip(x/6 + 0.5, 0, 1), i.e. relu6(x + 3) / 6. */
    HARD_SIGMOID_KERAS3("hard_sigmoid (Keras 3: clip(x/6 + 0.5, 0, 1))");

    private final String description;

    GateActivation(String description) {
        this.description = description;
    }

    /** The function applied to a gate's pre-activation; σ here is computed as the engine's cells do. */
    public double apply(double x) {
        return switch (this) {
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case HARD_SIGMOID_KERAS2 -> Math.max(0.0, Math.min(1.0, 0.2 * x + 0.5));
            case HARD_SIGMOID_KERAS3 -> Math.max(0.0, Math.min(1.0, x / 6.0 + 0.5));
        };
    }

    /**
     * The derivative at the point where the gate took {@code value}, from the value alone (as
     * backpropagation has it): σ' = σ(1 − σ); hard_sigmoid's slope (0.2 or 1/6) inside its ramp and 0
     * where it is clipped to 0 or 1 (at the ramp's two corners, where it has no derivative, the clipped
     * side's 0).
     */
    public double slopeAt(double value) {
        return switch (this) {
            case SIGMOID -> value * (1 - value);
            case HARD_SIGMOID_KERAS2 -> value > 0.0 && value < 1.0 ? 0.2 : 0.0;
            case HARD_SIGMOID_KERAS3 -> value > 0.0 && value < 1.0 ? 1.0 / 6.0 : 0.0;
        };
    }

    /** How {@code info} and the trace's layer list name it. */
    public String description() {
        return description;
    }
}
