package org.gatescope.ui.probe;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.LinearProbe;
import org.gatescope.engine.analysis.ProbeStudy;
import org.gatescope.io.IoErrors;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.ProbeChart;
import org.gatescope.text.TokenLabels;
import org.gatescope.ui.analysis.AnalysisSource;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;

/**
 * The probe window's state: which property (the subject's number from the agreement corpus, or the labels of a
 * {@code token<TAB>label} file), a&lt;t&gt; or c&lt;t&gt;, and the report of the probe fitted for the explorer's
 * model and layer — the same work as {@code gatescope probe}, on the worker. A click on a unit's bar selects it
 * in the explorer.
 */
public final class ProbeViewModel {

    /** A finished probe and its chart. */
    public record Result(ProbeStudy.Report report, BufferedImage image) {
    }

    private final ExplorerViewModel explorer;
    /** The model and layer the shown result (or the one being fitted) belongs to. */
    private AnalysisSource shownSource;
    private final LatestRequest requests;
    private final ReadOnlyObjectWrapper<Quantity> quantity = new ReadOnlyObjectWrapper<>(this, "quantity",
            Quantity.MEMORY_CELL);
    private final ReadOnlyStringWrapper property = new ReadOnlyStringWrapper(this, "property", ProbeStudy.NUMBER);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final InvalidationListener onModel = o -> refresh();

    /** The label file's dataset, or null for the subject's number. */
    private ProbeStudy.Dataset labels;

    public ProbeViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer);
        this.requests = new LatestRequest(explorer.executor());
        explorer.primary().modelProperty().addListener(onModel);
        explorer.primary().importedProperty().addListener(onModel);
        explorer.primary().selectedLayerProperty().addListener(onModel);
    }

    public void dispose() {
        explorer.primary().modelProperty().removeListener(onModel);
        explorer.primary().importedProperty().removeListener(onModel);
        explorer.primary().selectedLayerProperty().removeListener(onModel);
        requests.cancel();
    }

    public void setQuantity(Quantity value) {
        if (value != null && value != quantity.get()) {
            quantity.set(value);
            refresh();
        }
    }

    /** Back to the default property, the subject's number. */
    public void useNumber() {
        labels = null;
        property.set(ProbeStudy.NUMBER);
        refresh();
    }

    /**
     * Reads a {@code token<TAB>label} file on the file lane; a file that does not fit says why in one line and
     * the current probe stays.
     */
    public void useLabels(Path file) {
        explorer.executor().files().submit(() -> ProbeStudy.fromLabels(String.valueOf(file.getFileName()),
                TokenLabels.parse(Files.readString(file, StandardCharsets.UTF_8))), data -> {
                    labels = data;
                    property.set(data.property());
                    refresh();
                }, failure -> error.set(file.getFileName() + ": " + describe(failure)));
    }

    /** Fits and scores the probe for the explorer's model and layer, off the FX thread. */
    public void refresh() {
        requests.cancel();
        AnalysisSource source = AnalysisSource.of(explorer.primary());
        if (source == null) {
            busy.set(false);
            result.set(null);
            status.set(explorer.primary().busyProperty().get() ? "The model is still loading\u2026" : "No model is open");
            return;
        }
        if (!source.readsWords()) {
            busy.set(false);
            result.set(null);
            status.set("");
            error.set("This model reads token ids or numbers, not words: pick its Vocabulary\u2026 in the main window");
            return;
        }
        ProbeStudy.Dataset data = labels;
        Quantity q = quantity.get();
        if (!source.equals(shownSource)) {
            result.set(null); // another model's chart would pass for this one's while the probe is fitted
        }
        shownSource = source;
        busy.set(true);
        error.set("");
        status.set("Tracing the training and held-out sentences, fitting the probe\u2026");
        requests.submit(() -> compute(source, q, data), done -> {
            busy.set(false);
            result.set(done);
            status.set(ProbeChart.conclusion(done.report()) + " Click a unit to select it.");
        }, failure -> {
            busy.set(false);
            result.set(null);
            status.set("");
            error.set(describe(failure));
        });
    }

    /** Runs on the worker: the work of {@code gatescope probe}. */
    static Result compute(AnalysisSource source, Quantity quantity, ProbeStudy.Dataset labels)
            throws InterruptedException {
        ProbeStudy.Dataset data = labels != null ? labels : ProbeStudy.number();
        int[] numberUnits = source.own() == null ? new int[0] : source.own().numberUnits();
        ProbeStudy.Report report = ProbeStudy.run(source.tracer(), quantity, data, numberUnits);
        String name = ChartTitle.modelName(source.modelName());
        String symbol = quantity == Quantity.MEMORY_CELL && source.own() != null
                && source.own().cell() == org.gatescope.engine.CellKind.RNN ? "a" : quantity.symbol();
        String title = (name == null ? "" : name + " \u2014 ") + source.layerLabel() + " \u00B7 linear probe of "
                + data.property() + " from " + symbol + "<t>";
        String subtitle = String.format(Locale.ROOT, "trained on %,d tokens of %d sentences, scored on %,d held-out"
                        + " tokens of %d; ridge least squares (\u03BB %s)", report.trainingExamples(),
                data.training().size(), report.heldOutExamples(), data.heldOut().size(), LinearProbe.RIDGE);
        return new Result(report, ProbeChart.render(report, title, subtitle));
    }

    /** A click at pixel (x, y) of the chart: selects the unit of the bar there in the explorer. */
    public boolean click(double x, double y) {
        Result current = result.get();
        if (current == null) {
            return false;
        }
        OptionalInt unit = ProbeChart.unitAt(current.report(), x, y);
        unit.ifPresent(u -> {
            explorer.primary().selectPrimaryUnit(u);
            status.set("Selected unit " + u);
        });
        return unit.isPresent();
    }

    /** Writes the chart as PNG, completely or not at all. */
    public void export(Path file) {
        Result current = result.get();
        if (current == null) {
            error.set("Nothing to export yet");
            return;
        }
        PngFiles.write(explorer.executor(), current::image, file, status, error, ProbeViewModel::describe);
    }

    public String suggestedFileName() {
        String name = ChartTitle.modelName(explorer.primary().modelNameProperty().get());
        return (name == null ? "model" : name) + "-probe.png";
    }

    private static String describe(Throwable failure) {
        if (failure instanceof java.io.IOException e) {
            return IoErrors.reason(e);
        }
        return HeatmapExportService.describe(failure);
    }

    public ReadOnlyObjectProperty<Quantity> quantityProperty() {
        return quantity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty propertyProperty() {
        return property.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The corpus the default property reads, for the window's label. */
    public static String numberDescription() {
        return "subject's number (agreement corpus: " + ProbeStudy.NUMBER_TRAINING + " training, "
                + ProbeStudy.NUMBER_HELD_OUT + " held-out sentences)";
    }
}
