package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gatescope.engine.Model;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.TextTooLongException;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.io.ModelFileException;
import org.gatescope.ui.task.LatestRequest;
import org.gatescope.ui.task.TaskExecutor;

/**
 * One cell traced on the explorer's sentence: which model it is, its latest trace, and which
 * of its units the views show. The explorer has one, and a second for the compare view.
 *
 * <p>Every request (open a model, trace new tokens) goes through one {@link LatestRequest} with
 * immutable inputs: a model file is read on the executor's {@link TaskExecutor#files() file lane},
 * then traced on its worker; a result arrives only if no newer request was made meanwhile, so a
 * slow trace of old text never overwrites a newer one. A request made while a model is still
 * being read carries that model's source, so the choice is never lost.
 *
 * <p>A model trained elsewhere ({@link ImportedModel}: PyTorch, Keras, ONNX, stacked or bidirectional
 * layers) has no {@link #modelProperty() GateScope model}: its {@link #networkTraceProperty() network trace}
 * holds a trace per layer direction, and {@link #traceProperty()} is the {@link #selectLayer selected}
 * one's, so every view that draws a trace draws that layer. Its input is the raw text, read through
 * its vocabulary, or ids or numeric rows when it has none ({@link ImportedInput}).
 *
 * <p>All methods are called, and all properties change, on the UI thread.
 */
public final class CellViewModel {

    private static final System.Logger LOG = System.getLogger(CellViewModel.class.getName());

    /** What a background request produced; for a model trained elsewhere, {@code imported} and its traces. */
    private record Outcome(ModelSource source, Model model, List<String> tokens, Trace trace, String traceProblem,
                           List<Integer> initialUnits, List<TokenChip> chips, long millis, ImportedModel imported,
                           NetworkTrace networkTrace, List<List<Integer>> initialUnitsByLayer, int layer,
                           ClampedTrace clamped) {

        Outcome(ModelSource source, Model model, List<String> tokens, Trace trace, String traceProblem,
                List<Integer> initialUnits, List<TokenChip> chips, long millis) {
            this(source, model, tokens, trace, traceProblem, initialUnits, chips, millis, null, null, List.of(), 0,
                    null);
        }

        Outcome(ModelSource source, Model model, List<String> tokens, Trace trace, String traceProblem,
                List<Integer> initialUnits, List<TokenChip> chips, long millis, ImportedModel imported,
                NetworkTrace networkTrace, List<List<Integer>> initialUnitsByLayer, int layer) {
            this(source, model, tokens, trace, traceProblem, initialUnits, chips, millis, imported, networkTrace,
                    initialUnitsByLayer, layer, null);
        }
    }

    /** A model read from its source: GateScope's own, or one trained elsewhere (exactly one is set). */
    private record Opened(Model own, ImportedModel imported) {
    }

    private final TaskExecutor executor;
    private final ModelCatalog catalog;
    private final Consumer<String> errors;
    private final LatestRequest requests;

