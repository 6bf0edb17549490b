package org.gatescope.ui.states;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.AnalysisException;
import org.gatescope.engine.analysis.Pca;
import org.gatescope.engine.analysis.StateSpace;
import org.gatescope.io.IoErrors;
import org.gatescope.io.PcaBasisFile;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.TrajectoryChart;
import org.gatescope.text.NumberSwap;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.analysis.AnalysisSource;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;

/**
 * The trajectory window's state: the explorer's sentence and a second one (its counterfactual in the other
 * number, by default) as two paths through the plane of two principal components of a&lt;t&gt; or c&lt;t&gt;;
 * the basis fitted on the two sentences, on the held-out agreement corpus, on a text file, or read from a
 * saved basis. Fitting and tracing run on the worker through a {@link LatestRequest}; a corpus basis is kept
 * for as long as the model, layer and quantity stay, so a new sentence only projects.
 *
 * <p>Bad input (one token, states that do not vary, a basis of another size) clears the chart and says why
 * in one line; the settings stay.
 */
public final class TrajectoryViewModel {

    /** The components drawn. */
    public static final int COMPONENTS = 2;
    /** How close (px) the mouse must come to a point. */
    public static final double PICK_RADIUS = 8;

    /** Where the basis comes from. */
    public enum BasisSource {
        SENTENCES("these sentences"), CORPUS(StateSpace.CORPUS_DESCRIPTION), FILE("a text file"),
        SAVED("a saved basis");

        private final String description;

        BasisSource(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A finished chart and the basis it used. */
    public record Result(TrajectoryChart.Chart chart, BufferedImage image, PcaBasisFile.Basis basis) {
    }

    /** A basis fitted for one model, layer and quantity: reused while they stay. */
    private record CachedBasis(Object model, int layer, Quantity quantity, BasisSource source, Path file,
                               PcaBasisFile.Basis basis) {
    }

    private final ExplorerViewModel explorer;
    private final LatestRequest requests;
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper(this, "comparison", "");
    private final ReadOnlyObjectWrapper<BasisSource> basisSource =
            new ReadOnlyObjectWrapper<>(this, "basisSource", BasisSource.SENTENCES);
    private final ReadOnlyObjectWrapper<Quantity> quantity =
            new ReadOnlyObjectWrapper<>(this, "quantity", Quantity.MEMORY_CELL);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final InvalidationListener onTrace = o -> refresh();
    private final InvalidationListener onSentence = o -> suggestComparison();

    private Path corpusFile;
    private List<List<String>> corpusFileSentences = List.of();
    private PcaBasisFile.Basis savedBasis;
    private CachedBasis cached;
    private boolean userTypedComparison;

    public TrajectoryViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer);
        this.requests = new LatestRequest(explorer.executor());
        explorer.primary().traceProperty().addListener(onTrace);
        explorer.sentenceProperty().addListener(onSentence);
        suggestComparison();
    }

    /** Stops following the explorer (the window closed). */
    public void dispose() {
        explorer.primary().traceProperty().removeListener(onTrace);
        explorer.sentenceProperty().removeListener(onSentence);
        requests.cancel();
    }

    /** The second sentence; blank draws one path. */
    public void setComparison(String text) {
        userTypedComparison = true;
        if (!Objects.equals(text, comparison.get())) {
            comparison.set(text == null ? "" : text);
            refresh();
        }
    }

    /** Offers the explorer sentence's counterfactual (the other number) until the user types their own. */
    private void suggestComparison() {
        if (userTypedComparison) {
            return;
        }
        Optional<List<String>> swapped = NumberSwap.of(Tokenizer.tokenize(explorer.sentenceProperty().get()));
        comparison.set(swapped.map(tokens -> String.join(" ", tokens)).orElse(""));
    }

    public void setBasisSource(BasisSource source) {
        if (source == BasisSource.FILE && corpusFile == null || source == BasisSource.SAVED && savedBasis == null) {
            return; // the window asks for the file first
        }
        if (source != null && source != basisSource.get()) {
            basisSource.set(source);
            refresh();
        }
    }

    public void setQuantity(Quantity value) {
        if (value != null && value != quantity.get()) {
            quantity.set(value);
            refresh();
        }
    }

