package org.gatescope.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gatescope.io.SessionFile;
import org.gatescope.io.SettingsFile;
import org.gatescope.state.LessonPosition;
import org.gatescope.state.ModelRef;
import org.gatescope.state.Session;
import org.gatescope.state.ViewState;
import org.gatescope.ui.explorer.ExplorerStates;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.TaskExecutor;

/**
 * Saves the window as a session file and opens one again (on the file lane); keeps the recently opened
 * sessions and lessons and whether the last session opens at start, in the settings of a configuration
 * folder (none in tests: nothing is kept). A session whose model file is gone opens on the bundled model with
 * a message; a file that is no session is one line in the banner, and the window keeps its state.
 */
public final class SessionViewModel {

    /** What a session knows of the lesson shown: where it is, and how to open it again there or close it. */
    public interface Lessons {
        Optional<LessonPosition> position();

        void resume(LessonPosition position);

        void close();

        void openFile(Path file);
    }

    private final ExplorerViewModel explorer;
    private final TaskExecutor executor;
    private final ExplorerStates states;
    private final Lessons lessons;
    /** Where the settings live; null keeps them in memory only. */
    private final Path settingsFolder;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper restoreLastSession = new ReadOnlyBooleanWrapper(this, "restoreLastSession");
    private SettingsFile.Settings settings = SettingsFile.Settings.DEFAULTS;

    /**
     * @param settingsFolder the configuration folder ({@link SettingsFile#folder()} in the app), or null to keep
     *     the settings in memory (tests never touch the user's)
     */
    public SessionViewModel(ExplorerViewModel explorer, ExplorerStates states, Lessons lessons, Path settingsFolder) {
        this.explorer = Objects.requireNonNull(explorer);
        this.executor = explorer.executor();
        this.states = Objects.requireNonNull(states);
        this.lessons = Objects.requireNonNull(lessons);
        this.settingsFolder = settingsFolder;
    }

    /**
     * Reads the settings (on the file lane) and then, if the user asked for it, opens the last session; else
     * the window stays on what it opened with (a first launch: the lecture sentence).
     *
     * @param restore false when the launch names a file to open instead
     */
    public void start(boolean restore) {
        if (settingsFolder == null) {
            return;
        }
        executor.files().submit(() -> SettingsFile.read(settingsFolder), read -> {
            use(read);
            Path last = settingsFolder.resolve(SettingsFile.LAST_SESSION);
            if (restore && read.restoreLastSession()) {
                executor.files().submit(() -> Files.isRegularFile(last), there -> {
                    if (there) {
                        open(last, false);
                    }
                }, failure -> { });
            }
        }, failure -> { });
    }

    private void use(SettingsFile.Settings read) {
        settings = read;
        recent.setAll(read.recent());
        restoreLastSession.set(read.restoreLastSession());
    }

    /** Where the window's settings live: the user's configuration folder ({@link SettingsFile#folder()}). */
    public static Path userSettingsFolder() {
        return SettingsFile.folder();
    }

    // ---- saving -------------------------------------------------------------------------------

    /** Saves the window as a session in {@code target}, written whole or not at all. */
    public void save(Path target) {
        Optional<Session> session = current();
        if (session.isEmpty()) {
            return;
        }
        explorer.setStatus("Saving " + target.getFileName() + " \u2026");
        executor.files().submit(() -> {
            SessionFile.write(session.get(), target);
            return target;
        }, written -> {
            explorer.setStatus("Saved the session to " + written);
            remember(written);
        }, failure -> {
            explorer.setStatus("");
            explorer.showError("Cannot save " + target + ": " + HeatmapExportService.describe(failure));
        });
    }

    /** The window as a session; empty (said in the banner) when its model cannot be named again. */
    private Optional<Session> current() {
        Optional<ViewState> state = states.capture();
        if (state.isEmpty()) {
            explorer.showError("Cannot save this session: its model is a training snapshot without a file;"
                    + " save the model first (Train \u25B8 Save model\u2026) and open it");
            return Optional.empty();
        }
        return Optional.of(new Session(state.get(), lessons.position().orElse(null)));
    }

