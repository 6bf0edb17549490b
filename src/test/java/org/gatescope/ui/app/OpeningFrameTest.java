package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.diagram.CellDiagramView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's first frame: the lecture sentence's diagram, drawn before any control is made. */
@ExtendWith(ApplicationExtension.class)
class OpeningFrameTest {

    private static final int UNIT = 3;

    private static final List<String> TOKENS = Tokenizer.tokenize(ExplorerViewModel.LECTURE_SENTENCE);

    private final Trace trace = Tracer.trace(TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 5, 8, 7), TOKENS);
    private Stage stage;
    private OpeningFrame frame;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        frame = new OpeningFrame(trace, UNIT, ExplorerViewModel.LECTURE_SENTENCE);
        stage.setScene(OpeningFrame.scene(frame, 1400, 900));
        stage.show();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @Test
    void holdsNoControlSoNeitherSkinsNorTheControlsStyleSheetAreNeededToDrawIt() throws Exception {
        List<Node> nodes = onFx(() -> all(frame));
        assertTrue(nodes.size() > 3, "the diagram's canvas and the sentence are there: " + nodes);
        for (Node node : nodes) {
            assertTrue(!(node instanceof Control), "a control in the first frame: " + node);
        }
    }

    @Test
    void drawsTheDiagramTheWindowOpensOnTheFirstTokenAndTheChosenUnit() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CellDiagramView diagram = frame.diagram();
        assertEquals(new CellDiagramView.Displayed(trace, 0, UNIT), onFx(diagram::displayed));
        assertTrue(onFx(diagram::paintCount) > 0, "painted");
        assertTrue(onFx(diagram::isAnimated) == Boolean.FALSE, "the values are settled, not animated in");
    }

    @Test
    void theDrawingAndTheSentenceUnderItFitTheWindowAtEverySize() throws Exception {
        for (double[] size : new double[][] {{1400, 900}, {1024, 640}, {1920, 1080}}) {
            onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Bounds drawing = onFx(() -> frame.diagram().getBoundsInParent());
            Text sentence = onFx(() -> (Text) frame.getChildrenUnmodifiable().stream()
                    .filter(Text.class::isInstance).findFirst().orElseThrow());
            Bounds text = onFx(sentence::getBoundsInParent);
            double width = onFx(frame::getWidth);
            double height = onFx(frame::getHeight);
            String at = (int) size[0] + " x " + (int) size[1] + ": ";
            assertEquals(ExplorerViewModel.LECTURE_SENTENCE, onFx(sentence::getText));
            assertTrue(drawing.getMinX() >= 0 && drawing.getMaxX() <= width && drawing.getMinY() >= 0, at + drawing);
            assertTrue(drawing.getHeight() >= CellDiagramView.MIN_HEIGHT, at + drawing);
            assertTrue(text.getMinY() > drawing.getMaxY() && text.getMaxY() <= height, at + text + " under " + drawing);
            assertTrue(text.getMinX() >= 0 && text.getMaxX() <= width, at + text);
            assertEquals(width / 2, (drawing.getMinX() + drawing.getMaxX()) / 2, 1, at + "centred");
        }
    }

    @Test
    void theWindowTakesItsPlaceOnceTheFrameIsDrawnNotBefore() throws Exception {
        AtomicInteger windows = new AtomicInteger();
        AtomicInteger framesWhenReplaced = new AtomicInteger(-1);
        AtomicInteger frames = new AtomicInteger();
        Scene scene = onFx(() -> {
            Scene another = OpeningFrame.scene(new OpeningFrame(trace, UNIT, ExplorerViewModel.LECTURE_SENTENCE), 800, 600);
            RenderedFrames.of(another).orElseThrow().add(frames::incrementAndGet);
            OpeningFrame.replaceOnceDrawn(another, () -> {
                framesWhenReplaced.set(frames.get());
                windows.incrementAndGet();
            });
            stage.setScene(another);
            stage.show();
            assertEquals(0, windows.get(), "not while the frame is being shown");
            return another;
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> windows.get() > 0);
        assertEquals(1, windows.get());
        assertTrue(framesWhenReplaced.get() >= 1, "after the render thread finished the opening frame");
        onFx(() -> {
            scene.getRoot().requestLayout(); // another pulse
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, windows.get(), "once");
    }

    private static List<Node> all(Node node) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                nodes.addAll(all(child));
            }
        }
        return nodes;
    }
}