    private final ReadOnlyObjectWrapper<Model> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyStringWrapper chosenModel = new ReadOnlyStringWrapper(this, "chosenModel", "");
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    /** The shown trace's clamps with its intact twin (the shown trace is {@code after}); null without clamps. */
    private final ReadOnlyObjectWrapper<ClampedTrace> clamped = new ReadOnlyObjectWrapper<>(this, "clamped");
    private final ReadOnlyStringWrapper traceProblem = new ReadOnlyStringWrapper(this, "traceProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper primaryUnit = new ReadOnlyIntegerWrapper(this, "primaryUnit", 0);
    private final ObservableList<Integer> selectedUnits = FXCollections.observableArrayList();
    private final ObservableList<Integer> readOnlySelectedUnits =
            FXCollections.unmodifiableObservableList(selectedUnits);
    private final ObservableList<Integer> unitOrder = FXCollections.observableArrayList();
    private final ObservableList<Integer> readOnlyUnitOrder = FXCollections.unmodifiableObservableList(unitOrder);
    private final ReadOnlyObjectWrapper<List<Integer>> numberUnits =
            new ReadOnlyObjectWrapper<>(this, "numberUnits", List.of());
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyObjectWrapper<ImportedModel> imported = new ReadOnlyObjectWrapper<>(this, "imported");
    private final ReadOnlyObjectWrapper<NetworkTrace> networkTrace = new ReadOnlyObjectWrapper<>(this, "networkTrace");
    private final ReadOnlyIntegerWrapper selectedLayer = new ReadOnlyIntegerWrapper(this, "selectedLayer", 0);
    private final ObservableList<String> layerLabels = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLayerLabels = FXCollections.unmodifiableObservableList(layerLabels);

    /** Where the next request's model comes from, and that model once read (null until then). */
    private ModelSource source;
    private Opened sourceModel;
    /** The vocabulary the user picked for the source (null: the one found beside it, if any). */
    private java.nio.file.Path sourceVocabulary;
    /** Where the shown model came from, and that model as read; null before the first. */
    private ModelSource shownSource;
    private Opened shownOpened;
    private List<String> tokens = List.of();
    /** The text as typed: a model trained elsewhere reads it through its own tokenizer, or as ids or rows. */
    private String text = "";
    private boolean userChoseUnits;
    /** The layer direction the user chose, kept across retraces of the same model; -1 for the default. */
    private int chosenLayer = -1;
    private List<List<Integer>> initialUnitsByLayer = List.of();
    private List<TokenChip> chips = List.of();
    /** The gates forced to values in every trace of GateScope's models (none: the model as it runs). */
    private GateClamps clamps = GateClamps.NONE;

    /**
     * @param errors told, on the UI thread, a one-line message for the user when a model cannot be read
     *     or a text cannot be traced
     */
    public CellViewModel(TaskExecutor executor, ModelCatalog catalog, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor);
        this.catalog = Objects.requireNonNull(catalog);
        this.errors = Objects.requireNonNull(errors);
        this.requests = new LatestRequest(executor);
    }

    // ---- requests -------------------------------------------------------------------------

    /** Opens the model of {@code from} and traces the current tokens with it. */
    public void load(ModelSource from) {
        source = Objects.requireNonNull(from);
        sourceModel = from instanceof ModelSource.Snapshot snapshot ? new Opened(snapshot.model(), null) : null;
        sourceVocabulary = null;
        chosenLayer = -1;
        chosenModel.set(from.key());
        submit();
    }

    /**
     * A bundled model's trace of a text, computed ahead of the window by {@link #prepare} (the window's
     * opening, while JavaFX starts), for {@link #open(Prepared)}. Immutable.
     */
    public static final class Prepared {

        private final Outcome outcome;

        private Prepared(Outcome outcome) {
            this.outcome = outcome;
        }

        /** Where the model came from. */
        public ModelSource source() {
            return outcome.source();
        }

        /** The trace made, or null when the model could not trace the tokens. */
        public Trace trace() {
            return outcome.trace();
        }

        /** The unit the window selects first with this trace, as {@link #open} selects it. */
        public int primaryUnit() {
            return outcome.initialUnits().isEmpty() ? 0 : outcome.initialUnits().get(0);
        }
    }

    /**
     * Traces {@code tokens} with {@code model}, read from {@code from}, exactly as a request of
     * {@link #load} would, but on the calling thread (not the UI thread: it takes as long as a trace).
     */
    public static Prepared prepare(ModelSource from, Model model, List<String> tokens) {
        return new Prepared(compute(Objects.requireNonNull(from), Objects.requireNonNull(model),
                List.copyOf(tokens), GateClamps.NONE));
    }

    /**
     * As {@link #load}, showing {@code prepared}'s model and trace at once instead of reading and tracing
     * in the background: when it is of the current tokens and no clamps apply; otherwise (or when it
     * holds no trace) it loads as {@link #load} does.
     */
    public void open(Prepared prepared) {
        Outcome outcome = prepared.outcome;
        if (outcome.trace() == null || !outcome.tokens().equals(tokens) || !clamps.isEmpty()) {
            load(outcome.source());
            return;
        }
        requests.cancel(); // an earlier load's answer would replace this one
        source = outcome.source();
        sourceModel = new Opened(outcome.model(), null);
        sourceVocabulary = null;
        chosenLayer = -1;
        chosenModel.set(source.key());
        apply(outcome);
    }

