package org.gatescope.ui.diagram;

import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.DiagramLayout;
import org.gatescope.render.diagram.DiagramPainter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gatescope.render.diagram.Point;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.render.diagram.CellStructure.Edge;
import org.gatescope.render.diagram.CellStructure.Node;
import org.gatescope.render.diagram.CellStructure.NodeKind;
import org.gatescope.render.diagram.DiagramLayout.Box;
import org.gatescope.render.diagram.DiagramPainter.Placed;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagram is readable at every panel size the window gives it, from the least (a 1024×640
 * window) to a 4K projector: every text at {@value DiagramLayout#MIN_TEXT} px or more, no text on
 * another, on a box or across a line, and the drawing filling its panel.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramReadabilityTest {

    /** The panel sizes: the least, a 1024×640 and a 1280×720 window, 1920×1080, a 3840×2160 projector. */
    private static final double[][] PANELS = {
        {CellDiagramView.MIN_WIDTH, CellDiagramView.MIN_HEIGHT}, {700, 280}, {1000, 280}, {930, 320},
        {1590, 440}, {1590, 560}, {3500, 1000}, {700, 700}};
    private static final List<String> TOKENS = List.of("the", "neighbours", "of", "the", "farmer", ",", "which",
            "already", "ate", ",", "were", "full", ".");

    private CellDiagramView view;
    private Pane root;

    @Start
    void start(Stage stage) {
        view = new CellDiagramView();
        view.setAnimated(false);
        view.setManaged(false); // sized by the test, not by its parent
        root = new Pane(view);
        stage.setScene(new Scene(root, 1000, 600)); // the view may be larger than the window
        stage.show();
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(CellKind.RNN, GruReset.AFTER),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.LSTM, GruReset.AFTER),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER));
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private List<Placed> drawnAt(Trace trace, double width, double height) throws Exception {
        onFx(() -> {
            view.resizeRelocate(0, 0, width, height);
            view.layout();
            view.show(trace, 4, 2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(view::placedTexts);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void everyTextIsReadableAndCollidesWithNothing(CellKind cell, GruReset reset) throws Exception {
        Trace trace = Tracer.trace(TestModels.random(cell, reset, 40, 5, 16, 3), TOKENS);
        for (double[] panel : PANELS) {
            List<Placed> texts = drawnAt(trace, panel[0], panel[1]);
            DiagramLayout layout = onFx(view::diagramLayout);
            String where = cell + " " + reset + " at " + (int) panel[0] + "×" + (int) panel[1] + ": ";
            assertTrue(texts.size() >= 4, where + "texts drawn " + texts);
            assertTrue(layout.labelSize() * 0.95 >= DiagramLayout.MIN_TEXT - 0.01,
                    where + "values at " + layout.labelSize() * 0.95 + " px");
            for (int i = 0; i < texts.size(); i++) {
                Placed text = texts.get(i);
                Box b = text.bounds();
                assertTrue(text.size() >= DiagramLayout.MIN_TEXT, where + text + " too small");
                assertTrue(b.left() >= -0.5 && b.right() <= panel[0] + 0.5 && b.top() >= -0.5
                        && b.bottom() <= panel[1] + 0.5, where + text + " outside the panel");
                for (int j = 0; j < i; j++) {
                    assertTrue(apart(b, texts.get(j).bounds()), where + text + " on " + texts.get(j));
                }
                for (Node node : layout.structure().nodes()) {
                    if (node.kind() == NodeKind.JUNCTION || node.kind() == NodeKind.EXIT
                            || node.id().equals(text.owner())) {
                        continue;
                    }
                    assertTrue(apart(b, layout.box(node.id())), where + text + " on the box of " + node.id());
                    if (node.showsValue()) {
                        assertTrue(apart(b, layout.strip(node.id())), where + text + " on the strip of " + node.id());
                    }
                }
                for (Edge edge : layout.structure().edges()) {
                    String name = edge.from() + "\u2192" + edge.to();
                    // a line's own label sits beside it; the token's line leaves from above its text
                    if (name.equals(text.owner()) || "x".equals(text.owner()) && edge.from().equals("x")) {
                        continue;
                    }
                    assertTrue(!crosses(layout.route(edge), b), where + text + " across the line " + name);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void theDrawingFillsItsPanelAndGrowsWithIt(CellKind cell, GruReset reset) throws Exception {
        Trace trace = Tracer.trace(TestModels.random(cell, reset, 40, 5, 16, 3), TOKENS);
        List<Double> valueSizes = new ArrayList<>();
        for (double[] panel : PANELS) {
            drawnAt(trace, panel[0], panel[1]);
            DiagramLayout layout = onFx(view::diagramLayout);
            String where = cell + " " + reset + " at " + (int) panel[0] + "×" + (int) panel[1] + ": ";
            assertTrue(layout.fillX() >= 0.9 || layout.fillY() >= 0.97, where + "fills " + layout.fillX()
                    + " of the width, " + layout.fillY() + " of the height");
            valueSizes.add(layout.labelSize() * 0.95);
        }
        // a 1920×1080 window's panel (1590×440): most of its width, values large enough to project
        drawnAt(trace, 1590, 440);
        DiagramLayout wide = onFx(view::diagramLayout);
        assertTrue(wide.fillX() >= 0.8, cell + " fills " + wide.fillX() + " of a wide panel");
        assertTrue(wide.labelSize() * 0.95 >= 15, cell + " values at " + wide.labelSize() * 0.95 + " px");
        // and at 3840×2160 they grow with it
        assertTrue(valueSizes.get(6) >= 2 * valueSizes.get(4) * 0.9, "values at 4K " + valueSizes);
    }

    private static boolean apart(Box a, Box b) {
        double tolerance = 0.5;
        return a.right() <= b.left() + tolerance || b.right() <= a.left() + tolerance
                || a.bottom() <= b.top() + tolerance || b.bottom() <= a.top() + tolerance;
    }

    /** Whether the polyline runs through the inside of {@code box} (its segments are horizontal or vertical). */
    private static boolean crosses(List<Point> line, Box box) {
        for (int i = 0; i + 1 < line.size(); i++) {
            Point a = line.get(i);
            Point b = line.get(i + 1);
            Box segment = new Box((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2,
                    Math.abs(a.getX() - b.getX()) + 1, Math.abs(a.getY() - b.getY()) + 1);
            if (!apart(segment, box)) {
                return true;
            }
        }
        return false;
    }
}
