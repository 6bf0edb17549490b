package org.gatescope.ui.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.Observable;
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
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.io.LessonFile;
import org.gatescope.io.LessonLibrary;
import org.gatescope.state.Lesson;
import org.gatescope.state.LessonPosition;
import org.gatescope.state.LessonStep;
import org.gatescope.state.LessonText;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerStates;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.TaskExecutor;

/**
 * A guided lesson in the explorer: the built-in lessons (read on the file lane), a lesson file opened,
 * the step shown and its text with live numbers read from the trace on screen. Starting a lesson keeps the
 * user's own window ({@link ExplorerStates#capture()}), and leaving gives it back. A lesson file that cannot
 * be read (not JSON, an unknown step type, a model that does not exist) is one line in the banner, and the
 * window keeps its state. Everything is called, and changes, on the UI thread.
 */
public final class LessonViewModel {

    /** A lesson the Lessons menu lists. */
    public record Listed(String id, String title, String summary) {
    }

    private final ExplorerViewModel explorer;
    private final TaskExecutor executor;
    private final ExplorerStates states;
    private final CellViewModel cell;
    private final ObservableList<Listed> builtIn = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    /** Where the lesson came from: {@code builtin:ID} or its file's path. */
    private String source;
    /** The user's window before the lesson; null if it could not be named (a training snapshot). */
    private ViewState own;