    /**
     * Saves the window as the last session, for the next start, when the user asked for it. Called as the
     * application stops: the window is gone, so the small write is done at once, on the calling thread.
     */
    public void saveLastSessionNow() {
        if (settingsFolder == null || !settings.restoreLastSession()) {
            return;
        }
        Optional<ViewState> state = states.capture();
        if (state.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(settingsFolder);
            SessionFile.write(new Session(state.get(), lessons.position().orElse(null)),
                    settingsFolder.resolve(SettingsFile.LAST_SESSION));
        } catch (IOException e) {
            System.getLogger(SessionViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot save the last session: " + e.getMessage());
        }
    }

    // ---- opening ------------------------------------------------------------------------------

    /** Opens the session in {@code file}; a file that is no session changes nothing but the banner. */
    public void open(Path file) {
        open(file, true);
    }

    private void open(Path file, boolean remember) {
        String fallback = explorer.bundledModels().contains("gru") ? "gru"
                : explorer.bundledModels().isEmpty() ? null : explorer.bundledModels().get(0);
        executor.files().submit(() -> Checked.of(SessionFile.read(file), fallback), checked -> {
            lessons.close();
            if (!checked.problem().isEmpty()) {
                explorer.showError(checked.problem());
            }
            Session session = checked.session();
            states.apply(session.state(), () -> {
                if (session.lesson() != null) {
                    lessons.resume(session.lesson());
                }
            });
            explorer.setStatus("Opened the session " + file.getFileName());
            if (remember) {
                remember(file);
            }
        }, failure -> explorer.showError("Cannot open the session " + file.getFileName() + " \u2014 "
                + failure.getMessage()));
    }

    /** A session read, with its missing model files replaced (on the file lane) and what was replaced. */
    private record Checked(Session session, String problem) {
        static Checked of(Session read, String fallback) throws IOException {
            ViewState state = read.state();
            String problem = "";
            if (state.model().file() && !Files.isRegularFile(Path.of(state.model().value()))) {
                if (fallback == null) {
                    throw new IOException("its model file " + state.model().value() + " is not there");
                }
                problem = "The session's model file " + state.model().value() + " is not there: showing the bundled "
                        + fallback + " instead";
                // its units, clamps and ablation were of the other model
                state = new ViewState(ModelRef.bundled(fallback), state.text(), state.token(), null, state.compare(),
                        state.compareModel(), state.reach(), state.activation(), state.memoryFrom(),
                        java.util.List.of(), state.counterfactual(), Optional.empty());
            }
            if (state.compareModel() != null && state.compareModel().file()
                    && !Files.isRegularFile(Path.of(state.compareModel().value()))) {
                problem = (problem.isEmpty() ? "" : problem + "; ") + "the compare view's model file "
                        + state.compareModel().value() + " is not there";
                state = state.withCompareModel(null);
            }
            return new Checked(new Session(state, read.lesson()), problem);
        }
    }

    /** Opens a recent file: a session, or a lesson file; a file gone since is said and taken off the list. */
    public void openRecent(Path file) {
        executor.files().submit(() -> Files.isRegularFile(file), there -> {
            if (!there) {
                explorer.showError("Cannot open " + file + ": it is not there any more");
                update(settings.withRecent(file).recent().stream().filter(p -> !p.equals(file.toAbsolutePath()
                        .normalize())).toList());
                return;
            }
            if (file.getFileName().toString().endsWith(SessionFile.EXTENSION)) {
                open(file);
            } else {
                lessons.openFile(file);
                remember(file);
            }
        }, failure -> explorer.showError("Cannot open " + file + ": " + failure.getMessage()));
    }

    /** Puts {@code file} first among the recent files. */
    public void remember(Path file) {
        update(settings.withRecent(file).recent());
    }

    private void update(java.util.List<Path> files) {
        use(new SettingsFile.Settings(files, settings.restoreLastSession()));
        store();
    }

    /** Whether the last session opens at the next start (off unless the user turns it on). */
    public void setRestoreLastSession(boolean restore) {
        if (restore != settings.restoreLastSession()) {
            use(settings.withRestoreLastSession(restore));
            store();
        }
    }

    private void store() {
        if (settingsFolder == null) {
            return;
        }
        SettingsFile.Settings snapshot = settings;
        executor.files().submit(() -> {
            SettingsFile.write(snapshot, settingsFolder);
            return snapshot;
        }, written -> { }, failure -> explorer.showError("Cannot keep the recent files in " + settingsFolder + ": "
                + HeatmapExportService.describe(failure)));
    }

    // ---- read-only state ----------------------------------------------------------------------

    /** The recently opened sessions and lesson files, newest first. */
    public ObservableList<Path> recent() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    public ReadOnlyBooleanProperty restoreLastSessionProperty() {
        return restoreLastSession.getReadOnlyProperty();
    }
}