    /** Reads a corpus file (each non-blank line a sentence) on the file lane, then fits on it. */
    public void useCorpusFile(Path file) {
        explorer.executor().files().submit(() -> {
            List<List<String>> sentences = StateSpace.sentencesOf(Files.readString(file, StandardCharsets.UTF_8));
            if (sentences.isEmpty()) {
                throw new IOException("it has no sentence (one per line)");
            }
            return sentences;
        }, sentences -> {
            corpusFile = file;
            corpusFileSentences = sentences;
            cached = null;
            basisSource.set(BasisSource.FILE);
            refresh();
        }, failure -> error.set("Cannot read " + file.getFileName() + ": " + describe(failure)));
    }

    /** Reads a basis saved earlier (here or by {@code states --save-basis}), then projects on it. */
    public void loadBasis(Path file) {
        explorer.executor().files().submit(() -> PcaBasisFile.read(file), basis -> {
            savedBasis = basis;
            basisSource.set(BasisSource.SAVED);
            refresh();
        }, failure -> error.set(describe(failure)));
    }

    /** Saves the basis in use; a failure is reported, never thrown. */
    public void saveBasis(Path file) {
        Result current = result.get();
        if (current == null) {
            error.set("No basis to save yet");
            return;
        }
        explorer.executor().files().submit(() -> {
            PcaBasisFile.write(current.basis(), file);
            return file;
        }, written -> status.set("Saved the basis to " + written.getFileName()),
                failure -> error.set("Could not save " + file.getFileName() + ": " + describe(failure)));
    }

    /** Writes the chart as PNG, completely or not at all. */
    public void export(Path file) {
        Result current = result.get();
        if (current == null) {
            error.set("Nothing to export yet");
            return;
        }
        PngFiles.write(explorer.executor(), current::image, file, status, error, TrajectoryViewModel::describe);
    }

    public String suggestedFileName() {
        String name = ChartTitle.modelName(explorer.primary().modelNameProperty().get());
        return (name == null ? "model" : name) + "-trajectories.png";
    }

    /** Fits (or reuses) the basis and projects the sentences, off the FX thread. */
    public void refresh() {
        requests.cancel();
        hover.set("");
        AnalysisSource source = AnalysisSource.of(explorer.primary());
        Trace first = explorer.primary().getTrace();
        if (source == null || first == null) {
            busy.set(false);
            result.set(null);
            status.set(source == null ? (explorer.primary().busyProperty().get() ? "The model is still loading\u2026"
                    : "No model is open") : "No text: type a sentence in the main window");
            return;
        }
        String second = comparison.get().strip();
        Quantity q = quantity.get();
        BasisSource from = basisSource.get();
        CachedBasis reuse = cached != null && cached.model() == modelKey(source) && cached.layer() == source.layer()
                && cached.quantity() == q && cached.source() == from && Objects.equals(cached.file(), corpusFile)
                ? cached : null;
        PcaBasisFile.Basis saved = savedBasis;
        List<List<String>> fileSentences = corpusFileSentences;
        String fileName = corpusFile == null ? "" : String.valueOf(corpusFile.getFileName());
        Path file = corpusFile;
        busy.set(true);
        error.set("");
        status.set(from == BasisSource.CORPUS && reuse == null ? "Fitting the basis on the " + from.description() + "…"
                : "Projecting…");
        requests.submit(() -> compute(source, first, second, q, from, reuse == null ? null : reuse.basis(), saved,
                fileSentences, fileName), done -> {
                    busy.set(false);
                    if (from == BasisSource.CORPUS || from == BasisSource.FILE) {
                        cached = new CachedBasis(modelKey(source), source.layer(), q, from, file, done.basis());
                    }
                    result.set(done);
                    status.set(summary(done));
                }, failure -> {
                    busy.set(false);
                    result.set(null);
                    status.set("");
                    error.set(describe(failure));
                });
    }

    private static Object modelKey(AnalysisSource source) {
        return source.own() != null ? source.own() : source.imported();
    }

