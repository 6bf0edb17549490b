package org.gatescope.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gatescope.ui.lesson.LessonViewModel;
import org.gatescope.ui.session.SessionViewModel;

/**
 * The menu items of lessons and sessions: File ▸ Open session…, Save session…, Open recent, Open lesson…,
 * "Restore the last session at start", and the Lessons menu (the built-in lessons, Next, Back, Leave).
 */
final class SessionMenus {

    private static final String SESSION_EXTENSION = ".gatescope";
    private static final FileChooser.ExtensionFilter SESSIONS = new FileChooser.ExtensionFilter(
            "GateScope sessions (*.gatescope)", "*" + SESSION_EXTENSION);
    private static final FileChooser.ExtensionFilter LESSONS = new FileChooser.ExtensionFilter(
            "GateScope lessons (*.json)", "*.json");

    private final SessionViewModel sessions;
    private final LessonViewModel lessons;
    private final Supplier<Window> window;

    SessionMenus(SessionViewModel sessions, LessonViewModel lessons, Supplier<Window> window) {
        this.sessions = sessions;
        this.lessons = lessons;
        this.window = window;
    }

    /** The File menu's items for sessions and lessons, in order. */
    List<MenuItem> fileItems() {
        MenuItem open = item("Open session\u2026", "Shortcut+Shift+O", this::chooseSession);
        open.setId("open-session-item");
        MenuItem save = item("Save session\u2026", "Shortcut+S", this::chooseSessionTarget);
        save.setId("save-session-item");
        Menu recent = new Menu("Open recent");
        recent.setId("recent-menu");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path file : sessions.recent()) {
                MenuItem each = new MenuItem(file.getFileName() + "   \u2014 " + file.getParent());
                each.setMnemonicParsing(false);
                each.setOnAction(e -> sessions.openRecent(file));
                recent.getItems().add(each);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        sessions.recent().addListener((ListChangeListener<Path>) change -> fill.run());
        fill.run();
        MenuItem lesson = item("Open lesson\u2026", null, this::chooseLesson);
        lesson.setId("open-lesson-item");
        CheckMenuItem restore = new CheckMenuItem("Restore the last session at start");
        restore.setId("restore-session-item");
        restore.setSelected(sessions.restoreLastSessionProperty().get());
        sessions.restoreLastSessionProperty().addListener((obs, old, now) -> restore.setSelected(now));
        restore.setOnAction(e -> sessions.setRestoreLastSession(restore.isSelected()));
        return List.of(open, save, recent, lesson, restore);
    }

    /** The Lessons menu: the built-in lessons in the lecture's order, a lesson file, and moving through one. */
    Menu lessonsMenu() {
        Menu menu = new Menu("Lessons");
        menu.setId("lessons-menu");
        MenuItem openFile = item("Open lesson file\u2026", null, this::chooseLesson);
        MenuItem next = item("Next step", "Shortcut+PAGE_DOWN", lessons::next);
        next.setId("lesson-next-item");
        MenuItem back = item("Previous step", "Shortcut+PAGE_UP", lessons::back);
        MenuItem leave = item("Leave the lesson", null, lessons::leave);
        leave.setId("lesson-leave-item");
        for (MenuItem each : List.of(next, back, leave)) {
            each.disableProperty().bind(lessons.activeProperty().not());
        }
        Runnable fill = () -> {
            menu.getItems().clear();
            int number = 1;
            for (LessonViewModel.Listed each : lessons.builtIn()) {
                MenuItem item = new MenuItem(number++ + ". " + each.title());
                item.setMnemonicParsing(false);
                item.setId("lesson-" + each.id());
                item.setOnAction(e -> lessons.openBuiltIn(each.id()));
                menu.getItems().add(item);
            }
            menu.getItems().addAll(new SeparatorMenuItem(), openFile, new SeparatorMenuItem(), next, back, leave);
        };
        lessons.builtIn().addListener((ListChangeListener<LessonViewModel.Listed>) change -> fill.run());
        fill.run();
        return menu;
    }

    private void chooseSession() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a session");
        chooser.getExtensionFilters().addAll(SESSIONS, new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            sessions.open(file.toPath());
        }
    }

    private void chooseSessionTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session");
        chooser.getExtensionFilters().add(SESSIONS);
        chooser.setInitialFileName("session" + SESSION_EXTENSION);
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            Path target = file.toPath();
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SESSION_EXTENSION)) {
                target = target.resolveSibling(target.getFileName() + SESSION_EXTENSION);
            }
            sessions.save(target);
        }
    }

    private void chooseLesson() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().addAll(LESSONS, new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            lessons.openFile(file.toPath());
            sessions.remember(file.toPath());
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
