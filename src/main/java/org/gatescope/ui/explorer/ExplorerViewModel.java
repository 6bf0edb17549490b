package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.analysis.NetworkAblation;
import org.gatescope.engine.analysis.NetworkOutputs;
import org.gatescope.engine.analysis.NetworkReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.render.PngExport;
import org.gatescope.render.ReachChart;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementVerbs;
import org.gatescope.text.Tokenizer;
import org.gatescope.text.VerbTarget;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;
import org.gatescope.ui.task.TaskExecutor;

/**
 * The explorer window's state: the sentence, the step, playback, the cell (and the second cell
 * of the compare view), predictions, messages. Views bind to its read-only properties and call
 * its methods; it never touches a control, and it computes nothing on the UI thread that grows
 * with the text beyond tokenising it: tracing goes to the {@link TaskExecutor}, exporting to its
 * {@link TaskExecutor#files() file lane}. The sentence, the reach and the ablation each follow the
 * latest request only ({@link LatestRequest}).
 */
public final class ExplorerViewModel {

    /** How long typing must pause before the sentence is traced again. */
    public static final Duration RETRACE_DELAY = Duration.ofMillis(250);
    /** The lecture's sentence, traced when the window opens. */
    public static final String LECTURE_SENTENCE = AgreementCorpus.LECTURE_SENTENCE;
    /** Shown when the sentence is empty. */
    public static final String EMPTY_HINT = "Type a sentence, e.g. The cats, which already ate ..., were full.";
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 12;
    /**
     * The most tokens the window traces of a text (about 50 KB of English): a longer paste is
     * traced in its first part, with a message saying so; {@code trace --text-file} reads it all.
     * Fewer when the model's trace of that many would not fit in memory.
     */
    public static final int TOKEN_LIMIT = 10_000;
    public static final double DEFAULT_SPEED = 2;
    /** How many next-token predictions the side panel lists. */
    public static final int PREDICTIONS = 5;
    /** What the verb test says for a model trained elsewhere (reach and silencing work on its selected layer). */
    public static final String OWN_MODELS_ONLY = "The singular-or-plural verb test works on GateScope's next-token models";
    /** How many in-memory models (training snapshots) the model choosers can open again. */
    static final int KEPT_SNAPSHOTS = 8;

    private final TaskExecutor executor;
    private final HeatmapExportService exporter;
    private final ImageClipboard clipboard;
    private final CellViewModel primary;
    private final CellViewModel comparison;
    private final TeachingViewModel teaching;
    private final List<String> bundled;
    /** The model {@link #start} opens; null when none is bundled. */
    private final String opening;

    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper(this, "sentence", "");
    private final ReadOnlyBooleanWrapper sentenceEmpty = new ReadOnlyBooleanWrapper(this, "sentenceEmpty", true);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", DEFAULT_SPEED);
    private final ReadOnlyBooleanWrapper compare = new ReadOnlyBooleanWrapper(this, "compare");
    private final ReadOnlyBooleanWrapper showActivation = new ReadOnlyBooleanWrapper(this, "showActivation");
    private final ReadOnlyObjectWrapper<CellKind> cell = new ReadOnlyObjectWrapper<>(this, "cell");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper noModel = new ReadOnlyBooleanWrapper(this, "noModel");
    private final ReadOnlyObjectWrapper<VerbComparison> verbComparison =
            new ReadOnlyObjectWrapper<>(this, "verbComparison");
    private final ReadOnlyBooleanWrapper verbsFound = new ReadOnlyBooleanWrapper(this, "verbsFound");
    private final ObservableList<Trace.Prediction> predictions = FXCollections.observableArrayList();
    private final ObservableList<TokenChip> tokenChips = FXCollections.observableArrayList();
    private final ObservableList<Trace.Prediction> readOnlyPredictions =
            FXCollections.unmodifiableObservableList(predictions);
    private final ObservableList<TokenChip> readOnlyTokenChips = FXCollections.unmodifiableObservableList(tokenChips);