    /** Runs on the worker; the same work as {@code gatescope states}. */
    static Result compute(AnalysisSource source, Trace first, String second, Quantity quantity, BasisSource from,
                          PcaBasisFile.Basis reuse, PcaBasisFile.Basis saved, List<List<String>> fileSentences,
                          String fileName) throws InterruptedException {
        List<Trace> traces = new ArrayList<>();
        traces.add(first);
        if (!second.isEmpty()) {
            traces.add(source.trace(second));
        }
        Quantity resolved = StateSpace.resolve(first, quantity);
        PcaBasisFile.Basis basis = switch (from) {
            case SENTENCES -> new PcaBasisFile.Basis(Pca.fit(StateSpace.pooled(traces, quantity), COMPONENTS),
                    resolved.key(), source.layerLabel(), traces.size() == 1 ? "the sentence" : "the two sentences");
            case CORPUS -> reuse != null ? reuse : new PcaBasisFile.Basis(StateSpace.fit(source.tracer(),
                    StateSpace.corpusSentences(), quantity, COMPONENTS), resolved.key(), source.layerLabel(),
                    StateSpace.CORPUS_DESCRIPTION);
            case FILE -> reuse != null ? reuse : new PcaBasisFile.Basis(StateSpace.fit(source.tracer(), fileSentences,
                    quantity, COMPONENTS), resolved.key(), source.layerLabel(), fileName + ", " + fileSentences.size()
                    + " lines");
            case SAVED -> saved;
        };
        if (from == BasisSource.SAVED && basis.pca().size() < COMPONENTS) {
            throw new AnalysisException("the saved basis has " + basis.pca().size() + " component; the chart needs "
                    + COMPONENTS);
        }
        List<TrajectoryChart.Path> paths = new ArrayList<>();
        for (Trace trace : traces) {
            paths.add(new TrajectoryChart.Path(String.join(" ", abbreviate(trace.tokens())), trace.tokens(),
                    StateSpace.path(basis.pca(), trace, quantity)));
        }
        String name = ChartTitle.modelName(source.modelName());
        TrajectoryChart.Chart chart = new TrajectoryChart.Chart(paths, basis.pca().explainedVarianceRatio(),
                (name == null ? "" : name + " \u2014 ") + source.layerLabel() + " \u00B7 " + resolved.symbol()
                        + "<t> on two principal components",
                "basis fitted on " + basis.fittedOn() + "; one point per token, the first one larger");
        return new Result(chart, TrajectoryChart.render(chart), basis);
    }

    private static List<String> abbreviate(List<String> tokens) {
        return tokens.size() <= 12 ? tokens : List.of(String.join(" ", tokens.subList(0, 10)), "\u2026");
    }

    private static String summary(Result done) {
        double[] ratio = done.basis().pca().explainedVarianceRatio();
        return String.format(java.util.Locale.ROOT, "PC1 explains %.1f %%, PC2 %.1f %% of the variance (basis: %s)."
                + " Click a point to step there.", 100 * ratio[0], 100 * ratio[1], done.basis().fittedOn());
    }

    /** The pointer is at pixel (x, y) of the chart: names the point there. */
    public void hover(double x, double y) {
        Result current = result.get();
        hover.set(current == null ? "" : TrajectoryChart.nearest(current.chart(), x, y, PICK_RADIUS)
                .map(hit -> TrajectoryChart.describe(current.chart(), hit)).orElse(""));
    }

    /** A click on a point of the explorer's sentence steps the explorer there. */
    public boolean click(double x, double y) {
        Result current = result.get();
        if (current == null) {
            return false;
        }
        Optional<TrajectoryChart.Hit> hit = TrajectoryChart.nearest(current.chart(), x, y, PICK_RADIUS);
        hit.filter(h -> h.path() == 0).ifPresent(h -> explorer.jumpTo(h.token()));
        return hit.isPresent();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof IOException e && !(e instanceof java.nio.file.FileSystemException)) {
            return e.getMessage() == null ? IoErrors.reason(e) : e.getMessage();
        }
        if (failure instanceof IOException e) {
            return IoErrors.reason(e);
        }
        return HeatmapExportService.describe(failure);
    }

    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BasisSource> basisSourceProperty() {
        return basisSource.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Quantity> quantityProperty() {
        return quantity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
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

    public ExplorerViewModel explorer() {
        return explorer;
    }
}