    /**
     * Reads the shown model trained elsewhere again with the vocabulary in {@code file} (on the file lane);
     * a vocabulary that does not fit shows its problem and the model stays as it was.
     */
    public void useVocabulary(java.nio.file.Path file) {
        if (imported.get() == null || shownSource == null) {
            return;
        }
        source = shownSource;
        sourceModel = null;
        sourceVocabulary = Objects.requireNonNull(file);
        submit();
    }

    /** Traces {@code newTokens} with the current (or loading) model. */
    public void retrace(List<String> newTokens) {
        retrace(String.join(" ", newTokens), newTokens);
    }

    /**
     * Traces the sentence: GateScope's models read {@code newTokens}, a model trained elsewhere reads
     * {@code newText} through its own tokenizer (or as ids or rows).
     */
    public void retrace(String newText, List<String> newTokens) {
        tokens = List.copyOf(newTokens);
        text = Objects.requireNonNull(newText);
        if (source != null) {
            submit();
        }
    }

    /**
     * Traces again with {@code newClamps} (the main cell of a GateScope model); the trace becomes the
     * clamped one and {@link #clampedProperty()} holds it with its intact twin. {@link GateClamps#NONE}
     * shows the model as it runs.
     */
    public void setClamps(GateClamps newClamps) {
        GateClamps value = Objects.requireNonNull(newClamps);
        if (value.equals(clamps)) {
            return;
        }
        clamps = value;
        if (source != null) {
            submit();
        }
    }

    /** The clamps the next and (once it arrives) the shown trace run with. */
    public GateClamps getClamps() {
        return clamps;
    }

    /** Whether a model is shown: GateScope's own or one trained elsewhere. */
    public boolean hasModel() {
        return model.get() != null || imported.get() != null;
    }

    /**
     * Shows layer direction {@code index} of a model trained elsewhere ({@link #layerLabels()}'s order):
     * the trace the diagram, timeline and heatmaps draw becomes that layer's; the step stays.
     */
    public void selectLayer(int index) {
        NetworkTrace traces = networkTrace.get();
        if (imported.get() == null || index < 0 || index >= layerLabels.size() || index == selectedLayer.get()
                && (traces == null || trace.get() == traces.layers().get(index).trace())) {
            return;
        }
        chosenLayer = index;
        selectedLayer.set(index);
        if (traces == null) {
            return;
        }
        Trace shown = traces.layers().get(index).trace();
        List<Integer> initial = index < initialUnitsByLayer.size() ? initialUnitsByLayer.get(index) : List.of();
        // Another layer has other units (and perhaps another number of them).
        userChoseUnits = false;
        unitOrder.setAll(UnitDefaults.order(shown.hidden(), new int[0]));
        selectedUnits.setAll(initial);
        primaryUnit.set(initial.isEmpty() ? 0 : initial.get(0));
        trace.set(shown);
    }

    private void submit() {
        ModelSource requestSource = source;
        java.nio.file.Path requestVocabulary = sourceVocabulary;
        busy.set(true);
        if (sourceModel != null) {
            trace(requestSource, sourceModel);
            return;
        }
        requests.submit(executor.files(), () -> read(requestSource, requestVocabulary), read -> {
            sourceModel = read; // still the latest request, so still the source
            trace(requestSource, read);
        }, this::fail);
    }

    /** Runs on the file lane: reads only its arguments and the thread-safe catalog. */
    private Opened read(ModelSource from, java.nio.file.Path vocabulary) throws ModelFileException {
        if (from instanceof ModelSource.Bundled bundled) {
            return new Opened(catalog.load(bundled.name()), null);
        }
        if (from instanceof ModelSource.File file) {
            if (vocabulary != null || !catalog.isGateScopeModel(file.path())) {
                return new Opened(null, catalog.loadImported(file.path(), vocabulary));
            }
            return new Opened(catalog.load(file.path()), null);
        }
        return new Opened(((ModelSource.Snapshot) from).model(), null);
    }

