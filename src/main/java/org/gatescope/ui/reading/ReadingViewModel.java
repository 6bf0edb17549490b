package org.gatescope.ui.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.UnitSearch;
import org.gatescope.io.IoErrors;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.ReadingLayout;
import org.gatescope.render.ReadingPainter;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;

/**
 * The reading window's state: the explorer's text and trace, the quantity shown (↑↓ move the explorer's unit,
 * ←→ the quantity), a marked span and what the unit search found for it ({@link UnitSearch}: units ranked by
 * their correlation with the span, the best {@value UnitSearch#DEFAULT_PATTERN_UNITS} switching on together
 * elsewhere). The search runs on the worker; a newer span or trace drops an older answer.
 */
public final class ReadingViewModel {

    /** Width of the exported picture. */
    public static final int EXPORT_WIDTH = 1000;
    /** How many ranked units the list shows. */
    public static final int LISTED_UNITS = 20;

    /** What the search found for a span. */
    public record Search(UnitSearch.Span span, List<UnitSearch.UnitScore> ranked, List<UnitSearch.UnitScore> pattern,
                         List<UnitSearch.Span> matches, Quantity quantity) {
    }

    private final ExplorerViewModel explorer;
    private final LatestRequest searches;
    private final ReadOnlyObjectWrapper<Quantity> quantity = new ReadOnlyObjectWrapper<>(this, "quantity",
            Quantity.MEMORY_CELL);
    private final ReadOnlyObjectWrapper<Search> search = new ReadOnlyObjectWrapper<>(this, "search");
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> unitLines = FXCollections.observableArrayList();
    private final ObservableList<String> matchLines = FXCollections.observableArrayList();
    private final InvalidationListener onTrace = o -> traceChanged();

