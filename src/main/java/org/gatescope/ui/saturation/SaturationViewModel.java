package org.gatescope.ui.saturation;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.PngExport;
import org.gatescope.render.SaturationChart;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;
import org.gatescope.ui.task.TaskExecutor;

/**
 * The saturation window's state: which text the gate fractions are counted over, the points
 * and their chart, the hover text, messages. Counting traces hundreds of sentences, so it goes
 * to the {@link TaskExecutor#files() file lane}, as the PNG export does, never holding up the
 * explorer's traces; a count for a model or text that has changed since is called off and its
 * result dropped ({@link LatestRequest}).
 * Follows the explorer's main cell: a new model (or, counting over the loaded text, a new
 * sentence) counts again; a click selects the unit there.
 */
public final class SaturationViewModel {

    /** How many held-out agreement sentences the corpus source counts over. */
    public static final int CORPUS_SENTENCES = GateSaturation.HELD_OUT_SENTENCES;
    /** The held-out sentences' seed: the same sentences every time. */
    public static final long CORPUS_SEED = GateSaturation.HELD_OUT_SEED;
    /** How close (in image pixels) a click or hover must come to a point's centre. */
    public static final double PICK_RADIUS = 8;

    /** What the fractions are counted over. */
    public enum Source {
        CORPUS(SaturationChart.HELD_OUT_SOURCE),
        LOADED_TEXT(SaturationChart.TEXT_SOURCE);

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** For the chart's subtitle: "agreement corpus, 300 held-out sentences". */
        public String description() {
            return description;
        }
    }

    /** A finished count: the points and their chart. */
    public record Chart(List<GateSaturation.Point> points, BufferedImage image, String modelName) {
    }

    private final TaskExecutor executor;
    private final CellViewModel cell;
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source", Source.CORPUS);
    private final ReadOnlyObjectWrapper<Chart> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final InvalidationListener onModel = o -> refresh();
    private final InvalidationListener onTrace = o -> {
        if (source.get() == Source.LOADED_TEXT) {
            refresh();
        }
    };

    private final LatestRequest counts;

    /**
     * @param cell the explorer's main cell: its model, its trace (the loaded text) and its unit selection
     */
    public SaturationViewModel(TaskExecutor executor, CellViewModel cell) {
        this.executor = Objects.requireNonNull(executor);
        this.cell = Objects.requireNonNull(cell);
        this.counts = new LatestRequest(executor.files());
        cell.modelProperty().addListener(onModel);
        cell.traceProperty().addListener(onTrace);
    }

    /** Stops following the explorer (the window closed). */
    public void dispose() {
        cell.modelProperty().removeListener(onModel);
        cell.traceProperty().removeListener(onTrace);
        counts.cancel();
    }

    public void setSource(Source value) {
        if (value != null && value != source.get()) {
            source.set(value);
            refresh();
        }
    }

    /** Counts again for the current model and source, off the UI thread. */
    public void refresh() {
        counts.cancel();
        Model model = cell.getModel();
        hover.set("");
        if (model == null) {
            busy.set(false);
            chart.set(null);
            status.set(cell.getImported() != null ? "Gate saturation counts GateScope's own models; this one was"
                    + " trained elsewhere" : "No model is open");
            return;
        }
        Source from = source.get();
        List<List<String>> texts = texts(from, cell.getTrace());
        if (texts.isEmpty()) {
            busy.set(false);
            chart.set(null);
            status.set("No loaded text: type a sentence in the main window");
            return;
        }
        String modelName = cell.modelNameProperty().get();
        busy.set(true);
        error.set("");
        status.set("Counting saturated gate steps over the " + from.description() + "…");
        counts.submit(() -> count(model, modelName, texts, from),
                result -> {
                    busy.set(false);
                    chart.set(result);
                    status.set(summary(result, from));
                },
                failure -> {
                    busy.set(false);
                    chart.set(null);
                    status.set("");
                    error.set("Cannot count gate saturation: " + HeatmapExportService.describe(failure));
                });
    }

    private static List<List<String>> texts(Source from, Trace loaded) {
        if (from == Source.LOADED_TEXT) {
            return loaded == null || loaded.length() == 0 ? List.of() : List.of(List.copyOf(loaded.tokens()));
        }
        return GateSaturation.heldOutSentences();
    }

    /** Runs on the worker: traces each text, counts, draws, as {@code gatescope saturation} does. */
    static Chart count(Model model, String modelName, List<List<String>> texts, Source from)
            throws InterruptedException {
        List<GateSaturation.Point> points = GateSaturation.count(model, texts);
        BufferedImage image = SaturationChart.forExport(points, model, modelName, from.description());
        return new Chart(List.copyOf(points), image, modelName);
    }

    private static String summary(Chart result, Source from) {
        if (result.points().isEmpty()) {
            return "This cell has no gates: nothing saturates";
        }
        return result.points().size() + " gate units over the " + from.description()
                + ". Click a point to select its unit.";
    }

    /** The pointer is at pixel (x, y) of the chart image: names the point there, if any. */
    public void hover(double x, double y) {
        hover.set(pointAt(x, y).map(SaturationChart::describe).orElse(""));
    }

    /** A click at pixel (x, y): selects that point's unit in the explorer. */
    public boolean click(double x, double y) {
        Optional<GateSaturation.Point> point = pointAt(x, y);
        point.ifPresent(p -> {
            cell.selectPrimaryUnit(p.unit());
            status.set("Selected unit " + p.unit() + " (" + SaturationChart.describe(p) + ")");
        });
        return point.isPresent();
    }

    private Optional<GateSaturation.Point> pointAt(double x, double y) {
        Chart current = chart.get();
        return current == null ? Optional.empty()
                : SaturationChart.nearest(current.points(), x, y, PICK_RADIUS);
    }

    /** Writes the chart as PNG, completely or not at all; a failure is reported, never thrown. */
    public void export(Path target) {
        Chart current = chart.get();
        if (current == null) {
            error.set("Nothing to export yet");
            return;
        }
        error.set("");
        executor.files().submit(() -> {
            PngExport.write(current.image(), target);
            return target;
        }, written -> status.set("Saved " + written.getFileName()),
                failure -> error.set("Could not save " + target.getFileName() + ": "
                        + HeatmapExportService.describe(failure)));
    }

    /** A file name to offer: "lstm-saturation.png". */
    public String suggestedFileName() {
        String name = ChartTitle.modelName(cell.modelNameProperty().get());
        return (name == null ? "model" : name) + "-saturation.png";
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Chart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
