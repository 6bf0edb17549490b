package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.render.CounterfactualChart;
import org.gatescope.render.MemoryChart;
import org.gatescope.render.PngExport;
import org.gatescope.text.NumberFlip;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;
import org.gatescope.ui.task.TaskExecutor;

/**
 * What a teacher does to the main cell's sentence to show why: a counterfactual (one token replaced,
 * e.g. the number flip cat → cats, traced beside the original), gate clamps (the main cell traced again
 * with gates forced, before and after compared) and memory accounting from a picked token (kept against
 * written, and how much of what was written there survives).
 *
 * <p>Work that grows with the text runs on the {@link TaskExecutor} through a {@link LatestRequest};
 * bad input (a word the model does not know, a clamp outside the model or text) becomes the explorer's
 * one-line error and changes nothing. Everything here is called, and changes, on the UI thread.
 */
public final class TeachingViewModel {

    private final ExplorerViewModel explorer;
    private final TaskExecutor executor;
    private final CellViewModel cell;
    private final LatestRequest counterfactualRequests;
    private final ReadOnlyObjectWrapper<Counterfactual> counterfactual = new ReadOnlyObjectWrapper<>(this,
            "counterfactual");
    private final ReadOnlyIntegerWrapper memoryFrom = new ReadOnlyIntegerWrapper(this, "memoryFrom", -1);

    TeachingViewModel(ExplorerViewModel explorer, TaskExecutor executor) {
        this.explorer = Objects.requireNonNull(explorer);
        this.executor = Objects.requireNonNull(executor);
        this.cell = explorer.primary();
        this.counterfactualRequests = new LatestRequest(executor);
        cell.traceProperty().addListener((obs, old, now) -> onTrace(old, now));
        // Clamps stay across a change of model (the same clamp on another cell: what a comparison wants);
        // the cell traces with those its gates and units have. A counterfactual was of the old model.
        cell.modelProperty().addListener((obs, old, now) -> {
            if (old != null && now != old) {
                clearCounterfactual();
            }
        });
    }

    private void onTrace(Trace old, Trace now) {
        Counterfactual shown = counterfactual.get();
        if (shown != null && (now == null || !now.tokens().equals(shown.before().tokens()))) {
            clearCounterfactual(); // of another text
        }
        if (now == null || memoryFrom.get() >= now.length() || !MemoryAccount.accountable(now.cell())) {
            memoryFrom.set(-1);
        }
    }

    // ---- counterfactual ---------------------------------------------------------------------

    /** The word in the other number for the token at {@code position} (cat → cats, was → were), if the model knows it. */
    public Optional<String> suggestion(int position) {
        Model model = cell.getModel();
        Trace trace = cell.getTrace();
        if (model == null || trace == null || position < 0 || position >= trace.length()) {
            return Optional.empty();
        }
        return NumberFlip.of(trace.tokens().get(position), model.vocabulary().tokens());
    }

    /** Replaces the current token by its number flip, if it has one; says so otherwise. */
    public void flipNumber() {
        int at = explorer.getStep();
        Optional<String> flip = suggestion(at);
        Trace trace = cell.getTrace();
        if (flip.isEmpty()) {
            explorer.showError(trace == null ? "Nothing to compare: trace a sentence first"
                    : "\u201C" + trace.tokens().get(Math.min(at, trace.length() - 1)) + "\u201D has no other number"
                    + " this model knows; pick a noun or verb (cat, was) or use Teach \u25B8 Replace this token\u2026");
            return;
        }
        replace(at, flip.get());
    }

    /**
     * Traces the sentence with the token at {@code position} replaced by {@code word} beside the original,
     * off the UI thread; a word the model does not know becomes the error message and nothing changes.
     */
    public void replace(int position, String word) {
        Model model = cell.getModel();
        Trace trace = cell.getTrace();
        if (model == null) {
            explorer.showError(cell.getImported() != null
                    ? "Counterfactuals work on GateScope's next-token models; this one was trained elsewhere"
                    : "Nothing to compare: no model is shown");
            return;
        }
        if (trace == null) {
            explorer.showError("Nothing to compare: trace a sentence first");
            return;
        }
        List<String> tokens = trace.tokens();
        String replacement = word == null ? "" : word.strip();
        if (replacement.isEmpty()) {
            explorer.showError("Type the word that replaces \u201C" + tokens.get(Math.max(0, Math.min(position,
                    tokens.size() - 1))) + "\u201D");
            return;
        }
        counterfactualRequests.submit(() -> Counterfactual.replace(model, tokens, position, replacement),
                counterfactual::set, // the side panel's box says what changed; the status line stays the model's
                failure -> explorer.showError("Cannot replace the token: " + failure.getMessage()));
    }

    public void clearCounterfactual() {
        counterfactualRequests.cancel();
        counterfactual.set(null);
    }

    /** The latest counterfactual of the current sentence; null while none is shown. */
    public ReadOnlyObjectProperty<Counterfactual> counterfactualProperty() {
        return counterfactual.getReadOnlyProperty();
    }

    public Counterfactual getCounterfactual() {
        return counterfactual.get();
    }

