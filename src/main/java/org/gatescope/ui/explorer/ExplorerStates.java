package org.gatescope.ui.explorer;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.value.ChangeListener;
import javafx.beans.Observable;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.state.ClampRef;
import org.gatescope.state.ModelRef;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;
import org.gatescope.text.Tokenizer;

/**
 * Reads the explorer's state as a {@link ViewState} (to save a session, or to come back to after a lesson)
 * and sets it from one. Setting is done in the order the explorer allows: the model and the text first;
 * once they are traced, the clamps (a unit such as {@code number1} is known only then) and, once traced
 * again, the token, the units, the views, the counterfactual, the memory band and the ablation. A newer
 * {@link #apply} calls off an older one still waiting. Everything runs on the UI thread.
 */
public final class ExplorerStates {

    private final ExplorerViewModel explorer;
    private final CellViewModel cell;
    /**
     * Re-checks whether the explorer has settled, while an apply waits. A change listener, not an invalidation
     * listener: those run before every change listener, and the explorer's own (which sets the text's length,
     * so that a token can be chosen) must have run first.
     */
    private final ChangeListener<Object> recheck = (obs, old, now) -> recheck(obs);
    private Runnable waiting;
    private int generation;

    public ExplorerStates(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer);
        this.cell = explorer.primary();
        // Not the busy flag: it falls before the new trace is set, when the old one would still be read.
        cell.traceProperty().addListener(recheck);
        cell.chosenModelProperty().addListener(recheck);
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * What the window shows now, every field said.
     *
     * @return empty when the model cannot be named again (a training run's snapshot without a file)
     */
    public Optional<ViewState> capture() {
        Optional<ModelRef> model = modelRef(cell.chosenModelProperty().get());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<UnitRef> units = new ArrayList<>();
        int diagramUnit = cell.getPrimaryUnit();
        if (cell.hasModel()) {
            units.add(UnitRef.fixed(diagramUnit));
        }
        for (int unit : cell.selectedUnits()) {
            if (unit != diagramUnit) {
                units.add(UnitRef.fixed(unit));
            }
        }
        String compared = explorer.comparison().chosenModelProperty().get();
        int memoryFrom = explorer.teaching().memoryFromProperty().get();
        Counterfactual counterfactual = explorer.teaching().getCounterfactual();
        Ablation ablation = explorer.getAblation();
        List<ClampRef> clamps = cell.getClamps().clamps().stream().map(ClampRef::of).toList();
        return Optional.of(new ViewState(model.get(), explorer.sentenceProperty().get(), TokenRef.at(explorer.getStep()),
                units, explorer.compareProperty().get(), compared.isEmpty() ? null : modelRef(compared).orElse(null),
                explorer.showReachProperty().get(), explorer.showActivationProperty().get(),
                memoryFrom < 0 ? Optional.empty() : Optional.of(TokenRef.at(memoryFrom)), clamps,
                counterfactual == null ? Optional.empty() : Optional.of(new ViewState.Replacement(
                        TokenRef.at(counterfactual.position()), counterfactual.replacement())),
                ablation == null ? Optional.empty() : Optional.of(new ViewState.Silence(UnitRef.fixed(ablation.unit()),
                        TokenRef.at(ablation.fromStep())))));
    }

    /** A model chooser's key as a reference: a bundled name, else a file's path; empty for a snapshot's label. */
    private Optional<ModelRef> modelRef(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (explorer.bundledModels().contains(key)) {
            return Optional.of(ModelRef.bundled(key));
        }
        try {
            Path path = Path.of(key);
            // a snapshot's label is no file (checked on the UI thread: one stat, no reading)
            return Files.exists(path) ? Optional.of(ModelRef.file(path.toAbsolutePath().toString())) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    // ---- setting ----------------------------------------------------------------------------

    /**
     * Sets what {@code state} says (a null field stays as it is); {@code done} runs once everything is set that
     * waits for a trace. A part that does not fit the model or the text (a clamp of a gate the cell lacks, a
     * word not in the text) is left out and said in the banner.
     */
    public void apply(ViewState state, Runnable done) {
        Objects.requireNonNull(state);
        int mine = ++generation;
        waiting = null;
        explorer.pause();
        if (state.model() != null && !state.model().value().equals(cell.chosenModelProperty().get())) {
            explorer.openModel(state.model().value());
        }
        // Only spacing or case changed: the trace shown is of these tokens, and no new one will come.
        boolean sameTokens = true;
        if (state.text() != null && !state.text().equals(explorer.sentenceProperty().get())) {
            sameTokens = cell.getImported() == null && Tokenizer.tokenize(state.text()).equals(explorer.tokens());
            explorer.setSentenceNow(state.text());
        }
        String model = state.model() == null ? null : state.model().value();
        whenSettled(mine, model, sameTokens, () -> setClamps(mine, state, model, done));
    }

    /** Calls off an {@link #apply} still waiting for a trace. */
    public void cancel() {
        generation++;
        waiting = null;
    }

    /** Runs {@code next} once the main cell is traced (and, unless {@code sameTokens}, the sentence read). */
    private void whenSettled(int mine, String model, boolean sameTokens, Runnable next) {
        waiting = () -> {
            if (mine != generation) {
                waiting = null;
                return;
            }
            if (model != null && !model.equals(cell.chosenModelProperty().get())) {
                waiting = null; // the model could not be opened (its banner says why) or the user chose another
                return;
            }
            if (sameTokens ? !cell.busyProperty().get() : !explorer.isTracing()) {
                waiting = null;
                next.run();
            }
        };
        recheck(null);
    }

    private void recheck(Observable ignored) {
        Runnable check = waiting;
        if (check != null) {
            check.run();
        }
    }

    private void setClamps(int mine, ViewState state, String model, Runnable done) {
        Model shown = cell.getModel();
        Trace trace = cell.getTrace();
        if (state.clamps() != null && shown != null && trace != null) {
            GateClamps wanted = resolveClamps(state.clamps(), shown, trace);
            if (!wanted.equals(cell.getClamps())) {
                cell.setClamps(wanted);
                whenSettled(mine, model, true, () -> setTheRest(state, done));
                return;
            }
        }
        setTheRest(state, done);
    }

    private GateClamps resolveClamps(List<ClampRef> clamps, Model model, Trace trace) {
        List<GateClamp> resolved = new ArrayList<>();
        for (ClampRef each : clamps) {
            try {
                GateClamp clamp = each.resolve(model.numberUnits());
                clamp.check(model.cell(), model.hiddenSize(), trace.length());
                resolved.add(clamp);
            } catch (IllegalArgumentException e) {
                explorer.showError("Cannot clamp " + each.spec() + ": " + e.getMessage());
            }
        }
        return new GateClamps(resolved);
    }

    private void setTheRest(ViewState state, Runnable done) {
        if (state.compare() != null) {
            explorer.setCompare(state.compare());
        }
        if (state.compareModel() != null && explorer.compareProperty().get()
                && !state.compareModel().value().equals(explorer.comparison().chosenModelProperty().get())) {
            explorer.openComparisonModel(state.compareModel().value());
        }
        if (state.reach() != null) {
            explorer.setShowReach(state.reach());
        }
        if (state.activation() != null) {
            explorer.setShowActivation(state.activation());
        }
        Trace trace = cell.getTrace();
        if (trace == null) {
            done.run();
            return;
        }
        if (state.token() != null) {
            position(state.token(), trace, "token").ifPresent(explorer::jumpTo);
        }
        if (state.units() != null && !state.units().isEmpty()) {
            showUnits(state.units(), trace);
        }
        TeachingViewModel teaching = explorer.teaching();
        if (state.counterfactual() != null) {
            if (state.counterfactual().isEmpty()) {
                teaching.clearCounterfactual();
            } else {
                ViewState.Replacement wanted = state.counterfactual().get();
                OptionalInt at = position(wanted.at(), trace, "counterfactual");
                Counterfactual shown = teaching.getCounterfactual();
                if (at.isPresent() && (shown == null || shown.position() != at.getAsInt()
                        || !shown.replacement().equals(wanted.word()))) {
                    teaching.replace(at.getAsInt(), wanted.word());
                }
            }
        }
        if (state.memoryFrom() != null) {
            OptionalInt from = state.memoryFrom().isEmpty() ? OptionalInt.empty()
                    : position(state.memoryFrom().get(), trace, "memory_from");
            if (from.isPresent()) {
                teaching.accountMemoryFrom(from.getAsInt());
            } else {
                teaching.hideMemory();
            }
        }
        if (state.silence() != null) {
            if (state.silence().isEmpty()) {
                explorer.clearAblation();
            } else {
                ViewState.Silence silence = state.silence().get();
                OptionalInt unit = unit(silence.unit(), trace);
                OptionalInt from = position(silence.from(), trace, "silence");
                Ablation shown = explorer.getAblation();
                if (unit.isPresent() && from.isPresent() && (shown == null || shown.unit() != unit.getAsInt()
                        || shown.fromStep() != from.getAsInt())) {
                    explorer.silenceUnit(unit.getAsInt(), from.getAsInt());
                }
            }
        }
        done.run();
    }

    /** Shows exactly {@code units} on the timeline, the first in the diagram. */
    private void showUnits(List<UnitRef> units, Trace trace) {
        List<Integer> wanted = new ArrayList<>();
        for (UnitRef each : units) {
            unit(each, trace).ifPresent(unit -> {
                if (!wanted.contains(unit)) {
                    wanted.add(unit);
                }
            });
        }
        if (wanted.isEmpty()) {
            return;
        }
        for (int unit : wanted) {
            cell.setUnitShown(unit, true); // first the new ones, so the timeline is never left without a unit
        }
        for (int unit : List.copyOf(cell.selectedUnits())) {
            if (!wanted.contains(unit)) {
                cell.setUnitShown(unit, false);
            }
        }
        cell.selectPrimaryUnit(wanted.get(0));
    }

    /** {@code ref} in the shown model, or empty (said in the banner) when the model has no such unit. */
    public OptionalInt unit(UnitRef ref, Trace trace) {
        OptionalInt unit = ref.resolve(trace.numberUnits(), trace.hidden());
        if (unit.isEmpty()) {
            explorer.showError(ref.numberRank() > 0
                    ? "This model has " + trace.numberUnits().length + " number units, no " + ref
                    : "Unit " + ref + " is not a unit of this model: its units are 0 to " + (trace.hidden() - 1));
        }
        return unit;
    }

    private OptionalInt position(TokenRef ref, Trace trace, String what) {
        OptionalInt t = ref.resolve(trace.tokens());
        if (t.isEmpty()) {
            explorer.showError(ref.word() != null ? "\u201C" + ref.word() + "\u201D is not a word of the text (" + what + ")"
                    : "Token " + ref.position() + " lies outside the text's " + trace.length() + " tokens (" + what + ")");
        }
        return t;
    }
}