    private void trace(ModelSource requestSource, Opened opened) {
        List<String> requestTokens = tokens;
        String requestText = text;
        int requestLayer = chosenLayer;
        if (opened.imported() != null) {
            requests.submit(() -> computeImported(requestSource, opened.imported(), requestText, requestTokens,
                    requestLayer), this::apply, this::fail);
            return;
        }
        GateClamps requestClamps = clamps;
        requests.submit(() -> compute(requestSource, opened.own(), requestTokens, requestClamps), this::apply,
                this::fail);
    }

    /** Runs on the worker thread: traces every layer direction of a model trained elsewhere. */
    private static Outcome computeImported(ModelSource from, ImportedModel requestModel, String requestText,
                                           List<String> requestTokens, int requestLayer) {
        int directions = requestModel.network().layerDirections().size();
        int layer = requestLayer >= 0 && requestLayer < directions ? requestLayer : defaultLayer(requestModel);
        if (requestText.isBlank()) {
            return new Outcome(from, null, requestTokens, null, "", List.of(), List.of(), 0, requestModel, null,
                    List.of(), layer);
        }
        long start = System.nanoTime();
        try {
            NetworkTrace traced = ImportedInput.trace(requestModel, requestText);
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<List<Integer>> initial = new ArrayList<>();
            for (NetworkTrace.LayerTrace each : traced.layers()) {
                initial.add(UnitDefaults.initialSelection(each.trace()));
            }
            Trace shown = traced.layers().get(layer).trace();
            return new Outcome(from, null, shown.tokens(), shown, "", initial.get(layer), chips(shown), millis,
                    requestModel, traced, List.copyOf(initial), layer);
        } catch (IllegalArgumentException e) {
            // what the user typed does not fit the model (not a number, an id past the embedding)
            return new Outcome(from, null, requestTokens, null, e.getMessage(), List.of(), List.of(), 0, requestModel,
                    null, List.of(), layer);
        } catch (OutOfMemoryError e) {
            return new Outcome(from, null, requestTokens, null, "ran out of memory tracing this input; try a shorter one",
                    List.of(), List.of(), 0, requestModel, null, List.of(), layer);
        }
    }

    /** The last layer's forward direction: the one whose states the model's head reads. */
    private static int defaultLayer(ImportedModel model) {
        List<org.gatescope.engine.Network.Level> levels = model.network().levels();
        int index = 0;
        for (int k = 0; k < levels.size() - 1; k++) {
            index += levels.get(k).bidirectional() ? 2 : 1;
        }
        return index;
    }

    /** Runs on the worker thread: reads only its arguments. */
    private static Outcome compute(ModelSource from, Model requestModel, List<String> requestTokens,
                                   GateClamps requestClamps) {
        if (requestTokens.isEmpty()) {
            return new Outcome(from, requestModel, requestTokens, null, "", List.of(), List.of(), 0);
        }
        long start = System.nanoTime();
        try {
            GateClamps fitting = usable(requestClamps, requestModel, requestTokens.size());
            if (!fitting.isEmpty()) {
                // both traces in one request, so the before and after the views compare are of the same text
                ClampedTrace both = ClampedTrace.trace(requestModel, requestTokens, fitting, null);
                long millis = (System.nanoTime() - start) / 1_000_000;
                return new Outcome(from, requestModel, requestTokens, both.after(), "",
                        UnitDefaults.initialSelection(both.after()), chips(both.after()), millis, null, null, List.of(),
                        0, both);
            }
            Trace result = Tracer.trace(requestModel, requestTokens);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(from, requestModel, requestTokens, result, "",
                    UnitDefaults.initialSelection(result), chips(result), millis);
        } catch (TextTooLongException e) {
            // the user's text, not a bug: any other exception reaches fail() and is logged
            return new Outcome(from, requestModel, requestTokens, null, e.getMessage(), List.of(), List.of(), 0);
        } catch (OutOfMemoryError e) {
            return new Outcome(from, requestModel, requestTokens, null,
                    "ran out of memory tracing " + requestTokens.size() + " tokens; try a shorter text", List.of(),
                    List.of(), 0);
        }
    }

