package org.gatescope.ui.display;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.gatescope.render.Palette;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.canvas.ZoomPane;

/**
 * The window's lecture-hall controls, wired to a {@link DisplayViewModel}: the View menu's items
 * and keys for presentation mode (F11, Esc), the zoom (Ctrl + / Ctrl − / Ctrl 0, shown briefly in
 * the status bar) and the colour-blind-safe palette, applied to the window's {@link ZoomPane}, to
 * every canvas and export ({@link CanvasTheme#use}) and to the controls of every open window (the
 * palette's style class on their roots, whose CSS colours it overrides).
 */
public final class LectureHall {

    /** How long the status bar shows the zoom after a zoom key. */
    static final Duration NOTE_SHOWN = Duration.seconds(2.5);

    private final DisplayViewModel display;
    private final PresentationMode presentation;
    private final Label note;
    private final PauseTransition hideNote = new PauseTransition(NOTE_SHOWN);

    /**
     * @param zoomed the window's content, drawn at the display's scale
     * @param note the status bar's label for the zoom, hidden until a zoom key
     * @param presentation hides the side panel and goes full screen with the mode
     */
    public LectureHall(DisplayViewModel display, ZoomPane zoomed, Label note, PresentationMode presentation) {
        this.display = display;
        this.presentation = presentation;
        this.note = note;
        zoomed.zoomProperty().bind(display.scaleProperty());
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());
        hideNote.setOnFinished(e -> note.setVisible(false));
        display.paletteProperty().addListener((obs, old, palette) -> usePalette(palette));
        // weakly: the list of windows is global and outlives the view (its menu items listen to display)
        Window.getWindows().addListener(new javafx.collections.WeakListChangeListener<>(newWindows));
    }

    /** A window opened later (saturation, probe …) gets the palette's style class too. */
    private final ListChangeListener<Window> newWindows = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(w -> styleRoot(w.getScene(), paletteNow()));
        }
    };

    private Palette paletteNow() {
        return display.paletteProperty().get();
    }

    /** The View menu's lecture-hall items: presentation mode, zoom in / out / reset, the palette. */
    public List<MenuItem> menuItems() {
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setId("presentation-item");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        present.setSelected(display.isPresentation());
        display.presentationProperty().addListener((obs, old, on) -> present.setSelected(on));
        present.setOnAction(e -> display.presentationProperty().set(present.isSelected()));
        MenuItem in = item("Zoom in", "zoom-in-item", new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                this::zoomIn);
        MenuItem out = item("Zoom out", "zoom-out-item",
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), this::zoomOut);
        MenuItem reset = item("Actual size", "zoom-reset-item",
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::resetZoom);
        CheckMenuItem safe = new CheckMenuItem("Colour-blind-safe colours");
        safe.setId("palette-item");
        safe.setSelected(display.isColourBlindSafe());
        display.paletteProperty().addListener((obs, old, p) -> safe.setSelected(p == Palette.COLOURBLIND));
        safe.setOnAction(e -> display.setColourBlindSafe(safe.isSelected()));
        return List.of(present, in, out, reset, safe, new SeparatorMenuItem());
    }

    /**
     * The keys in {@code scene}: the menu's accelerators cover F11, Ctrl +, Ctrl − and Ctrl 0 as a
     * US keyboard types them; these add the other ways (Ctrl =, the keypad's + and −, Ctrl Shift =)
     * and Esc, which leaves presentation mode wherever the focus is.
     */
    public void install(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F11), display::togglePresentation);
        for (KeyCode larger : List.of(KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD)) {
            accelerators.put(new KeyCodeCombination(larger, KeyCombination.SHORTCUT_DOWN), this::zoomIn);
            accelerators.put(new KeyCodeCombination(larger, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    this::zoomIn);
        }
        for (KeyCode smaller : List.of(KeyCode.MINUS, KeyCode.SUBTRACT)) {
            accelerators.put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN), this::zoomOut);
        }
        for (KeyCode zero : List.of(KeyCode.DIGIT0, KeyCode.NUMPAD0)) {
            accelerators.put(new KeyCodeCombination(zero, KeyCombination.SHORTCUT_DOWN), this::resetZoom);
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && display.isPresentation()) {
                display.presentationProperty().set(false);
                e.consume();
            }
        });
        javafx.beans.InvalidationListener resized = o -> display.setWindowSize(scene.getWidth(), scene.getHeight());
        scene.widthProperty().addListener(resized);
        scene.heightProperty().addListener(resized);
        resized.invalidated(null);
        scene.windowProperty().addListener((obs, old, window) -> attach(window));
        attach(scene.getWindow());
        styleRoot(scene, display.paletteProperty().get());
    }

    private void attach(Window window) {
        if (window instanceof Stage stage) {
            presentation.attach(stage);
        }
    }

    void zoomIn() {
        display.zoomIn();
        showNote();
    }

    void zoomOut() {
        display.zoomOut();
        showNote();
    }

    void resetZoom() {
        display.resetZoom();
        showNote();
    }

    private void showNote() {
        note.setText(display.zoomMessage());
        note.setVisible(true);
        hideNote.playFromStart();
    }

    private static void usePalette(Palette palette) {
        CanvasTheme.use(palette);
        for (Window window : Window.getWindows()) {
            styleRoot(window.getScene(), palette);
        }
    }

    /** Puts {@code palette}'s style class on the root of {@code scene} (and no other palette's). */
    private static void styleRoot(Scene scene, Palette palette) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        Parent root = scene.getRoot();
        for (Palette p : Palette.values()) {
            if (!p.styleClass().isEmpty() && p != palette) {
                root.getStyleClass().remove(p.styleClass());
            }
        }
        if (!palette.styleClass().isEmpty() && !root.getStyleClass().contains(palette.styleClass())) {
            root.getStyleClass().add(palette.styleClass());
        }
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }
}
