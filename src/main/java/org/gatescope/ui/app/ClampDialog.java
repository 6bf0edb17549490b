package org.gatescope.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.intervention.GateClamp;

/**
 * Teach ▸ Clamp a gate…: which gate, of which units, over which tokens (counted from 1, as the window
 * shows them), forced to which value in [0, 1]. OK stays off while the input is not a clamp; the line
 * under the fields says why.
 */
final class ClampDialog {

    private ClampDialog() {
    }

    /** Asks for a clamp on {@code trace}'s cell, starting at the current token and the diagram's unit. */
    static Optional<GateClamp> ask(Window owner, Trace trace, int step, int unit) {
        Dialog<GateClamp> dialog = new Dialog<>();
        dialog.setTitle("Clamp a gate");
        dialog.setHeaderText("Force a gate to a value and trace again: the clamped value takes the place of \u03C3(\u2026)"
                + "\nin the cell, and everything after it follows.");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        List<Quantity> gates = new ArrayList<>();
        for (Quantity q : trace.quantities()) {
            if (q.isGate() && GateClamp.has(trace.cell(), q)) {
                gates.add(q);
            }
        }
        ChoiceBox<Quantity> gate = new ChoiceBox<>();
        gate.setId("clamp-gate");
        gate.getItems().setAll(gates);
        gate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quantity q) {
                return q == null ? "" : q.symbol() + "  " + role(q);
            }

            @Override
            public Quantity fromString(String s) {
                return null;
            }
        });
        gate.setValue(gates.get(0));
        TextField units = new TextField(Integer.toString(unit));
        units.setId("clamp-units");
        units.setPromptText("a unit, a list (1, 3) or all");
        int steps = trace.length();
        Spinner<Integer> from = new Spinner<>(1, steps, step + 1);
        from.setId("clamp-from");
        from.setEditable(true);
        Spinner<Integer> to = new Spinner<>(1, steps, step + 1);
        to.setId("clamp-to");
        to.setEditable(true);
        Slider value = new Slider(0, 1, 0);
        value.setId("clamp-value");
        value.setMajorTickUnit(0.25);
        value.setShowTickMarks(true);
        value.setShowTickLabels(true);
        value.setBlockIncrement(0.05);
        Label valueText = new Label();
        value.valueProperty().addListener((obs, old, v) -> valueText.setText(String.format(Locale.ROOT, "%.2f",
                v.doubleValue())));
        valueText.setText("0.00");
        Label problem = new Label();
        problem.setId("clamp-problem");
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Gate"), gate);
        grid.addRow(1, new Label("Units"), units);
        grid.addRow(2, new Label("From token"), from);
        grid.addRow(3, new Label("To token"), to);
        grid.addRow(4, new Label("Value"), value, valueText);
        grid.add(problem, 0, 5, 3, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = problem(gate.getValue(), units.getText(), from.getValue(), to.getValue(), value.getValue(),
                    trace);
            problem.setText(why == null ? "" : why);
            ok.setDisable(why != null);
        };
        gate.valueProperty().addListener(o -> check.run());
        units.textProperty().addListener(o -> check.run());
        from.valueProperty().addListener(o -> check.run());
        to.valueProperty().addListener(o -> check.run());
        value.valueProperty().addListener(o -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == ButtonType.OK ? clamp(gate.getValue(), units.getText(),
                from.getValue(), to.getValue(), value.getValue()) : null);
        return dialog.showAndWait();
    }

    private static String role(Quantity q) {
        return switch (q) {
            case UPDATE_GATE -> "update (write)";
            case FORGET_GATE -> "forget (keep)";
            case OUTPUT_GATE -> "output";
            case RELEVANCE_GATE -> "relevance";
            default -> "";
        };
    }

    /** Why these fields are no clamp of {@code trace}'s cell, or null when they are one. */
    static String problem(Quantity gate, String units, int from, int to, double value, Trace trace) {
        try {
            clamp(gate, units, from, to, value).check(trace.cell(), trace.hidden(), trace.length());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The clamp the fields describe (tokens counted from 1 on screen, from 0 in the clamp). */
    static GateClamp clamp(Quantity gate, String units, int from, int to, double value) {
        String list = units.strip().isEmpty() ? "?" : units.strip().replace(" ", "");
        return GateClamp.parse(gate.key() + ":" + list + ":" + (from - 1) + "-" + (to - 1) + "="
                + String.format(Locale.ROOT, "%.4f", value));
    }
}