    /**
     * The clamps that still fit after the text or model changed: each clamp's tokens cut to the text, a clamp
     * of a gate, unit or token the trace does not have left out.
     */
    private static GateClamps usable(GateClamps all, Model model, int steps) {
        List<GateClamp> kept = new ArrayList<>();
        for (GateClamp clamp : all.clamps()) {
            int[] units = clamp.units();
            boolean unitsFit = units == null || units[units.length - 1] < model.hiddenSize();
            if (GateClamp.has(model.cell(), clamp.gate()) && unitsFit && clamp.from() < steps) {
                kept.add(clamp.to() < steps ? clamp
                        : new GateClamp(clamp.gate(), units, clamp.from(), steps - 1, clamp.value()));
            }
        }
        return new GateClamps(kept);
    }

    private void apply(Outcome outcome) {
        busy.set(false);
        if (outcome.imported() != null) {
            applyImported(outcome);
            return;
        }
        if (imported.get() != null) {
            // back to GateScope's own model: the layer list empties, the units are the new model's
            imported.set(null);
            networkTrace.set(null);
            layerLabels.clear();
            selectedLayer.set(0);
            initialUnitsByLayer = List.of();
        }
        shownOpened = new Opened(outcome.model(), null);
        Model previous = model.get();
        boolean modelChanged = outcome.model() != previous;
        // The same source read again with the same shape (a training snapshot, a retrained model): its
        // units are the same units, so the units the user is watching stay.
        boolean sameUnits = modelChanged && previous != null && outcome.source().sameOrigin(shownSource)
                && outcome.model().cell() == previous.cell() && outcome.model().hiddenSize() == previous.hiddenSize();
        shownSource = outcome.source();
        boolean namesNumberUnits = false;
        if (modelChanged) {
            // The name first: whoever hears of the new model (the status bar) reads its name with it.
            modelName.set(outcome.source().displayName());
            model.set(outcome.model());
            int[] named = numberUnitsOf(outcome);
            namesNumberUnits = named.length > 0;
            numberUnits.set(Arrays.stream(named).boxed().toList());
            unitOrder.setAll(UnitDefaults.order(outcome.model().hiddenSize(), named));
            if (!sameUnits) {
                userChoseUnits = false;
                selectedUnits.clear();
            }
        }
        // A reread keeps its default units too, unless the model now names its number units.
        boolean keepUnits = sameUnits && !selectedUnits.isEmpty() && (userChoseUnits || !namesNumberUnits);
        // Units first, so whoever hears of the new trace already sees units that exist in it.
        if (outcome.trace() != null && !keepUnits && (!userChoseUnits || selectedUnits.isEmpty())
                && !selectedUnits.equals(outcome.initialUnits())) {
            selectedUnits.setAll(outcome.initialUnits());
            primaryUnit.set(selectedUnits.isEmpty() ? 0 : selectedUnits.get(0));
        }
        chips = outcome.chips();
        timing.set(outcome.trace() == null ? "" : outcome.millis() + " ms");
        traceProblem.set(outcome.traceProblem());
        clamped.set(outcome.clamped()); // before the trace: whoever hears of the trace finds its clamps
        trace.set(outcome.trace());
        if (!outcome.traceProblem().isEmpty()) {
            errors.accept("Cannot trace this text: " + outcome.traceProblem());
        }
    }

