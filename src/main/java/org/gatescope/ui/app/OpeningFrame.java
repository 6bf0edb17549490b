package org.gatescope.ui.app;

import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
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
 * the same token and unit. {@link #replaceAfterItsFirstPulse} then puts the window in its place.
 */
final class OpeningFrame extends Region {

    /** Room around the drawing, and between it and the sentence. */
    private static final double MARGIN = 24;
    /** The drawing no larger than this: it reads as the lecture's figure, not a poster. */
    private static final double MAX_WIDTH = 1280;
    private static final double MAX_HEIGHT = 560;

    private final Region card = new Region();
    private final CellDiagramView diagram = new CellDiagramView();
    private final Text sentence;

    /** The diagram of {@code trace} at its first token for {@code unit}, above {@code text}. */
    OpeningFrame(Trace trace, int unit, String text) {
        setBackground(new Background(new BackgroundFill(CanvasTheme.color("bg"), CornerRadii.EMPTY, Insets.EMPTY)));
        card.setBackground(new Background(new BackgroundFill(CanvasTheme.color("surface"), new CornerRadii(6),
                Insets.EMPTY)));
        card.setBorder(new Border(new BorderStroke(CanvasTheme.color("border"), BorderStrokeStyle.SOLID,
                new CornerRadii(6), new BorderWidths(1))));
        diagram.setAnimated(false);
        diagram.show(trace, 0, unit);
        sentence = new Text(text);
        sentence.setFont(Font.font(Theme.SCREEN_FAMILY, 22));
        sentence.setFill(CanvasTheme.color("text"));
        getChildren().addAll(card, diagram, sentence);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("cell diagram of \u201c" + text + "\u201d; the window is opening");
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
        card.resizeRelocate(x, y, w, h);
        diagram.resizeRelocate(x + 1, y + 1, w - 2, h - 2);
        double textWidth = sentence.getLayoutBounds().getWidth();
        sentence.relocate(Math.round((width - textWidth) / 2), y + h + MARGIN);
    }

    /**
     * Calls {@code window} on the FX thread once {@code scene} has been through its first pulse: laid
     * out, painted and handed to the render thread, which draws the frame while {@code window} runs.
     */
    static void replaceAfterItsFirstPulse(Scene scene, Runnable window) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the pulse, not inside it: the frame is handed over at the pulse's end
            javafx.application.Platform.runLater(window);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