    public LessonViewModel(ExplorerViewModel explorer, ExplorerStates states) {
        this.explorer = Objects.requireNonNull(explorer);
        this.executor = explorer.executor();
        this.states = Objects.requireNonNull(states);
        this.cell = explorer.primary();
        for (Observable each : List.of(cell.traceProperty(), cell.clampedProperty(),
                explorer.teaching().counterfactualProperty(), explorer.ablationProperty(), explorer.reachProperty(),
                index)) {
            each.addListener(o -> updateText());
        }
        executor.files().submit(LessonLibrary::all, all -> builtIn.setAll(all.stream()
                        .map(each -> new Listed(each.id(), each.lesson().title(), each.lesson().summary())).toList()),
                failure -> explorer.showError("Cannot read the built-in lessons: " + failure.getMessage()));
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Starts the built-in lesson {@code id} at its first step. */
    public void openBuiltIn(String id) {
        executor.files().submit(() -> LessonLibrary.load(id), read -> start(read, LessonPosition.BUILT_IN + id, 0),
                failure -> explorer.showError("Cannot open the lesson: " + failure.getMessage()));
    }

    /** Reads the lesson file {@code file} on the file lane and starts it; a broken file changes nothing. */
    public void openFile(Path file) {
        openFile(file, 0, true, () -> { });
    }

    /**
     * Opens a lesson where a session left it: at step {@code step}, leaving the window as the session set it
     * (which Leave then gives back).
     */
    public void resume(LessonPosition position) {
        if (position.isBuiltIn()) {
            executor.files().submit(() -> LessonLibrary.load(position.builtInId()),
                    read -> show(read, position.source(), position.step()),
                    failure -> explorer.showError("Cannot open the session's lesson: " + failure.getMessage()));
        } else {
            openFile(Path.of(position.source()), position.step(), false, () -> { });
        }
    }

    private void openFile(Path file, int step, boolean apply, Runnable opened) {
        executor.files().submit(() -> {
            Lesson read = LessonFile.read(file);
            checkModels(read, file);
            return read;
        }, read -> {
            if (apply) {
                start(read, file.toAbsolutePath().toString(), step);
            } else {
                show(read, file.toAbsolutePath().toString(), step);
            }
            opened.run();
        }, failure -> explorer.showError("Cannot open the lesson " + file.getFileName() + " \u2014 "
                + failure.getMessage()));
    }

    /** Runs on the file lane: a model the lesson names must be bundled or a file that exists. */
    private void checkModels(Lesson read, Path file) throws java.io.IOException {
        List<LessonStep> steps = read.steps();
        for (int k = 0; k < steps.size(); k++) {
            ViewState sets = steps.get(k).sets();
            for (var model : new org.gatescope.state.ModelRef[] {sets.model(), sets.compareModel()}) {
                if (model == null) {
                    continue;
                }
                boolean there = model.file() ? java.nio.file.Files.isRegularFile(Path.of(model.value()))
                        : explorer.bundledModels().contains(model.value());
                if (!there) {
                    throw new java.io.IOException("step " + (k + 1) + ": " + (model.file() ? "the model file "
                            + model.value() + " is not there" : "there is no bundled model \u201C" + model.value()
                            + "\u201D (bundled: " + String.join(", ", explorer.bundledModels()) + ")"));
                }
            }
        }
    }

    private void start(Lesson read, String from, int step) {
        if (lesson.get() == null) {
            own = states.capture().orElse(null); // a lesson opened from a lesson keeps the first window to go back to
        }
        show(read, from, -1);
        goTo(Math.min(step, read.size() - 1));
    }

    /** Shows the lesson at {@code step} without setting the window (-1: set by the caller). */
    private void show(Lesson read, String from, int step) {
        if (step >= 0 && lesson.get() == null) {
            own = states.capture().orElse(null);
        }
        lesson.set(read);
        source = from;
        active.set(true);
        if (step >= 0) {
            index.set(Math.min(step, read.size() - 1));
        }
        updateText();
    }

    // ---- moving -------------------------------------------------------------------------------

    public void next() {
        if (lesson.get() != null && index.get() < lesson.get().size() - 1) {
            goTo(index.get() + 1);
        }
    }

    public void back() {
        if (lesson.get() != null && index.get() > 0) {
            goTo(index.get() - 1);
        }
    }

    /** Sets the window as step {@code k} says and shows its text; a play step then plays the sentence. */
    public void goTo(int k) {
        Lesson shown = lesson.get();
        if (shown == null || k < 0 || k >= shown.size()) {
            return;
        }
        explorer.dismissError();
        index.set(k);
        LessonStep step = shown.steps().get(k);
        states.apply(shown.stateAt(k), () -> {
            if (step.kind() == LessonStep.Kind.PLAY && lesson.get() == shown && index.get() == k
                    && !explorer.isPlaying()) {
                explorer.togglePlay();
            }
            updateText();
        });
        updateText();
    }

    /** Leaves the lesson and gives the user's own window back. */
    public void leave() {
        if (lesson.get() == null) {
            return;
        }
        ViewState back = own;
        close();
        if (back != null) {
            states.apply(back, () -> { });
        }
    }

    /** Closes the lesson and leaves the window as it is (a session opened over it sets its own). */
    public void close() {
        states.cancel();
        lesson.set(null);
        index.set(-1);
        own = null;
        source = null;
        active.set(false);
        text.set("");
        heading.set("");
    }

    /** Where the lesson is, for a session; empty without one. */
    public Optional<LessonPosition> position() {
        return lesson.get() == null ? Optional.empty() : Optional.of(new LessonPosition(source, index.get()));
    }

    // ---- the text ----------------------------------------------------------------------------

    private void updateText() {
        Lesson shown = lesson.get();
        int k = index.get();
        if (shown == null || k < 0) {
            return;
        }
        LessonStep step = shown.steps().get(k);
        heading.set(shown.title() + "  \u00B7  step " + (k + 1) + " of " + shown.size()
                + (step.title().isEmpty() ? "" : ": " + step.title()));
        text.set(LessonText.fill(step.say(), facts(shown.stateAt(k))));
    }

    /** The numbers of the trace on screen, with the step's unit, token and memory band's token as defaults. */
    private LessonText.Facts facts(ViewState state) {
        Trace trace = cell.getTrace();
        if (trace == null) {
            return null;
        }
        ClampedTrace clamped = cell.getClamped();
        Counterfactual counterfactual = explorer.teaching().getCounterfactual();
        Ablation ablation = explorer.getAblation();
        Trace replaced = counterfactual != null && counterfactual.before().tokens().equals(trace.tokens())
                ? counterfactual.after() : null;
        Trace silenced = ablation != null && ablation.after().tokens().equals(trace.tokens()) ? ablation.after() : null;
        return new LessonText.Facts(trace, clamped == null ? null : clamped.before(), replaced, silenced,
                explorer.getReach(), unit(state, trace), token(state.token(), trace),
                state.memoryFrom() == null || state.memoryFrom().isEmpty() ? -1
                        : token(state.memoryFrom().get(), trace));
    }

    private static int unit(ViewState state, Trace trace) {
        List<UnitRef> units = state.units();
        if (units == null || units.isEmpty()) {
            return -1;
        }
        return units.get(0).resolve(trace.numberUnits(), trace.hidden()).orElse(-1);
    }

    private static int token(TokenRef ref, Trace trace) {
        OptionalInt t = ref == null ? OptionalInt.empty() : ref.resolve(trace.tokens());
        return t.orElse(-1);
    }

    // ---- read-only state ----------------------------------------------------------------------

    /** The built-in lessons, in the lecture's order (empty until read). */
    public ObservableList<Listed> builtIn() {
        return FXCollections.unmodifiableObservableList(builtIn);
    }

    /** Whether a lesson is open. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The step shown, from 0; -1 without a lesson. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** "The GRU's update gate · step 2 of 6: At “cat” the gate opens". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The step's text with its numbers read from the trace on screen. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