    /** Shows a model trained elsewhere: its layer list, the chosen layer's trace, that layer's units. */
    private void applyImported(Outcome outcome) {
        clamped.set(null);
        ImportedModel previous = imported.get();
        boolean modelChanged = outcome.imported() != previous;
        // before the model: whoever hears of a new model finds whether the text fits it
        traceProblem.set(outcome.traceProblem());
        shownSource = outcome.source();
        shownOpened = new Opened(null, outcome.imported());
        initialUnitsByLayer = outcome.initialUnitsByLayer();
        if (modelChanged) {
            List<String> labels = new ArrayList<>();
            List<org.gatescope.engine.Network.Level> levels = outcome.imported().network().levels();
            for (int k = 0; k < levels.size(); k++) {
                labels.add(new NetworkTrace.LayerTrace(k, false, levels.get(k).forward(), null).label());
                if (levels.get(k).bidirectional()) {
                    labels.add(new NetworkTrace.LayerTrace(k, true, levels.get(k).backward(), null).label());
                }
            }
            // first the imported model, then no GateScope model: a listener of either finds the new state
            imported.set(outcome.imported());
            layerLabels.setAll(labels);
            selectedLayer.set(outcome.layer());
            model.set(null);
            modelName.set(outcome.source().displayName());
            numberUnits.set(List.of());
            userChoseUnits = false;
            selectedUnits.clear();
        }
        selectedLayer.set(outcome.layer());
        int hidden = outcome.trace() != null ? outcome.trace().hidden()
                : outcome.imported().network().layerDirections().get(outcome.layer()).hiddenSize();
        if (unitOrder.size() != hidden) {
            unitOrder.setAll(UnitDefaults.order(hidden, new int[0]));
            selectedUnits.removeIf(unit -> unit >= hidden);
        }
        if (outcome.trace() != null && (!userChoseUnits || selectedUnits.isEmpty())
                && !selectedUnits.equals(outcome.initialUnits())) {
            selectedUnits.setAll(outcome.initialUnits());
            primaryUnit.set(selectedUnits.isEmpty() ? 0 : selectedUnits.get(0));
        } else if (primaryUnit.get() >= hidden) {
            primaryUnit.set(0);
        }
        chips = outcome.chips();
        timing.set(outcome.trace() == null ? "" : outcome.millis() + " ms");
        traceProblem.set(outcome.traceProblem());
        networkTrace.set(outcome.networkTrace());
        trace.set(outcome.trace());
        if (!outcome.traceProblem().isEmpty()) {
            errors.accept("Cannot trace this input: " + outcome.traceProblem());
        }
    }

    private void fail(Throwable failure) {
        busy.set(false);
        String message = failure instanceof ModelFileException e ? e.getMessage()
                : "unexpected problem: " + failure;
        if (!(failure instanceof ModelFileException)) {
            LOG.log(System.Logger.Level.ERROR, "Cannot open " + (source == null ? "a model" : source.key()), failure);
        }
        errors.accept("Cannot open the model — " + message);
        // Keep the model we had; trace the current text with it if that is not what is shown.
        source = shownSource;
        sourceModel = shownOpened;
        sourceVocabulary = null;
        chosenModel.set(shownSource == null ? "" : shownSource.key());
        Trace shown = trace.get();
        if (source != null && !(shown != null ? shown.tokens().equals(tokens) : tokens.isEmpty())) {
            submit();
        }
    }

    /** The token strip's chips of a trace, made on the worker thread: thousands of them for a long text. */
    private static List<TokenChip> chips(Trace trace) {
        List<TokenChip> chips = new ArrayList<>(trace.length());
        for (int t = 0; t < trace.length(); t++) {
            chips.add(new TokenChip(t, trace.tokens().get(t), false));
        }
        for (org.gatescope.text.UnknownWord word : trace.unknownWords()) {
            chips.set(word.position(), TokenChip.of(word)); // with the signature the model read
        }
        return List.copyOf(chips);
    }

    private static int[] numberUnitsOf(Outcome outcome) {
        return outcome.trace() != null ? outcome.trace().numberUnits() : outcome.model().numberUnits();
    }

    /** "lstm" for a bundled model, the file name for a path. */
    static String displayName(String nameOrPath) {
        if (nameOrPath.contains("/") || nameOrPath.contains("\\") || nameOrPath.endsWith(".safetensors")) {
            Path file = Path.of(nameOrPath).getFileName();
            return file == null ? nameOrPath : file.toString();
        }
        return nameOrPath;
    }

    // ---- units ----------------------------------------------------------------------------

    /** Makes {@code unit} the one the diagram and the gate bars show, adding it to the timeline. */
    public void selectPrimaryUnit(int unit) {
        if (!hasModel() || unit < 0 || unit >= hiddenSize()) {
            return;
        }
        primaryUnit.set(unit);
        if (!selectedUnits.contains(unit)) {
            userChoseUnits = true;
            selectedUnits.add(unit);
        }
    }

