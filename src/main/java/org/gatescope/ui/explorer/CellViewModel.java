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
import org.gatescope.engine.TextTooLongException;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
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
 * <p>All methods are called, and all properties change, on the UI thread.
 */
public final class CellViewModel {

    private static final System.Logger LOG = System.getLogger(CellViewModel.class.getName());

    /** What a background request produced. */
    private record Outcome(ModelSource source, Model model, List<String> tokens, Trace trace, String traceProblem,
                           List<Integer> initialUnits, List<TokenChip> chips, long millis) {
    }

    private final TaskExecutor executor;
    private final ModelCatalog catalog;
    private final Consumer<String> errors;
    private final LatestRequest requests;

    private final ReadOnlyObjectWrapper<Model> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyStringWrapper chosenModel = new ReadOnlyStringWrapper(this, "chosenModel", "");
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
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

    /** Where the next request's model comes from, and that model once read (null until then). */
    private ModelSource source;
    private Model sourceModel;
    /** Where the shown model came from; null before the first. */
    private ModelSource shownSource;
    private List<String> tokens = List.of();
    private boolean userChoseUnits;
    private List<TokenChip> chips = List.of();

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
        sourceModel = from instanceof ModelSource.Snapshot snapshot ? snapshot.model() : null;
        chosenModel.set(from.key());
        submit();
    }

    /** Traces {@code newTokens} with the current (or loading) model. */
    public void retrace(List<String> newTokens) {
        tokens = List.copyOf(newTokens);
        if (source != null) {
            submit();
        }
    }

    private void submit() {
        ModelSource requestSource = source;
        List<String> requestTokens = tokens;
        busy.set(true);
        if (sourceModel != null) {
            trace(requestSource, sourceModel, requestTokens);
            return;
        }
        requests.submit(executor.files(), () -> read(requestSource), read -> {
            sourceModel = read; // still the latest request, so still the source
            trace(requestSource, read, requestTokens);
        }, this::fail);
    }

    /** Runs on the file lane: reads only its argument and the thread-safe catalog. */
    private Model read(ModelSource from) throws ModelFileException {
        if (from instanceof ModelSource.Bundled bundled) {
            return catalog.load(bundled.name());
        }
        if (from instanceof ModelSource.File file) {
            return catalog.load(file.path());
        }
        return ((ModelSource.Snapshot) from).model();
    }

    private void trace(ModelSource requestSource, Model requestModel, List<String> requestTokens) {
        requests.submit(() -> compute(requestSource, requestModel, requestTokens), this::apply, this::fail);
    }

    /** Runs on the worker thread: reads only its arguments. */
    private static Outcome compute(ModelSource from, Model requestModel, List<String> requestTokens) {
        if (requestTokens.isEmpty()) {
            return new Outcome(from, requestModel, requestTokens, null, "", List.of(), List.of(), 0);
        }
        long start = System.nanoTime();
        try {
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

    private void apply(Outcome outcome) {
        busy.set(false);
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
        trace.set(outcome.trace());
        if (!outcome.traceProblem().isEmpty()) {
            errors.accept("Cannot trace this text: " + outcome.traceProblem());
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
        sourceModel = model.get();
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
            chips.add(new TokenChip(t, trace.tokens().get(t), trace.isUnknown(t)));
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
        Model current = model.get();
        if (current == null || unit < 0 || unit >= current.hiddenSize()) {
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
        Model current = model.get();
        if (current == null || unit < 0 || unit >= current.hiddenSize() || shown == selectedUnits.contains(unit)) {
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

    // ---- read-only state ------------------------------------------------------------------

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
