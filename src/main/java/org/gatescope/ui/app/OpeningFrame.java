package org.gatescope.ui.app;

import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.gatescope.engine.Trace;
import org.gatescope.render.Theme;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.diagram.CellDiagramView;

/**
 * The window's first frame: the opening model's cell diagram of the lecture sentence at its first
 * token, with the sentence under it, drawn while the window's controls are still being made.
 *
 * <p>Why: the controls (menus, the sentence field, the token strip, the side panel's lists, three
 * scroll panes) cost about two seconds of the FX thread cold, skins, CSS and layout of JavaFX's own
 * controls, before the window could draw anything (decision 0026). This frame holds no control at all
 * (no skin, no user-agent style sheet to parse), only the diagram's canvas and one text, so it is on
 * the screen about as soon as JavaFX can draw a window; the diagram is the one the window shows at
 * the same token and unit. {@link #replaceOnceDrawn} then puts the window in its place.
 */
final class OpeningFrame extends Region {

    /** Room around the drawing, and between it and the sentence. */
    private static final double MARGIN = 24;
    /** How long the window's controls wait for the opening frame to be drawn, at most. */
    static final long LONGEST_WAIT_MILLIS = 1000;
    /** The drawing no larger than this: it reads as the lecture's figure, not a poster. */
    private static final double MAX_WIDTH = 1280;
    private static final double MAX_HEIGHT = 560;

    private final Rectangle card = new Rectangle();
    private final CellDiagramView diagram = new CellDiagramView();
    private final Text sentence;

    /** The diagram of {@code trace} at its first token for {@code unit}, above {@code text}. */
    OpeningFrame(Trace trace, int unit, String text) {
        // An outline, not a region's background and border: JavaFX caches those as an image of their
        // own, megabytes in the software pipeline, for one frame.
        card.setFill(null);
        card.setStroke(CanvasTheme.color("border"));
        card.setArcWidth(12);
        card.setArcHeight(12);
        diagram.setAnimated(false);
        diagram.show(trace, 0, unit);
        sentence = new Text(text);
        sentence.setFont(Font.font(Theme.SCREEN_FAMILY, 22));
        sentence.setFill(CanvasTheme.color("text"));
        getChildren().addAll(diagram, card, sentence);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("cell diagram of \u201c" + text + "\u201d; the window is opening");
    }

    /** A scene of the window's size showing {@code frame} on the window's background colour. */
    static Scene scene(OpeningFrame frame, double width, double height) {
        // the scene's fill, not the frame's background: no image cached for it (see card)
        return new Scene(frame, width, height, CanvasTheme.color("bg"));
    }

    /** The diagram drawn (tests). */
    CellDiagramView diagram() {
        return diagram;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double textHeight = sentence.getLayoutBounds().getHeight();
        double w = Math.max(0, Math.min(MAX_WIDTH, width - 2 * MARGIN));
        double h = Math.max(CellDiagramView.MIN_HEIGHT,
                Math.min(MAX_HEIGHT, height - 3 * MARGIN - textHeight));
        double x = Math.round((width - w) / 2);
        // the drawing and the sentence together, centred in the window
        double y = Math.max(MARGIN, Math.round((height - h - MARGIN - textHeight) / 2));
        card.setX(x + 0.5);
        card.setY(y + 0.5);
        card.setWidth(w - 1);
        card.setHeight(h - 1);
        diagram.resizeRelocate(x + 1, y + 1, w - 2, h - 2);
        double textWidth = sentence.getLayoutBounds().getWidth();
        sentence.relocate(Math.round((width - textWidth) / 2), y + h + MARGIN);
    }

    /**
     * Calls {@code window} on the FX thread once {@code scene}'s first frame has been drawn: the window's
     * controls are made after the render thread has finished the opening frame, not while it draws it
     * (on two cores they took its CPU: the frame came ~0.08 s later). Where the render thread cannot be
     * followed ({@link RenderedFrames}), after the scene's first pulse; and after {@value
     * #LONGEST_WAIT_MILLIS} ms in any case, should the frame never be drawn. Call on the FX thread.
     */
    static void replaceOnceDrawn(Scene scene, Runnable window) {
        RenderedFrames.afterNextFrame(scene, window, LONGEST_WAIT_MILLIS);
    }
}