    /** Shows or hides {@code unit}'s memory cell on the timeline. */
    public void setUnitShown(int unit, boolean shown) {
        if (!hasModel() || unit < 0 || unit >= hiddenSize() || shown == selectedUnits.contains(unit)) {
            return;
        }
        userChoseUnits = true;
        if (shown) {
            selectedUnits.add(unit);
        } else {
            selectedUnits.remove(Integer.valueOf(unit));
        }
    }

    /** Moves the primary unit {@code delta} places along {@link #unitOrder()}. */
    public void movePrimaryUnit(int delta) {
        if (unitOrder.isEmpty()) {
            return;
        }
        int at = unitOrder.indexOf(primaryUnit.get());
        int next = Math.floorMod((at < 0 ? 0 : at) + delta, unitOrder.size());
        primaryUnit.set(unitOrder.get(next));
    }

    /** The shown cell's number of units: the model's, or the selected layer's of a model trained elsewhere. */
    public int hiddenSize() {
        Model current = model.get();
        if (current != null) {
            return current.hiddenSize();
        }
        Trace shown = trace.get();
        if (shown != null) {
            return shown.hidden();
        }
        ImportedModel other = imported.get();
        return other == null ? 0 : other.network().layerDirections().get(selectedLayer.get()).hiddenSize();
    }

    // ---- read-only state ------------------------------------------------------------------

    /** The shown model when it was trained elsewhere (PyTorch, Keras, ONNX, a network file); null for GateScope's own. */
    public ReadOnlyObjectProperty<ImportedModel> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    public ImportedModel getImported() {
        return imported.get();
    }

    /** Every layer direction's trace of a model trained elsewhere, and its output; null otherwise or without input. */
    public ReadOnlyObjectProperty<NetworkTrace> networkTraceProperty() {
        return networkTrace.getReadOnlyProperty();
    }

    public NetworkTrace getNetworkTrace() {
        return networkTrace.get();
    }

    /** "layer 1", "layer 1 (backward)", …: the layer directions of a model trained elsewhere (empty otherwise). */
    public ObservableList<String> layerLabels() {
        return readOnlyLayerLabels;
    }

    /** The index in {@link #layerLabels()} of the layer direction the views show. */
    public ReadOnlyIntegerProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Model> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public Model getModel() {
        return model.get();
    }

    /** The shown model's name: a bundled model's name or a file's name. */
    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    /**
     * What the user last chose ({@link ModelSource#key()}: a bundled name, a path, a snapshot's label):
     * set at once, back to the shown model if loading fails.
     */
    public ReadOnlyStringProperty chosenModelProperty() {
        return chosenModel.getReadOnlyProperty();
    }

    /**
     * The shown trace's clamps, with the same text traced intact ({@code before}) and clamped ({@code after},
     * the shown trace); null while nothing is clamped.
     */
    public ReadOnlyObjectProperty<ClampedTrace> clampedProperty() {
        return clamped.getReadOnlyProperty();
    }

    public ClampedTrace getClamped() {
        return clamped.get();
    }

    /** The latest trace of the current tokens; null while there are none or they cannot be traced. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    /** Why there is no trace of a non-empty text (e.g. too long), or "". */
    public ReadOnlyStringProperty traceProblemProperty() {
        return traceProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The unit the diagram and the timeline's gate bars show. */
    public ReadOnlyIntegerProperty primaryUnitProperty() {
        return primaryUnit.getReadOnlyProperty();
    }

    public int getPrimaryUnit() {
        return primaryUnit.get();
    }

    /** The units whose memory cell the timeline draws, in the order they were chosen. */
    public ObservableList<Integer> selectedUnits() {
        return readOnlySelectedUnits;
    }

    /** Every unit, the model's number units first: the unit list's order. */
    public ObservableList<Integer> unitOrder() {
        return readOnlyUnitOrder;
    }

    /** The model's number units, best first (empty if it names none). */
    public ReadOnlyObjectProperty<List<Integer>> numberUnitsProperty() {
        return numberUnits.getReadOnlyProperty();
    }

    /** How long the latest trace took, e.g. "3 ms". */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    /** The current trace's tokens as chips (empty without a trace). */
    public List<TokenChip> chips() {
        return chips;
    }
}