    /** Writes the counterfactual chart (the same pixels as {@code gatescope diff --out}) on the file lane. */
    public void exportCounterfactual(Path target) {
        Counterfactual shown = counterfactual.get();
        if (shown == null) {
            explorer.showError("Nothing to export: make a counterfactual first (Teach \u25B8 Flip the number)");
            return;
        }
        if (shown.before().length() > CounterfactualChart.MAX_TOKENS) {
            explorer.showError("Cannot export: the chart shows at most " + CounterfactualChart.MAX_TOKENS
                    + " tokens; this text has " + shown.before().length());
            return;
        }
        String modelName = cell.modelNameProperty().get();
        export(target, () -> CounterfactualChart.forExport(modelName, shown), "the counterfactual");
    }

    // ---- clamps -------------------------------------------------------------------------------

    /**
     * Clamps as {@code clamp} says, after the clamps already set (it wins where they overlap): the main
     * cell is traced again. A clamp that does not fit the model or the text is refused with its reason.
     */
    public void addClamp(GateClamp clamp) {
        Model model = cell.getModel();
        Trace trace = cell.getTrace();
        if (model == null || trace == null) {
            explorer.showError(cell.getImported() != null
                    ? "Clamping works on GateScope's models; this one was trained elsewhere"
                    : "Nothing to clamp: trace a sentence first");
            return;
        }
        try {
            clamp.check(model.cell(), model.hiddenSize(), trace.length());
        } catch (IllegalArgumentException e) {
            explorer.showError("Cannot clamp " + clamp.gate().symbol() + ": " + e.getMessage());
            return;
        }
        cell.setClamps(cell.getClamps().with(clamp));
    }

    /** Removes the clamp at {@code index} of {@link #clamps()}. */
    public void removeClamp(int index) {
        List<GateClamp> now = cell.getClamps().clamps();
        if (index < 0 || index >= now.size()) {
            return;
        }
        List<GateClamp> rest = new java.util.ArrayList<>(now);
        rest.remove(index);
        cell.setClamps(new GateClamps(rest));
    }

    public void clearClamps() {
        cell.setClamps(GateClamps.NONE);
    }

    /** The clamps the main cell is traced with. */
    public GateClamps clamps() {
        return cell.getClamps();
    }

    /** The main cell's trace intact and clamped, with its clamps; null while nothing is clamped. */
    public ReadOnlyObjectProperty<ClampedTrace> clampedProperty() {
        return cell.clampedProperty();
    }

    // ---- memory accounting --------------------------------------------------------------------

    /** Accounts for the memory from token {@code t}: kept against written, and what survives of what was written there. */
    public void accountMemoryFrom(int t) {
        Trace trace = cell.getTrace();
        if (trace == null) {
            explorer.showError("Nothing to account for: trace a sentence first");
            return;
        }
        if (!MemoryAccount.accountable(trace.cell())) {
            explorer.showError("The vanilla RNN has no memory cell to account for: it rewrites a<t> at every token");
            return;
        }
        memoryFrom.set(Math.max(0, Math.min(t, trace.length() - 1)));
    }

    /** Accounts from the current token, or stops if that is where it accounts from already. */
    public void toggleMemoryFromHere() {
        if (memoryFrom.get() == explorer.getStep()) {
            hideMemory();
        } else {
            accountMemoryFrom(explorer.getStep());
        }
    }

    public void hideMemory() {
        memoryFrom.set(-1);
    }

    /** The token memory is accounted from, or -1 when the band is hidden. */
    public ReadOnlyIntegerProperty memoryFromProperty() {
        return memoryFrom.getReadOnlyProperty();
    }

    /** The memory account of the shown trace from the picked token; null when the band is hidden. */
    public MemoryAccount memoryAccount() {
        Trace trace = cell.getTrace();
        int from = memoryFrom.get();
        if (trace == null || from < 0 || from >= trace.length() || !MemoryAccount.accountable(trace.cell())) {
            return null;
        }
        return new MemoryAccount(trace, from);
    }

    /** Writes the memory accounting of the timeline's units as a PNG on the file lane. */
    public void exportMemory(Path target) {
        MemoryAccount account = memoryAccount();
        if (account == null) {
            explorer.showError("Nothing to export: account for the memory first (Teach \u25B8 Memory from this token)");
            return;
        }
        if (account.trace().length() > MemoryChart.MAX_TOKENS) {
            explorer.showError("Cannot export: the chart shows at most " + MemoryChart.MAX_TOKENS
                    + " tokens; this text has " + account.trace().length());
            return;
        }
        List<Integer> units = List.copyOf(cell.selectedUnits().isEmpty() ? List.of(cell.getPrimaryUnit())
                : cell.selectedUnits());
        String modelName = cell.modelNameProperty().get();
        export(target, () -> MemoryChart.forExport(modelName, account, units), "the memory accounting");
    }

    private void export(Path target, java.util.concurrent.Callable<java.awt.image.BufferedImage> draw, String what) {
        explorer.setStatus("Saving " + target.getFileName() + " \u2026");
        executor.files().submit(() -> {
            PngExport.write(draw.call(), target);
            return target;
        }, written -> explorer.setStatus("Saved " + what + " to " + written),
                failure -> {
                    explorer.setStatus("");
                    explorer.showError("Cannot save " + target + ": " + HeatmapExportService.describe(failure));
                });
    }
}
