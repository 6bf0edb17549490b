package org.gatescope.ui.analysis;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the explorer's tool windows (saturation, trajectories, probe, reading) share: a footer with a
 * status line and an error line in the theme's danger colour, and a stage with the app's stylesheet,
 * Ctrl+S to export and Ctrl+W to close.
 */
public final class ToolStage {

    /** Pixels left above a tool window for the window manager's title bar. */
    private static final double TITLE_BAR_ROOM = 40;

    private ToolStage() {
    }

    /**
     * The footer: {@code lines} (a hover read-out, say) above the status line {@code ID-status} and the
     * error line {@code ID-error}, which takes no room while it is empty.
     */
    public static VBox footer(String id, ObservableValue<String> status, ObservableValue<String> error,
                              Node... lines) {
        Label statusLine = new Label();
        statusLine.setId(id + "-status");
        statusLine.textProperty().bind(status);
        Label errorLine = new Label();
        errorLine.setId(id + "-error");
        errorLine.getStyleClass().add("error-text");
        errorLine.textProperty().bind(error);
        errorLine.managedProperty().bind(errorLine.textProperty().isNotEmpty());
        VBox footer = new VBox(2, lines);
        footer.getChildren().addAll(statusLine, errorLine);
        footer.setPadding(new Insets(6, 12, 8, 12));
        return footer;
    }

    /**
     * A scene of the given size, but never larger than the screen less room for the window's title bar:
     * on a 1024 × 640 projector a 700-pixel-high window would open with its top row above the screen.
     */
    public static Scene sceneOnScreen(Parent root, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(root, Math.min(width, screen.getWidth()),
                Math.min(height, screen.getHeight() - TITLE_BAR_ROOM));
    }

    /**
     * Puts {@code root} in {@code stage} at the given size (at most the screen's, {@link #sceneOnScreen}),
     * titled, owned by {@code owner} when there is one.
     */
    public static Scene dress(Stage stage, Parent root, double width, double height, String title,
                              String stylesheet, Window owner, Runnable export) {
        Scene scene = sceneOnScreen(root, width, height);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), export);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
        }
        return scene;
    }
}
