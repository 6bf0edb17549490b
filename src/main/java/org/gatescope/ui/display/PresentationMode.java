package org.gatescope.ui.display;

import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Puts a window in presentation mode and back, following {@link DisplayViewModel#presentationProperty()}:
 * full screen without the side panel (the view model's scale makes everything larger); leaving
 * restores the side panel as it was and the window's size (JavaFX keeps the size from before full
 * screen). Esc and F11 are the window's keys (it handles Esc itself, so the full-screen exit key is
 * off and a dismissed error banner does not also leave the mode).
 */
public final class PresentationMode {

    private final DisplayViewModel display;
    private final BooleanProperty sidePanelShown;
    private Stage stage;
    /** Whether the side panel was shown when the mode began. */
    private boolean sidePanelBefore;
    private boolean wasFullScreen;
    /**
     * The window system may end full screen by itself (another desktop, a window manager key). Held
     * here and given to the stage weakly: a stage outlives the views shown in it (tests reuse one).
     */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenEnded = (obs, old, full) -> {
        if (!full && isPresentation()) {
            presentationOff();
        }
    };
    private final javafx.beans.value.WeakChangeListener<Boolean> weakFullScreenEnded =
            new javafx.beans.value.WeakChangeListener<>(fullScreenEnded);

    /**
     * @param sidePanelShown the window's "side panel shown" state; hidden during the mode, then restored
     */
    public PresentationMode(DisplayViewModel display, BooleanProperty sidePanelShown) {
        this.display = display;
        this.sidePanelShown = sidePanelShown;
        display.presentationProperty().addListener((obs, old, on) -> {
            if (on) {
                enter();
            } else {
                leave();
            }
        });
    }

    /** The window to put in full screen (once it is shown); none means the mode only changes the layout. */
    public void attach(Stage window) {
        if (stage == window) {
            return;
        }
        if (stage != null) {
            stage.fullScreenProperty().removeListener(weakFullScreenEnded);
        }
        stage = window;
        if (window == null) {
            return;
        }
        window.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        window.setFullScreenExitHint("");
        window.fullScreenProperty().addListener(weakFullScreenEnded);
    }

    private boolean isPresentation() {
        return display.isPresentation();
    }

    private void presentationOff() {
        display.presentationProperty().set(false);
    }

    private void enter() {
        sidePanelBefore = sidePanelShown.get();
        sidePanelShown.set(false);
        if (stage != null) {
            wasFullScreen = stage.isFullScreen();
            stage.setFullScreen(true);
        }
    }

    private void leave() {
        sidePanelShown.set(sidePanelBefore);
        if (stage != null && !wasFullScreen && stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
    }
}