    public ReadingViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer);
        this.searches = new LatestRequest(explorer.executor());
        explorer.primary().traceProperty().addListener(onTrace);
        traceChanged();
    }

    public void dispose() {
        explorer.primary().traceProperty().removeListener(onTrace);
        searches.cancel();
    }

    private void traceChanged() {
        Trace trace = trace();
        if (trace != null && !trace.has(quantity.get())) {
            quantity.set(trace.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION);
        }
        clearSearch();
        status.set(trace == null ? "No text: type or open one" : String.format(Locale.ROOT,
                "%,d tokens. Drag across tokens to find the units that mark them; click a token to step there.",
                trace.length()));
    }

    public Trace trace() {
        return explorer.primary().getTrace();
    }

    /** ←/→: the previous or next quantity the cell has (Γu, Γf, …, c, a). */
    public void moveQuantity(int delta) {
        Trace trace = trace();
        if (trace == null) {
            return;
        }
        List<Quantity> all = trace.quantities();
        hover.set(""); // it named the old quantity's value
        int at = Math.max(0, all.indexOf(quantity.get()));
        quantity.set(all.get(Math.floorMod(at + delta, all.size())));
        Search current = search.get();
        if (current != null) {
            mark(current.span().from(), current.span().to());
        }
    }

    /** ↑/↓: the explorer's previous or next unit. */
    public void moveUnit(int delta) {
        hover.set("");
        explorer.primary().movePrimaryUnit(delta);
    }

    /** The values shown: one per token, the explorer's unit of the chosen quantity; null without a trace. */
    public double[] values() {
        Trace trace = trace();
        int unit = explorer.primary().getPrimaryUnit();
        if (trace == null || unit >= trace.hidden() || !trace.has(quantity.get())) {
            return null;
        }
        double[] values = new double[trace.length()];
        for (int t = 0; t < values.length; t++) {
            values[t] = trace.value(quantity.get(), t, unit);
        }
        return values;
    }

    /** The pointer is over token {@code t} (-1: none). */
    public void hover(int t) {
        Trace trace = trace();
        double[] values = values();
        if (trace == null || values == null || t < 0 || t >= trace.length()) {
            hover.set("");
            return;
        }
        hover.set(String.format(Locale.ROOT, "\u201C%s\u201D (step %d): %s = %.4f", trace.tokens().get(t), t,
                ReadingPainter.describe(quantity.get(), explorer.primary().getPrimaryUnit()), values[t]));
    }

    /** A click on token {@code t}: the explorer steps there. */
    public void click(int t) {
        Trace trace = trace();
        if (trace != null && t >= 0 && t < trace.length()) {
            explorer.jumpTo(t);
        }
    }

    /** Marks tokens {@code from}..{@code to} and searches for the units that mark them. */
    public void mark(int from, int to) {
        Trace trace = trace();
        if (trace == null) {
            return;
        }
        int first = Math.min(from, to);
        int last = Math.max(from, to);
        Quantity q = quantity.get();
        error.set("");
        searches.submit(() -> find(trace, q, first, last), found -> {
            search.set(found);
            unitLines.setAll(describeUnits(found));
            matchLines.setAll(describeMatches(trace, found));
            status.set(String.format(Locale.ROOT, "Tokens %d\u2013%d marked. Units ranked by %s with the span; the"
                    + " best %d switch on together at %d other places.", first, last, UnitSearch.METHOD,
                    found.pattern().size(), found.matches().size()));
        }, failure -> {
            clearSearch();
            error.set(HeatmapExportService.describe(failure));
        });
    }

    /** Runs on the worker: the work of {@code gatescope search}. */
    static Search find(Trace trace, Quantity quantity, int from, int to) {
        UnitSearch.Span span = UnitSearch.span(from, to, trace.length());
        double[][] values = trace.values(quantity);
        List<UnitSearch.UnitScore> ranked = UnitSearch.rank(values, span);
        List<UnitSearch.UnitScore> pattern = ranked.subList(0, Math.min(UnitSearch.DEFAULT_PATTERN_UNITS, ranked.size()));
        return new Search(span, ranked, List.copyOf(pattern), UnitSearch.matches(values, span, pattern), quantity);
    }

    public void clearSearch() {
        searches.cancel();
        search.set(null);
        unitLines.clear();
        matchLines.clear();
    }

    /** A unit of the ranked list was chosen: the explorer shows it, the text is coloured by it. */
    public void chooseRankedUnit(int index) {
        Search current = search.get();
        if (current != null && index >= 0 && index < Math.min(LISTED_UNITS, current.ranked().size())) {
            explorer.primary().selectPrimaryUnit(current.ranked().get(index).unit());
        }
    }

    /** A match was chosen: the explorer steps to its first token; returns that token (-1 for none). */
    public int chooseMatch(int index) {
        Search current = search.get();
        if (current == null || index < 0 || index >= current.matches().size()) {
            return -1;
        }
        int t = current.matches().get(index).from();
        explorer.jumpTo(t);
        return t;
    }

    private static List<String> describeUnits(Search found) {
        List<String> lines = new ArrayList<>();
        for (UnitSearch.UnitScore u : found.ranked().subList(0, Math.min(LISTED_UNITS, found.ranked().size()))) {
            lines.add(String.format(Locale.ROOT, "%s unit %d   r %+.2f   in %+.2f / out %+.2f",
                    found.pattern().contains(u) ? "\u25CF" : "   ", u.unit(), u.correlation(), u.meanInside(),
                    u.meanOutside()));
        }
        return lines;
    }

    private static List<String> describeMatches(Trace trace, Search found) {
        List<String> lines = new ArrayList<>();
        for (UnitSearch.Span m : found.matches()) {
            String text = String.join(" ", trace.tokens().subList(m.from(), m.to() + 1));
            lines.add(String.format(Locale.ROOT, "%d\u2013%d  \u201C%s\u201D", m.from(), m.to(),
                    text.length() > 60 ? text.substring(0, 60) + "\u2026" : text));
        }
        return lines;
    }

    /** Marks for the painter: the explorer's step, the span and the matches. */
    public ReadingPainter.Marks marks() {
        Search current = search.get();
        int step = explorer.getStep();
        if (current == null) {
            return new ReadingPainter.Marks(step, 0, -1, List.of());
        }
        List<int[]> matches = current.matches().stream().map(m -> new int[] {m.from(), m.to()}).toList();
        return new ReadingPainter.Marks(step, current.span().from(), current.span().to(), matches);
    }

    /** Reads a text file on the file lane and gives it to the explorer, which traces it. */
    public void openText(Path file) {
        explorer.executor().files().submit(() -> {
            if (Files.size(file) > 64L * 1024 * 1024) {
                throw new java.io.IOException("it is larger than 64 MB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }, text -> {
            if (text.isBlank()) {
                error.set(file.getFileName() + " is empty");
                return;
            }
            explorer.setSentenceNow(text);
        }, failure -> error.set("Cannot read " + file.getFileName() + ": " + (failure instanceof java.io.IOException e
                ? IoErrors.reason(e) : HeatmapExportService.describe(failure))));
    }

    /** Exports the whole text, coloured as shown, as PNG (at most {@link HeatmapImage#MAX_SIDE} px high). */
    public void export(Path file) {
        Trace trace = trace();
        double[] values = values();
        if (trace == null || values == null) {
            error.set("Nothing to export yet");
            return;
        }
        Quantity q = quantity.get();
        int unit = explorer.primary().getPrimaryUnit();
        ReadingPainter.Marks marks = marks();
        String name = ChartTitle.modelName(explorer.primary().modelNameProperty().get());
        String title = (name == null ? "" : name + " \u2014 ") + "reading view, " + ReadingPainter.describe(q, unit);
        PngFiles.write(explorer.executor(), () -> ReadingPainter.render(ReadingLayout.of(trace.tokens(), EXPORT_WIDTH),
                trace.tokens(), values, q, unit, title, marks, HeatmapImage.MAX_SIDE), file, status, error,
                failure -> failure instanceof IOException e ? IoErrors.reason(e) : HeatmapExportService.describe(failure));
    }

    public String suggestedFileName() {
        String name = ChartTitle.modelName(explorer.primary().modelNameProperty().get());
        return (name == null ? "model" : name) + "-reading-" + quantity.get().key() + "-unit"
                + explorer.primary().getPrimaryUnit() + ".png";
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public ReadOnlyObjectProperty<Quantity> quantityProperty() {
        return quantity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Search> searchProperty() {
        return search.getReadOnlyProperty();
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

    public ObservableList<String> unitLines() {
        return FXCollections.unmodifiableObservableList(unitLines);
    }

    public ObservableList<String> matchLines() {
        return FXCollections.unmodifiableObservableList(matchLines);
    }
}