    private final ReadOnlyObjectWrapper<MemoryReach> reach = new ReadOnlyObjectWrapper<>(this, "reach");
    /** The compare view's second cell's reach, for its own timeline. */
    private final ReadOnlyObjectWrapper<MemoryReach> comparisonReach = new ReadOnlyObjectWrapper<>(this,
            "comparisonReach");
    private final ReadOnlyBooleanWrapper showReach = new ReadOnlyBooleanWrapper(this, "showReach", true);
    private final ReadOnlyObjectWrapper<Ablation> ablation = new ReadOnlyObjectWrapper<>(this, "ablation");
    private final ReadOnlyStringWrapper inputHint = new ReadOnlyStringWrapper(this, "inputHint", "");
    private final ReadOnlyStringWrapper predictionTitle = new ReadOnlyStringWrapper(this, "predictionTitle", "");
    private final ReadOnlyBooleanWrapper predictionsAreProbabilities =
            new ReadOnlyBooleanWrapper(this, "predictionsAreProbabilities", true);
    private final LatestRequest sentenceRequests;
    private final LatestRequest reachRequests;
    private final LatestRequest comparisonReachRequests;
    private final LatestRequest ablationRequests;
    /** The snapshots handed over by label, newest last, so that choosing a label again shows it again. */
    private final Map<String, ModelSource.Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ModelSource.Snapshot> eldest) {
            return size() > KEPT_SNAPSHOTS;
        }
    };

    private List<String> tokens = List.of();
    /** The text those tokens came from: what a model trained elsewhere reads. */
    private String tokensText = "";
    /** How many tokens the whole text has, when the window traces only its first part; 0 otherwise. */
    private int cutFrom;
    /**
     * True from opening a model trained elsewhere without a vocabulary until its first trace: if the
     * sentence does not fit it, an example input replaces the sentence instead of a banner.
     */
    private boolean offerExample;
    private TaskExecutor.Cancellable pendingRetrace;
    /** The verbs of the shown trace's text, found off the UI thread; null while they are being found. */
    private TextVerbs textVerbs;
    /** The verb whose reach was asked for last (shown or on its way); null for a text without a verb. */
    private VerbTarget reachFor;

    public ExplorerViewModel(TaskExecutor executor, ModelCatalog catalog, HeatmapExportService exporter,
                             ImageClipboard clipboard) {
        this.executor = Objects.requireNonNull(executor);
        Objects.requireNonNull(catalog);
        this.exporter = Objects.requireNonNull(exporter);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.bundled = List.copyOf(catalog.bundled());
        this.opening = catalog.opening();
        this.sentenceRequests = new LatestRequest(executor);
        this.reachRequests = new LatestRequest(executor);
        this.comparisonReachRequests = new LatestRequest(executor);
        this.ablationRequests = new LatestRequest(executor);
        // The old text does not fit a model just opened that reads ids or rows: an example replaces it.
        this.primary = new CellViewModel(executor, catalog, message -> {
            if (offerExample && message.startsWith("Cannot trace")) {
                offerExample = false;
                if (replaceByExample()) {
                    return;
                }
            }
            showError(message);
        });
        this.comparison = new CellViewModel(executor, catalog, this::showError);
        primary.traceProperty().addListener((obs, old, now) -> onPrimaryTrace(old, now));
        primary.modelProperty().addListener((obs, old, now) -> onPrimaryModel());
        primary.importedProperty().addListener((obs, old, now) -> {
            onPrimaryModel();
            // only the text the model opened on: what the user types later gets the banner, never an example
            offerExample = now != null && !now.readsText() && !primary.traceProblemProperty().get().isEmpty();
        });
        primary.selectedLayerProperty().addListener((obs, old, now) -> {
            ablationRequests.cancel();
            ablation.set(null); // it was of another layer
            followNetworkOutput();
        });
        comparison.traceProperty().addListener((obs, old, now) -> {
            updateStatus();
            computeComparisonReach(now);
        });
        noModel.set(bundled.isEmpty());
        this.teaching = new TeachingViewModel(this, executor);
    }

    /** Counterfactuals, gate clamps and memory accounting of the main cell. */
    public TeachingViewModel teaching() {
        return teaching;
    }

    /**
     * Opens the window's first state: the catalog's {@link ModelCatalog#opening() opening model} (for the
     * bundled models, the GRU whose picture is the lecture's) on the lecture sentence, at its first token.
     * Without a bundled model, the empty state.
     */
    public void start() {
        start(null);
    }

    /**
     * As {@link #start()}, showing {@code ready} at once when it is the opening model's trace of the lecture
     * sentence ({@link #openingSource()}; the window computes it while JavaFX starts), so that the window's
     * first frame already shows it. Null, or another model: as {@link #start()}.
     */
    public void start(CellViewModel.Prepared ready) {
        sentence.set(LECTURE_SENTENCE);
        sentenceRequests.cancel();
        applyTokens(LECTURE_SENTENCE, List.copyOf(Tokenizer.tokenize(LECTURE_SENTENCE)));
        if (bundled.isEmpty()) {
            noModel.set(true);
            status.set("No model is bundled with this build: open a model file (File ▸ Open model…)");
            return;
        }
        ModelSource source = openingSource(bundled, opening);
        if (ready != null && ready.source().equals(source)) {
            primary.open(ready);
        } else {
            primary.load(source);
        }
    }

    /** The model {@link #start} opens with {@code catalog}'s bundled models; null when none is bundled. */
    public static ModelSource openingSource(ModelCatalog catalog) {
        return openingSource(catalog.bundled(), catalog.opening());
    }

    private static ModelSource openingSource(List<String> bundled, String opening) {
        return bundled.isEmpty() ? null : new ModelSource.Bundled(bundled.contains(opening) ? opening : bundled.get(0));
    }

    // ---- sentence -------------------------------------------------------------------------

    /** The user edited the sentence: it is traced once typing pauses for {@link #RETRACE_DELAY}. */
    public void setSentence(String text) {
        String value = text == null ? "" : text;
        if (value.equals(sentence.get())) {
            return;
        }
        sentence.set(value);
        if (pendingRetrace != null) {
            pendingRetrace.cancel();
        }
        pendingRetrace = executor.schedule(RETRACE_DELAY, this::retraceSentence);
    }

    /** Sets the sentence and traces it at once (Enter, a pasted text, tests). */
    public void setSentenceNow(String text) {
        sentence.set(text == null ? "" : text);
        retraceSentence();
    }

    private void retraceSentence() {
        if (pendingRetrace != null) {
            pendingRetrace.cancel();
            pendingRetrace = null;
        }
        // A pasted text may be long: tokenise it off the UI thread too.
        String text = sentence.get();
        int limit = tokenLimit();
        sentenceRequests.submit(() -> TextStart.of(text, limit), this::applyTextStart,
                failure -> showError("Cannot read the text: " + failure.getMessage()));
    }

    /** {@link #TOKEN_LIMIT}, or fewer when the shown models' traces of that many would not fit in memory. */
    private int tokenLimit() {
        long limit = TOKEN_LIMIT;
        for (CellViewModel shown : compare.get() ? List.of(primary, comparison) : List.of(primary)) {
            Model model = shown.getModel();
            if (model != null) {
                limit = Math.min(limit, Tracer.tokensThatFit(model.spec()) / (compare.get() ? 2 : 1));
            }
        }
        return (int) Math.max(1, limit);
    }

    private void applyTextStart(TextStart start) {
        int wasCutFrom = cutFrom;
        cutFrom = start.cut() ? start.totalTokens() : 0;
        if (start.cut() && cutFrom != wasCutFrom) {
            showError(String.format(Locale.ROOT, "The text has %,d tokens: the window traces its first %,d."
                    + " trace --text-file reads a whole text.", start.totalTokens(), start.tokens().size()));
        }
        applyTokens(start.text(), start.tokens());
    }

    private void applyTokens(String text, List<String> newTokens) {
        sentenceEmpty.set(newTokens.isEmpty());
        // A model trained elsewhere reads the text itself (its own case, characters, numbers).
        boolean textMatters = primary.getImported() != null || comparison.getImported() != null;
        if (newTokens.equals(tokens) && (primary.getTrace() != null || newTokens.isEmpty())
                && (!textMatters || text.equals(tokensText))) {
            return; // the same tokens (only spacing or case changed): nothing to trace
        }
        tokens = newTokens;
        tokensText = text;
        primary.retrace(text, tokens);
        if (compare.get()) {
            comparison.retrace(text, tokens);
        }
        updateStatus();
    }

    /** The main cell's model changed: its kind, the empty state, the status, what the sentence field takes. */
    private void onPrimaryModel() {
        Model own = primary.getModel();
        ImportedModel other = primary.getImported();
        Trace shown = primary.getTrace();
        cell.set(own != null ? own.cell() : other == null ? null : shown != null ? shown.cell()
                : other.network().layerDirections().get(primary.selectedLayerProperty().get()).cell());
        noModel.set(!primary.hasModel() && bundled.isEmpty());
        inputHint.set(other == null ? "" : other.inputHint());
        updateStatus();
    }

    /**
     * A model trained elsewhere without a vocabulary reads ids or rows: when the sentence did not fit it,
     * an example input replaces the sentence, so the window shows the model. False when there is no example.
     */
    private boolean replaceByExample() {
        ImportedModel opened = primary.getImported();
        String example = opened == null ? null : exampleInput(opened.network());
        if (example == null || example.equals(sentence.get())) {
            return false;
        }
        sentence.set(example);
        retraceSentence();
        return true;
    }

    /** "1, 2, 3, …" for ids (within the model's range); a few rows of numbers for a narrow numeric input. */
    static String exampleInput(Network network) {
        int size = network.inputSize();
        if (network.inputKind() == Network.InputKind.FEATURES) {
            if (size > 12) {
                return null;
            }
            List<String> rows = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    row.add(String.format(Locale.ROOT, "%.1f", ((t + j) % 5) / 4.0));
                }
                rows.add(String.join(", ", row));
            }
            return String.join("; ", rows);
        }
        List<String> ids = new ArrayList<>();
        for (int id : new int[] {1, 5, 9, 2, 7, 3, 8, 4}) {
            ids.add(Integer.toString(Math.min(id, size - 1)));
        }
        return String.join(", ", ids);
    }

    private void onPrimaryTrace(Trace old, Trace now) {
        if (now != null) {
            offerExample = false; // the text fits the model
        }
        if (primary.getImported() != null) {
            onPrimaryModel(); // the selected layer's cell kind
        }
        int oldLength = length.get();
        int newLength = now == null ? 0 : now.length();
        boolean wasAtEnd = oldLength > 0 && step.get() == oldLength - 1;
        length.set(newLength);
        if (newLength == 0) {
            playing.set(false);
            step.set(0);
        } else if (old != null && wasAtEnd && oldLength != newLength && !old.tokens().equals(now.tokens())) {
            step.set(newLength - 1); // typing at the end: follow the newest token
        } else {
            step.set(Math.max(0, Math.min(step.get(), newLength - 1)));
        }
        tokenChips.setAll(primary.chips());
        textVerbs = null;
        updatePredictions();
        updateStatus();
        findVerbs(now);
        ablationRequests.cancel();
        ablation.set(null); // it was of another sentence or model
    }

    // ---- memory reach and ablation ------------------------------------------------------------

    /** The verbs of a traced text and the reach of the one first shown, found together off the UI thread. */
    private record TextVerbs(Model model, Trace trace, AgreementVerbs verbs, List<VerbTarget> targets) {
    }

    private record FoundVerbs(TextVerbs text, MemoryReach reach) {
    }

    /**
     * Finds every sentence's verb of the trace's text (with the pairs the model's vocabulary knows) and
     * the memory reach of the one at or after the current step, off the UI thread; a stale result is
     * dropped. A text without a verb gets the reach of its last token.
     */
    private void findVerbs(Trace now) {
        Model model = primary.getModel();
        networkReachFor = null;
        if (now != null && model == null && primary.getImported() != null) {
            followNetworkOutput();
            return;
        }
        if (now == null || model == null) {
            reachRequests.cancel();
            reach.set(null);
            return;
        }
        List<String> traced = now.tokens();
        int at = step.get();
        reachFor = null;
        reachRequests.submit(() -> {
            AgreementVerbs verbs = AgreementVerbs.of(model.vocabulary().tokens());
            List<VerbTarget> targets = VerbTarget.findAll(traced, verbs);
            Optional<VerbTarget> shown = VerbTarget.atOrAfter(targets, at);
            MemoryReach found = shown.isPresent() ? MemoryReach.of(model, traced, shown.get())
                    : MemoryReach.defaultTarget(model, traced);
            return new FoundVerbs(new TextVerbs(model, now, verbs, targets), found);
        }, found -> {
            textVerbs = found.text();
            reachFor = VerbTarget.atOrAfter(found.text().targets(), at).orElse(null);
            reach.set(found.reach());
            updatePredictions();
        }, failure -> {
            reach.set(null);
            showError("Cannot compute the memory reach: " + failure.getMessage());
        });
    }

    /**
     * The compare view's second cell's reach, for the same verb (at or after the current step) as the
     * main cell's, off the UI thread; a stale result is dropped.
     */
    private void computeComparisonReach(Trace now) {
        Model model = comparison.getModel();
        ImportedModel other = comparison.getImported();
        NetworkTrace network = comparison.getNetworkTrace();
        if (now != null && model == null && other != null && network != null) {
            // a model trained elsewhere: the reach of its output after the current step, on the layer shown
            int layer = comparison.selectedLayerProperty().get();
            int at = step.get();
            comparisonReachRequests.submit(() -> NetworkReach.atStep(other.network(), network, layer, at),
                    comparisonReach::set, failure -> {
                        comparisonReach.set(null);
                        showError("Cannot compute the memory reach: " + failure.getMessage());
                    });
            return;
        }
        if (now == null || model == null) {
            comparisonReachRequests.cancel();
            comparisonReach.set(null);
            return;
        }
        List<String> traced = now.tokens();
        int at = step.get();
        comparisonReachRequests.submit(() -> {
            List<VerbTarget> targets = VerbTarget.findAll(traced, AgreementVerbs.of(model.vocabulary().tokens()));
            Optional<VerbTarget> shown = VerbTarget.atOrAfter(targets, at);
            return shown.isPresent() ? MemoryReach.of(model, traced, shown.get()) : MemoryReach.defaultTarget(model, traced);
        }, comparisonReach::set, failure -> {
            comparisonReach.set(null);
            showError("Cannot compute the memory reach: " + failure.getMessage());
        });
    }

    /** The reach follows the verb at or after the current step: a new one is computed when that verb changes. */
    private void followVerb(VerbTarget shown) {
        if (shown == null || textVerbs == null || shown.equals(reachFor)) {
            return;
        }
        reachFor = shown;
        Model model = textVerbs.model();
        List<String> traced = textVerbs.trace().tokens();
        reachRequests.submit(() -> MemoryReach.of(model, traced, shown), reach::set, failure -> {
            reach.set(null);
            showError("Cannot compute the memory reach: " + failure.getMessage());
        });
    }

    /** What the reach of a model trained elsewhere was last asked for: its trace, layer and output's step. */
    private record NetworkReachFor(NetworkTrace trace, int layer, int position) {
    }

    private NetworkReachFor networkReachFor;

    /**
     * The reach of a model trained elsewhere on its selected layer, for the output after the current step
     * (after the whole input for a sequence classifier), off the UI thread; asked again only when the
     * trace, the layer or that step changes.
     */
    private void followNetworkOutput() {
        ImportedModel shown = primary.getImported();
        NetworkTrace traced = primary.getNetworkTrace();
        if (shown == null || traced == null || primary.getModel() != null) {
            return;
        }
        Network network = shown.network();
        int layer = primary.selectedLayerProperty().get();
        int position = NetworkOutputs.position(network, traced, step.get());
        NetworkReachFor asked = networkReachFor;
        if (asked != null && asked.trace() == traced && asked.layer() == layer && asked.position() == position
                || layer >= traced.layers().size()) {
            return;
        }
        networkReachFor = new NetworkReachFor(traced, layer, position);
        reachRequests.submit(() -> NetworkReach.atStep(network, traced, layer, position), reach::set, failure -> {
            reach.set(null);
            showError("Cannot compute the memory reach: " + failure.getMessage());
        });
    }

    /** The verbs of the shown text, every sentence's, in text order; empty while they are being found. */
    public List<VerbTarget> verbTargets() {
        return textVerbs == null ? List.of() : textVerbs.targets();
    }

    /**
     * Traces the sentence again with {@code unit}'s memory cell forced to 0 from {@code fromStep} on,
     * off the UI thread, comparing the predictions before the verb at or after the current step (the
     * token before it) or, for a text without a verb, at the current token.
     */
    public void silenceUnit(int unit, int fromStep) {
        Model model = primary.getModel();
        Trace trace = primary.getTrace();
        if (model == null && primary.getImported() != null) {
            silenceImportedUnit(unit, fromStep);
            return;
        }
        if (model == null || trace == null || unit < 0 || unit >= model.hiddenSize()) {
            return;
        }
        List<String> traced = trace.tokens();
        int current = Math.min(step.get(), trace.length() - 1);
        int from = Math.max(0, Math.min(fromStep, trace.length() - 1));
        VerbComparison shown = verbComparison.get();
        int position = shown != null ? shown.verb().predictionStep() : current;
        ClampedTrace clamped = primary.getClamped(); // composed with the clamps the trace shows
        GateClamps gates = clamped == null ? null : clamped.clamps();
        ablationRequests.submit(() -> Ablation.silence(model, traced, unit, from, position, gates), ablation::set,
                failure -> showError("Cannot silence unit " + unit + ": " + failure.getMessage()));
    }

    /**
     * Silences {@code unit} of the selected layer direction of a model trained elsewhere from {@code fromStep}
     * on (a backward direction: from its reading of that step on), comparing the outputs after the current step.
     */
    private void silenceImportedUnit(int unit, int fromStep) {
        ImportedModel shown = primary.getImported();
        NetworkTrace traced = primary.getNetworkTrace();
        Trace trace = primary.getTrace();
        int layer = primary.selectedLayerProperty().get();
        if (traced == null || trace == null || unit < 0 || unit >= trace.hidden() || layer >= traced.layers().size()) {
            return;
        }
        int from = Math.max(0, Math.min(fromStep, trace.length() - 1));
        int at = Math.min(step.get(), trace.length() - 1);
        ablationRequests.submit(() -> NetworkAblation.silence(shown.network(), traced, layer, unit, from, at),
                ablation::set, failure -> showError("Cannot silence unit " + unit + ": " + failure.getMessage()));
    }

    /** Silences {@code unit} from the first token on. */
    public void silenceUnit(int unit) {
        silenceUnit(unit, 0);
    }

    /**
     * Writes the memory reach (and the ablation, if one is shown) as a PNG drawn from the data,
     * on the file lane; a failure becomes an error message and leaves no file behind.
     */
    public void exportReach(Path target) {
        MemoryReach shownReach = reach.get();
        Trace trace = primary.getTrace();
        if (shownReach == null || trace == null) {
            showError("Nothing to export: the memory reach appears once a sentence is traced");
            return;
        }
        Ablation shownAblation = ablation.get();
        String modelName = primary.modelNameProperty().get();
        status.set("Saving " + target.getFileName() + " …");
        executor.files().submit(() -> {
            PngExport.write(ReachChart.forExport(modelName, trace, shownReach, shownAblation), target);
            return target;
        }, written -> status.set("Saved the memory reach" + (shownAblation == null ? "" : " and the ablation")
                + " to " + written),
                failure -> {
                    updateStatus();
                    showError("Cannot save " + target + ": " + HeatmapExportService.describe(failure));
                });
    }

    public void clearAblation() {
        ablationRequests.cancel();
        ablation.set(null);
    }

    public void setShowReach(boolean show) {
        showReach.set(show);
    }

    public void toggleShowReach() {
        showReach.set(!showReach.get());
    }

    /** The main cell's memory reach for the current sentence's default target; null while none. */
    public ReadOnlyObjectProperty<MemoryReach> reachProperty() {
        return reach.getReadOnlyProperty();
    }

    public MemoryReach getReach() {
        return reach.get();
    }

    /** {@code cell}'s memory reach: the main cell's ({@link #reachProperty()}) or the compare view's second cell's. */
    public ReadOnlyObjectProperty<MemoryReach> reachProperty(CellViewModel cell) {
        return cell == comparison ? comparisonReach.getReadOnlyProperty() : reach.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showReachProperty() {
        return showReach.getReadOnlyProperty();
    }

    /** The latest unit ablation of the current sentence; null while none is shown. */
    public ReadOnlyObjectProperty<Ablation> ablationProperty() {
        return ablation.getReadOnlyProperty();
    }

    public Ablation getAblation() {
        return ablation.get();
    }

    // ---- stepping and playback --------------------------------------------------------------

    public void stepForward() {
        jumpTo(step.get() + 1);
    }

    public void stepBack() {
        jumpTo(step.get() - 1);
    }

    public void first() {
        jumpTo(0);
    }

    public void last() {
        jumpTo(length.get() - 1);
    }

    /** Goes to token {@code t} (clamped to the text). */
    public void jumpTo(int t) {
        if (length.get() == 0) {
            return;
        }
        int clamped = Math.max(0, Math.min(t, length.get() - 1));
        if (clamped != step.get()) {
            step.set(clamped);
            updatePredictions();
        }
    }

    /** Selects {@code unit} of the main cell and token {@code t}, as a click on a heatmap cell does. */
    public void select(int unit, int t) {
        primary.selectPrimaryUnit(unit);
        jumpTo(t);
    }

    /** Play or pause; playing from the last token starts again at the first. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
        } else if (length.get() > 0) {
            if (step.get() >= length.get() - 1) {
                jumpTo(0);
            }
            playing.set(true);
        }
    }

    public void pause() {
        playing.set(false);
    }

    /** One tick of the playback clock: the next token, pausing at the last. */
    public void advancePlayback() {
        if (!playing.get()) {
            return;
        }
        if (step.get() >= length.get() - 1) {
            playing.set(false);
        } else {
            stepForward();
            if (step.get() >= length.get() - 1) {
                playing.set(false);
            }
        }
    }

    /** Tokens per second while playing, clamped to {@link #MIN_SPEED}..{@link #MAX_SPEED}. */
    public void setSpeed(double tokensPerSecond) {
        if (Double.isNaN(tokensPerSecond)) {
            return;
        }
        speed.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, tokensPerSecond)));
    }

    public void faster() {
        setSpeed(speed.get() * 1.5);
    }

    public void slower() {
        setSpeed(speed.get() / 1.5);
    }

    // ---- models -----------------------------------------------------------------------------

    /** Loads the bundled model of {@code kind}, keeping the sentence and the step. */
    public void chooseCell(CellKind kind) {
        if (isCellAvailable(kind)) {
            primary.load(new ModelSource.Bundled(kind.id()));
        }
    }

    /** Whether a bundled model of {@code kind} exists to switch to. */
    public boolean isCellAvailable(CellKind kind) {
        return bundled.contains(kind.id());
    }

    /**
     * Loads a bundled model (by name), a model file (by path) or a snapshot handed over before
     * (by label: what the model chooser lists) as the main cell.
     */
    public void openModel(String nameOrPath) {
        openModel(sourceFor(nameOrPath));
    }

    public void openModel(Path file) {
        openModel(new ModelSource.File(file));
    }

    /** Shows the model of {@code source} as the main cell; a snapshot is shown as it is, without a file. */
    public void openModel(ModelSource source) {
        if (source instanceof ModelSource.Snapshot snapshot) {
            snapshots.put(snapshot.label(), snapshot);
        }
        primary.load(source);
    }

    /** What the model choosers mean by {@code nameOrPath}: a snapshot's label, a bundled name, else a path. */
    private ModelSource sourceFor(String nameOrPath) {
        ModelSource.Snapshot snapshot = snapshots.get(nameOrPath);
        if (snapshot != null) {
            return snapshot;
        }
        return bundled.contains(nameOrPath) ? new ModelSource.Bundled(nameOrPath)
                : new ModelSource.File(Path.of(nameOrPath));
    }

    /** The bundled models, in menu order. */
    public List<String> bundledModels() {
        return bundled;
    }

    // ---- compare ----------------------------------------------------------------------------

    /** Shows a second cell beside the first on the same sentence; the first time, one of another kind. */
    public void setCompare(boolean on) {
        if (on == compare.get()) {
            return;
        }
        compare.set(on);
        if (on) {
            if (comparison.getModel() == null && comparison.chosenModelProperty().get().isEmpty()) {
                String partner = partnerFor(primary.getModel());
                if (partner != null) {
                    comparison.retrace(tokensText, tokens);
                    comparison.load(sourceFor(partner));
                }
            } else {
                comparison.retrace(tokensText, tokens);
            }
        }
        updateStatus();
    }

    public void toggleCompare() {
        setCompare(!compare.get());
    }

    /** The lecture's pair: a GRU beside an LSTM, or an LSTM beside anything else. */
    private String partnerFor(Model shown) {
        List<String> preferences = new ArrayList<>();
        if (shown != null && shown.cell().isLstm()) {
            preferences.add(CellKind.GRU.id());
        }
        preferences.add(CellKind.LSTM.id());
        preferences.add(CellKind.GRU.id());
        preferences.addAll(bundled);
        String shownName = primary.modelNameProperty().get();
        for (String candidate : preferences) {
            if (bundled.contains(candidate) && !candidate.equals(shownName)) {
                return candidate;
            }
        }
        return shownName.isEmpty() ? null : primary.chosenModelProperty().get();
    }

    /** Loads a model into the compare view's second cell. */
    public void openComparisonModel(String nameOrPath) {
        comparison.retrace(tokensText, tokens);
        comparison.load(sourceFor(nameOrPath));
    }

    public void setShowActivation(boolean show) {
        showActivation.set(show);
    }

    public void toggleShowActivation() {
        showActivation.set(!showActivation.get());
    }

    // ---- export -----------------------------------------------------------------------------

    /**
     * Writes the main cell's heatmaps as a PNG, on the file lane; a failure becomes an error
     * message and leaves no file behind.
     *
     * @param gate the one quantity to draw, or null for every one the cell has
     */
    public void exportHeatmaps(Quantity gate, Path target) {
        Trace shown = primary.getTrace();
        if (shown == null) {
            showError("Nothing to export: type a sentence first");
            return;
        }
        String title = primary.modelNameProperty().get();
        int around = step.get();
        status.set("Saving " + target.getFileName() + " …");
        executor.files().submit(() -> exporter.export(shown, gate, title, around, target),
                result -> status.set("Saved " + result.describe() + " to " + target),
                failure -> {
                    updateStatus();
                    showError("Cannot save " + target + ": " + HeatmapExportService.describe(failure));
                });
    }

    /** Renders the main cell's heatmaps (one gate, or all for null) and puts the image on the clipboard. */
    public void copyHeatmaps(Quantity gate) {
        Trace shown = primary.getTrace();
        if (shown == null) {
            showError("Nothing to copy: type a sentence first");
            return;
        }
        String title = primary.modelNameProperty().get();
        int around = step.get();
        executor.submit(() -> exporter.render(shown, gate, title, around),
                result -> {
                    clipboard.put(result.image());
                    status.set("Copied " + result.describe() + " to the clipboard");
                },
                failure -> showError("Cannot copy the image: " + HeatmapExportService.describe(failure)));
    }

    // ---- messages ---------------------------------------------------------------------------

    /** Shows a one-line problem in the window's banner (never a dialog, never a stack trace). */
    public void showError(String message) {
        error.set(message == null ? "" : message);
    }

    /** Shows {@code text} in the status line (the teaching tools' exports, a session saved); empty: the model's status again. */
    public void setStatus(String text) {
        if (text == null || text.isEmpty()) {
            updateStatus();
        } else {
            status.set(text);
        }
    }

    public void dismissError() {
        error.set("");
    }

    private void updatePredictions() {
        Trace trace = primary.getTrace();
        if (trace == null || trace.length() == 0) {
            verbsFound.set(false);
            verbComparison.set(null);
            predictions.clear();
            predictionTitle.set(primary.getImported() != null ? "The model's output" : "Next-token predictions");
            predictionsAreProbabilities.set(true);
            return;
        }
        if (primary.getImported() != null) {
            updateOutputs(primary.getImported(), primary.getNetworkTrace(), trace);
            followNetworkOutput();
            return;
        }
        predictionsAreProbabilities.set(true);
        predictionTitle.set("Next token after \u201C" + trace.tokens().get(Math.min(step.get(), trace.length() - 1))
                + "\u201D");
        int t = Math.min(step.get(), trace.length() - 1);
        boolean found = textVerbs != null && textVerbs.trace() == trace;
        Optional<VerbTarget> shown = found ? VerbTarget.atOrAfter(textVerbs.targets(), t) : Optional.empty();
        if (shown.isEmpty()) {
            verbComparison.set(null);
        } else {
            VerbTarget verb = shown.get();
            AgreementVerbs.Pair pair = textVerbs.verbs().pairOf(verb.verb()).orElseThrow();
            // Once the step reaches the verb, the bar keeps the model's choice of it.
            int at = Math.min(t, verb.predictionStep());
            verbComparison.set(new VerbComparison(verb, pair, at, trace.probability(at, pair.singular()),
                    trace.probability(at, pair.plural())));
            followVerb(verb);
        }
        verbsFound.set(found);
        // last: a listener of the list reads the comparison too, and must find it of this trace
        predictions.setAll(trace.topPredictions(t, PREDICTIONS));
    }

    /**
     * The output of a model trained elsewhere: after the current step for a next-token or per-step head,
     * after the whole input for a sequence classifier; its largest values with their labels ("output 3"
     * when the file names none), as probabilities under softmax or sigmoid.
     */
    private void updateOutputs(ImportedModel shown, NetworkTrace traced, Trace trace) {
        verbsFound.set(false);
        verbComparison.set(null);
        if (traced == null) {
            predictions.clear();
            return;
        }
        Network network = shown.network();
        int t = Math.min(step.get(), trace.length() - 1);
        boolean everyStep = network.readout() == Network.Readout.EVERY_STEP && traced.outputs().length == trace.length();
        double[] output = everyStep ? traced.outputs()[t] : traced.finalOutput();
        Network.Activation activation = traced.outputActivation();
        boolean probabilities = activation == Network.Activation.SOFTMAX || activation == Network.Activation.SIGMOID;
        List<String> labels = traced.outputLabels();
        String after = everyStep ? "after \u201C" + trace.tokens().get(t) + "\u201D" : "after the whole input";
        predictionTitle.set(network.head().isEmpty() ? "Last layer's state " + after
                : activation == Network.Activation.SOFTMAX && shown.predictsTokens()
                        ? "Next " + (shown.tokenizer().characters() ? "character " : "word ") + after
                : activation == Network.Activation.SOFTMAX && everyStep && !labels.isEmpty() ? "Next token " + after
                : activation == Network.Activation.SOFTMAX ? "Classes " + after
                : activation == Network.Activation.SIGMOID ? "Outputs (sigmoid) " + after
                : "Outputs " + after);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < output.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(probabilities ? output[b] : Math.abs(output[b]),
                probabilities ? output[a] : Math.abs(output[a])));
        List<Trace.Prediction> top = new ArrayList<>();
        for (int i = 0; i < Math.min(PREDICTIONS, order.size()); i++) {
            int index = order.get(i);
            String label = NetworkOutputs.label(network, index); // as the reach and the ablation name it
            top.add(new Trace.Prediction(label, index, output[index]));
        }
        predictionsAreProbabilities.set(probabilities);
        predictions.setAll(top);
    }

    private void updateStatus() {
        Model model = primary.getModel();
        Trace trace = primary.getTrace();
        ImportedModel other = primary.getImported();
        if (model == null && other != null) {
            StringBuilder text = new StringBuilder(primary.modelNameProperty().get()).append(" \u2014 ")
                    .append(other.describe());
            List<String> layers = primary.layerLabels();
            int layer = primary.selectedLayerProperty().get();
            if (layer < layers.size()) {
                text.append("  \u00B7  showing ").append(layers.get(layer));
            }
            if (trace != null) {
                text.append(String.format(Locale.ROOT, "  \u00B7  %,d steps, traced in ", trace.length()))
                        .append(primary.timingProperty().get());
            }
            status.set(text.toString());
            return;
        }
        if (model == null) {
            status.set(bundled.isEmpty()
                    ? "No model is bundled with this build: open a model file (File ▸ Open model…)"
                    : "Loading …");
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(primary.modelNameProperty().get()).append(" — ").append(model.cell().displayName())
                .append(", ").append(model.hiddenSize()).append(" units, vocabulary of ")
                .append(String.format(Locale.ROOT, "%,d", model.vocabulary().size()));
        if (trace != null) {
            text.append(String.format(Locale.ROOT, "  ·  %,d tokens", trace.length()));
            if (cutFrom > trace.length()) {
                text.append(String.format(Locale.ROOT, " (the first of %,d)", cutFrom));
            }
            int unknown = trace.unknownPositions().length;
            if (unknown > 0) {
                text.append(String.format(Locale.ROOT, " (%,d unknown)", unknown));
            }
            text.append(", traced in ").append(primary.timingProperty().get());
        }
        status.set(text.toString());
    }

    // ---- read-only state ----------------------------------------------------------------------

    /** Where "Copy image" puts a picture (the slide export's too). */
    public ImageClipboard clipboard() {
        return clipboard;
    }

    /** Shows {@code text} in the status line (an export's progress); empty: the model's status again. */
    public void showStatus(String text) {
        setStatus(text);
    }

    /** The executor this view model's work goes to, for windows that follow it (gate saturation). */
    public TaskExecutor executor() {
        return executor;
    }

    /**
     * Whether the sentence or the main cell's model is still being read or traced: a session or a lesson
     * step waits for it before it sets the token and the units ({@link ExplorerStates}).
     */
    public boolean isTracing() {
        return pendingRetrace != null || sentenceRequests.isPending() || primary.busyProperty().get();
    }

    /** The main cell (the only one outside the compare view). */
    public CellViewModel primary() {
        return primary;
    }

    /** The compare view's second cell. */
    public CellViewModel comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    /** True when the sentence has no tokens: the views show {@link #EMPTY_HINT}. */
    public ReadOnlyBooleanProperty sentenceEmptyProperty() {
        return sentenceEmpty.getReadOnlyProperty();
    }

    /** The current token, 0-based. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public int getStep() {
        return step.get();
    }

    /** How many tokens the main cell's trace has. */
    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Tokens per second while playing. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty compareProperty() {
        return compare.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showActivationProperty() {
        return showActivation.getReadOnlyProperty();
    }

    /** The main cell's kind; null while no model is loaded. */
    public ReadOnlyObjectProperty<CellKind> cellProperty() {
        return cell.getReadOnlyProperty();
    }

    /** A problem for the banner, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The status line: what is shown, or what just happened. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when there is no model to show and none bundled: the empty state offers "Open model…". */
    public ReadOnlyBooleanProperty noModelProperty() {
        return noModel.getReadOnlyProperty();
    }

    /** What the sentence field takes for a model trained elsewhere (ids, rows, or text through its vocabulary); "" otherwise. */
    public ReadOnlyStringProperty inputHintProperty() {
        return inputHint.getReadOnlyProperty();
    }

    /** The side panel's title over {@link #predictions()}: "Next token after “cats”", "Class probabilities …". */
    public ReadOnlyStringProperty predictionTitleProperty() {
        return predictionTitle.getReadOnlyProperty();
    }

    /** Whether {@link #predictions()} hold probabilities (else raw outputs of a head without softmax or sigmoid). */
    public ReadOnlyBooleanProperty predictionsAreProbabilitiesProperty() {
        return predictionsAreProbabilities.getReadOnlyProperty();
    }

    /** Whether the main cell's model is GateScope's own, where the verb test applies. */
    public boolean isOwnModel() {
        return primary.getModel() != null;
    }

    /** Shows layer direction {@code index} of the main cell's model trained elsewhere. */
    public void selectLayer(int index) {
        primary.selectLayer(index);
        updateStatus();
    }

    /** Shows the next ({@code delta} = 1) or previous (-1) layer direction of a model trained elsewhere, round. */
    public void moveLayer(int delta) {
        moveLayer(primary, delta);
    }

    /** As {@link #moveLayer(int)}, for {@code cell}: the main cell or the compare view's second. */
    public void moveLayer(CellViewModel cell, int delta) {
        int count = cell.layerLabels().size();
        if (count > 1) {
            cell.selectLayer(Math.floorMod(cell.selectedLayerProperty().get() + delta, count));
            updateStatus();
        }
    }

    /** Reads the main cell's model trained elsewhere again with the vocabulary in {@code file}. */
    public void useVocabulary(Path file) {
        primary.useVocabulary(file);
    }

    /** The top next-token predictions after the current token, most probable first. */
    public ObservableList<Trace.Prediction> predictions() {
        return readOnlyPredictions;
    }

    /**
     * The verb at or after the current step against its partner in the other number ("is or are?");
     * null when the text has no verb to compare or its verbs are still being found.
     */
    public ReadOnlyObjectProperty<VerbComparison> verbComparisonProperty() {
        return verbComparison.getReadOnlyProperty();
    }

    public VerbComparison getVerbComparison() {
        return verbComparison.get();
    }

    /** True once the shown text's verbs are found: a null {@link #verbComparisonProperty} then means "no verb". */
    public ReadOnlyBooleanProperty verbsFoundProperty() {
        return verbsFound.getReadOnlyProperty();
    }

    /** The traced tokens, for the token strip. */
    public ObservableList<TokenChip> tokenChips() {
        return readOnlyTokenChips;
    }

    /** The tokens of the latest sentence (what is being, or was, traced). */
    public List<String> tokens() {
        return tokens;
    }
}
