package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gatescope.engine.Trace;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.ComparedPrediction;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.render.CounterfactualChart;

/**
 * The side panel's teaching boxes: the clamps in force (each removable) with p(was) against p(were)
 * before and after clamping; the counterfactual (cat → cats) with the same comparison and the units that
 * carry the difference; where the memory is accounted from. Each box shows only while it has something
 * to say.
 */
final class TeachingBox extends VBox {

    private final ExplorerViewModel explorer;
    private final TeachingViewModel teaching;
    private final VBox clampBox = box("clamp-box");
    private final VBox counterfactualBox = box("counterfactual-box");
    private final VBox memoryBox = box("memory-box");
    private Runnable onShowDifference = () -> { };

    TeachingBox(ExplorerViewModel explorer) {
        super(8);
        this.explorer = explorer;
        this.teaching = explorer.teaching();
        setId("teaching-box");
        getChildren().addAll(clampBox, counterfactualBox, memoryBox);
        teaching.clampedProperty().addListener(o -> updateClamps());
        teaching.counterfactualProperty().addListener(o -> updateCounterfactual());
        teaching.memoryFromProperty().addListener(o -> updateMemory());
        explorer.primary().traceProperty().addListener(o -> updateMemory());
        updateClamps();
        updateCounterfactual();
        updateMemory();
    }

    /** What "Show the difference…" does (the window opens the counterfactual view). */
    void setOnShowDifference(Runnable action) {
        onShowDifference = action == null ? () -> { } : action;
    }

    private static VBox box(String id) {
        VBox box = new VBox(4);
        box.setId(id);
        box.getStyleClass().add("agreement");
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void updateClamps() {
        ClampedTrace clamped = teaching.clampedProperty().get();
        clampBox.setVisible(clamped != null);
        if (clamped == null) {
            clampBox.getChildren().clear();
            return;
        }
        List<Node> rows = new ArrayList<>();
        rows.add(header("Clamped gates", "clear-clamps", teaching::clearClamps));
        List<GateClamp> clamps = clamped.clamps().clamps();
        for (int i = 0; i < clamps.size(); i++) {
            int index = i;
            Label text = wrapped(clamps.get(i).describe());
            text.getStyleClass().add("clamp-text");
            Button remove = new Button("\u2715");
            remove.getStyleClass().add("small-button");
            remove.setTooltip(new Tooltip("Remove this clamp"));
            remove.setOnAction(e -> teaching.removeClamp(index));
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, text, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        rows.addAll(comparison(clamped.compared(), clamped.before(), clamped.after(), "before", "clamped"));
        clampBox.getChildren().setAll(rows);
    }

    private void updateCounterfactual() {
        Counterfactual cf = teaching.getCounterfactual();
        counterfactualBox.setVisible(cf != null);
        if (cf == null) {
            counterfactualBox.getChildren().clear();
            return;
        }
        List<Node> rows = new ArrayList<>();
        rows.add(header("Counterfactual", "clear-counterfactual", teaching::clearCounterfactual));
        Label what = wrapped(cf.describe());
        what.setId("counterfactual-text");
        rows.add(what);
        rows.addAll(comparison(cf.compared(), cf.before(), cf.after(), "\u201C" + cf.original() + "\u201D",
                "\u201C" + cf.replacement() + "\u201D"));
        List<Integer> carriers = cf.carriers(Math.min(CounterfactualChart.CARRIERS, cf.before().hidden()));
        Label carried = wrapped(CounterfactualChart.carrierSummary(cf, carriers));
        carried.setId("counterfactual-carriers");
        rows.add(carried);
        Button showUnits = new Button("Watch them");
        showUnits.setId("watch-carriers");
        showUnits.setTooltip(new Tooltip("Tick them on the timeline; the first becomes the diagram's unit"));
        showUnits.setOnAction(e -> {
            CellViewModel cell = explorer.primary();
            for (int unit : carriers) {
                cell.setUnitShown(unit, true);
            }
            cell.selectPrimaryUnit(carriers.get(0));
        });
        Button difference = new Button("\u0394 heatmaps\u2026");
        difference.setId("show-difference");
        difference.setOnAction(e -> onShowDifference.run());
        HBox buttons = new HBox(6, showUnits, difference);
        rows.add(buttons);
        counterfactualBox.getChildren().setAll(rows);
    }

    private void updateMemory() {
        int from = teaching.memoryFromProperty().get();
        Trace trace = explorer.primary().getTrace();
        boolean shown = from >= 0 && trace != null && from < trace.length();
        memoryBox.setVisible(shown);
        if (!shown) {
            memoryBox.getChildren().clear();
            return;
        }
        Label text = wrapped("The band under the timeline splits each c<t> of the diagram's unit into what was kept"
                + " and what was written; the red line is what is left of what was written at \u201C"
                + trace.tokens().get(from) + "\u201D (token " + (from + 1) + ").");
        text.getStyleClass().add("muted");
        memoryBox.getChildren().setAll(header("Memory accounting", "hide-memory", teaching::hideMemory), text);
    }

    private HBox header(String title, String clearId, Runnable clear) {
        Label label = new Label(title);
        label.getStyleClass().add("subsection-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button button = new Button("Clear");
        button.setId(clearId);
        button.setFocusTraversable(false); // its box hides: the focus stays off the sentence field (see SidePanel)
        button.setOnAction(e -> clear.run());
        HBox header = new HBox(8, label, spacer, button);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** p(was) and p(were) (or the top token) at the compared position, before and after, and the share. */
    private static List<Node> comparison(ComparedPrediction compared, Trace before, Trace after, String beforeName,
                                         String afterName) {
        List<Node> rows = new ArrayList<>();
        Label at = wrapped("next token after \u201C" + before.tokens().get(compared.position()) + "\u201D (token "
                + (compared.position() + 1) + "):");
        at.getStyleClass().add("muted");
        rows.add(at);
        for (String token : compared.tokens()) {
            Label name = new Label("p(" + token + ")");
            name.getStyleClass().add("bar-token");
            name.setStyle("-fx-font-weight: bold;");
            SidePanel.BarRow beforeRow = new SidePanel.BarRow("prediction-bar", 84);
            beforeRow.update(shorten(beforeName), compared.probability(before, token), false);
            SidePanel.BarRow afterRow = new SidePanel.BarRow("ablated-bar", 84);
            afterRow.update(shorten(afterName), compared.probability(after, token), false);
            rows.add(name);
            rows.add(beforeRow);
            rows.add(afterRow);
        }
        if (compared.comparesVerbs()) {
            Label shares = new Label(String.format(Locale.ROOT, "share of %s: %.0f%% \u2192 %.0f%%",
                    compared.tokens().get(0), 100 * compared.share(before), 100 * compared.share(after)));
            shares.getStyleClass().add("teaching-shares");
            rows.add(shares);
        }
        return rows;
    }

    private static String shorten(String name) {
        return name.length() <= 10 ? name : name.substring(0, 9) + "\u2026";
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
