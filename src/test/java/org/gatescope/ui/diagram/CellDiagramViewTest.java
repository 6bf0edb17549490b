package org.gatescope.ui.diagram;

import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.DiagramLayout;
import org.gatescope.render.diagram.DiagramPainter;
import org.gatescope.render.diagram.Equations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the cell diagram draws and shows, for every cell kind, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class CellDiagramViewTest {

    private static final List<String> CAT = List.of("the", "cat", ",", "which", "already", "ate", "...", ",", "was",
            "full", ".");
    private static final int HIDDEN = 6;

    private CellDiagramView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new CellDiagramView();
        view.setAnimated(false);
        stage.setScene(new Scene(new StackPane(view), 1100, 500));
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

    private static Trace trace(CellKind cell, GruReset reset) {
        return Tracer.trace(TestModels.random(cell, reset, 16, 5, HIDDEN, 11), CAT);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private void show(Trace trace, int step, int unit) throws Exception {
        onFx(() -> {
            view.show(trace, step, unit);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @MethodSource("cells")
    void drawsExactlyTheGatesAndStatesTheCellHas(CellKind cell, GruReset reset) throws Exception {
        Trace trace = trace(cell, reset);
        show(trace, 1, 0);
        assertEquals(Set.copyOf(trace.quantities()), onFx(view::drawnNodes));
    }

    @Test
    void simplifiedGruHasNoRelevanceGateAndGrusHaveNoForgetOrOutputGate() throws Exception {
        show(trace(CellKind.GRU_SIMPLE, GruReset.AFTER), 0, 0);
        Set<Quantity> simple = onFx(view::drawnNodes);
        assertFalse(simple.contains(Quantity.RELEVANCE_GATE));
        assertFalse(simple.contains(Quantity.FORGET_GATE));

        show(trace(CellKind.GRU, GruReset.BEFORE), 0, 0);
        Set<Quantity> gru = onFx(view::drawnNodes);
        assertTrue(gru.contains(Quantity.RELEVANCE_GATE));
        assertFalse(gru.contains(Quantity.FORGET_GATE));
        assertFalse(gru.contains(Quantity.OUTPUT_GATE));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void peepholeLinesOnlyInThePeepholeLstm(CellKind cell, GruReset reset) {
        CellStructure structure = CellStructure.of(cell, reset);
        boolean peepholes = structure.edges().stream().anyMatch(e -> e.kind() == CellStructure.EdgeKind.PEEPHOLE);
        assertEquals(cell == CellKind.PEEPHOLE_LSTM, peepholes);
    }

    @Test
    void peepholesFeedUpdateAndForgetFromTheOldCellAndOutputFromTheNewOne() {
        CellStructure structure = CellStructure.of(CellKind.PEEPHOLE_LSTM, null);
        List<String> memoryLine = memoryLine(structure);
        int forgetProduct = memoryLine.indexOf("mulF");
        int sum = memoryLine.indexOf("plus");
        assertTrue(forgetProduct > 0 && sum > forgetProduct, "memory line " + memoryLine);

        assertEquals(Set.of("forget", "update"), peepholeTargetsFrom(structure, memoryLine.subList(0, forgetProduct)));
        assertEquals(Set.of("output"), peepholeTargetsFrom(structure, memoryLine.subList(sum + 1, memoryLine.size())));
    }

    @Test
    void gruAppliesRelevanceWhereTheModelDoes() {
        CellStructure before = CellStructure.of(CellKind.GRU, GruReset.BEFORE);
        assertTrue(hasEdge(before, "jReset", "mulR"), "before: c<t-1> goes first into Γr ⊙");
        assertTrue(hasEdge(before, "mulR", "linear"), "before: then into W_hn");
        assertTrue(hasEdge(before, "linear", "candidate"));

        CellStructure after = CellStructure.of(CellKind.GRU, GruReset.AFTER);
        assertTrue(hasEdge(after, "jReset", "linear"), "after: c<t-1> goes first through W_hn");
        assertTrue(hasEdge(after, "linear", "mulR"), "after: then into Γr ⊙");
        assertTrue(hasEdge(after, "mulR", "candidate"));
        assertTrue(hasEdge(after, "relevance", "mulR"));
    }

    @Test
    void gruKeepsTheOldCellThroughOneMinusTheUpdateGate() {
        for (CellKind cell : List.of(CellKind.GRU, CellKind.GRU_SIMPLE)) {
            CellStructure structure = CellStructure.of(cell, GruReset.BEFORE);
            assertTrue(hasEdge(structure, "oneMinus", "mulK"), cell + ": 1 − Γu gates the kept c<t-1>");
            assertTrue(hasEdge(structure, "jUpdate", "oneMinus"), cell + ": fed by Γu");
            assertTrue(hasEdge(structure, "update", "jUpdate"));
            assertTrue(hasEdge(structure, "mulK", "plus"));
            assertTrue(hasEdge(structure, "mulW", "plus"));
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void showsTheTracesValuesForTheSelectedUnit(CellKind cell, GruReset reset) throws Exception {
        Trace trace = trace(cell, reset);
        for (int[] at : new int[][] {{0, 0}, {1, 3}, {4, HIDDEN - 1}, {CAT.size() - 1, 2}}) {
            show(trace, at[0], at[1]);
            Map<Quantity, Double> shown = onFx(view::displayedValues);
            assertEquals(Set.copyOf(trace.quantities()), shown.keySet());
            for (Quantity quantity : trace.quantities()) {
                assertEquals(trace.value(quantity, at[0], at[1]), shown.get(quantity), 0.0,
                        quantity + " at step " + at[0] + ", unit " + at[1]);
            }
        }
    }

    @Test
    void lstmEquationsPlugInTheCurrentNumbers() throws Exception {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        int t = 1;
        int u = 2;
        show(trace, t, u);
        String update = onFx(() -> view.equationFor(Quantity.UPDATE_GATE));
        assertTrue(update.contains("Γu = σ(W_ii x<t> + b_ii + W_hi a<t-1> + b_hi) = σ("
                + Equations.number(trace.preActivation(Quantity.UPDATE_GATE, t, u)) + ") = "
                + Equations.number(trace.value(Quantity.UPDATE_GATE, t, u))), update);
        assertTrue(update.contains("x<2> = \u201ccat\u201d"), update);

        String cell = onFx(() -> view.equationFor(Quantity.MEMORY_CELL));
        assertTrue(cell.contains("c<t> = Γu ⊙ c̃<t> + Γf ⊙ c<t-1> = "
                + Equations.number(trace.value(Quantity.UPDATE_GATE, t, u)) + " × "
                + Equations.number(trace.value(Quantity.CANDIDATE, t, u)) + " + "
                + Equations.number(trace.value(Quantity.FORGET_GATE, t, u)) + " × "
                + Equations.number(trace.value(Quantity.MEMORY_CELL, t - 1, u)) + " = "
                + Equations.number(trace.value(Quantity.MEMORY_CELL, t, u))), cell);

        String activation = onFx(() -> view.equationFor(Quantity.ACTIVATION));
        assertTrue(activation.contains("a<t> = Γo ⊙ tanh(c<t>)"), activation);
        assertTrue(activation.contains("the slide writes a<t> = Γo ⊙ c<t>"), activation);
        assertTrue(activation.contains("= " + Equations.number(trace.value(Quantity.ACTIVATION, t, u))), activation);
    }

    @Test
    void gruUpdateGateIsOneMinusZ() throws Exception {
        Trace trace = trace(CellKind.GRU, GruReset.BEFORE);
        show(trace, 1, 0);
        double gate = trace.value(Quantity.UPDATE_GATE, 1, 0);
        String text = onFx(() -> view.equationFor(Quantity.UPDATE_GATE));
        assertTrue(text.contains("Γu = 1 − z,  z = σ(W_iz x<t> + b_iz + W_hz c<t-1> + b_hz) = σ("
                + Equations.number(trace.preActivation(Quantity.UPDATE_GATE, 1, 0)) + ") = "
                + Equations.number(1 - gate)), text);
        assertTrue(text.contains("Γu = 1 − " + Equations.number(1 - gate) + " = " + Equations.number(gate)), text);
    }

    @Test
    void candidateEquationSaysWhereTheGruAppliesRelevance() throws Exception {
        show(trace(CellKind.GRU, GruReset.BEFORE), 2, 1);
        String before = onFx(() -> view.equationFor(Quantity.CANDIDATE));
        assertTrue(before.contains("c̃<t> = tanh(W_in x<t> + b_in + W_hn (Γr ⊙ c<t-1>) + b_hn)"), before);
        assertTrue(before.contains("reset before"), before);

        show(trace(CellKind.GRU, GruReset.AFTER), 2, 1);
        String after = onFx(() -> view.equationFor(Quantity.CANDIDATE));
        assertTrue(after.contains("c̃<t> = tanh(W_in x<t> + b_in + Γr ⊙ (W_hn c<t-1> + b_hn))"), after);
        assertTrue(after.contains("reset after"), after);
    }

    @Test
    void peepholeOutputGateSaysItPeeksAtTheNewCell() throws Exception {
        Trace trace = trace(CellKind.PEEPHOLE_LSTM, GruReset.AFTER);
        show(trace, 3, 1);
        String output = onFx(() -> view.equationFor(Quantity.OUTPUT_GATE));
        assertTrue(output.contains("+ p_o ⊙ c<t>)"), output);
        assertTrue(output.contains("new c<t> = " + Equations.number(trace.value(Quantity.MEMORY_CELL, 3, 1))), output);
        assertTrue(output.contains("Gers"), output);
        String forget = onFx(() -> view.equationFor(Quantity.FORGET_GATE));
        assertTrue(forget.contains("+ p_f ⊙ c<t-1>)"), forget);
    }

    @Test
    void equationForAQuantityTheCellLacksIsRefused() throws Exception {
        show(trace(CellKind.GRU, GruReset.AFTER), 0, 0);
        assertThrows(IllegalArgumentException.class, () -> onFxThrowing(() -> view.equationFor(Quantity.FORGET_GATE)));
    }

    @Test
    void rejectsAStepOrUnitOutsideTheTrace() {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        assertThrows(IllegalArgumentException.class, () -> onFxThrowing(() -> {
            view.show(trace, CAT.size(), 0);
            return null;
        }));
        assertThrows(IllegalArgumentException.class, () -> onFxThrowing(() -> {
            view.show(trace, 0, HIDDEN);
            return null;
        }));
    }

    @Test
    void aNewTokenAnimatesAndSettlesOnTheTracesValues() throws Exception {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        onFx(() -> {
            view.setAnimated(true);
            view.show(trace, 1, 0);
            return null;
        });
        assertFalse(onFx(view::isAnimating), "the first show does not animate");
        show(trace, 2, 0);
        assertTrue(onFx(view::isAnimating), "a new token animates");
        assertEquals(trace.value(Quantity.MEMORY_CELL, 2, 0), onFx(view::displayedValues).get(Quantity.MEMORY_CELL));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (onFx(view::isAnimating) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(onFx(view::isAnimating), "settles after " + CellDiagramView.TRANSITION_MILLIS + " ms");

        show(trace, 2, 3);
        assertFalse(onFx(view::isAnimating), "another unit is shown at once");
    }

    @Test
    void hoveringANodeShowsItsEquation(FxRobot robot) throws Exception {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        show(trace, 1, 0);
        Point2D centre = onFx(() -> {
            DiagramLayout layout = new DiagramLayout(CellStructure.of(CellKind.LSTM, null), view.getWidth(),
                    view.getHeight());
            DiagramLayout.Box box = layout.box("forget");
            return view.localToScreen(box.cx(), box.cy());
        });
        robot.moveTo(centre);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("forget", onFx(view::hoveredNode));
        assertEquals(onFx(() -> view.equationFor(Quantity.FORGET_GATE)), onFx(view::overlayText));
    }

    @Test
    void switchingTheCellWhileHoveringDropsTheTooltip() throws Exception {
        show(trace(CellKind.LSTM, GruReset.AFTER), 1, 0);
        onFx(() -> {
            DiagramLayout.Box box = new DiagramLayout(CellStructure.of(CellKind.LSTM, null), view.getWidth(),
                    view.getHeight()).box("forget");
            view.hover(box.cx(), box.cy());
            return null;
        });
        assertNotNull(onFx(view::overlayText));
        show(trace(CellKind.GRU, GruReset.BEFORE), 1, 0);
        assertEquals(null, onFx(view::overlayText));
        assertEquals(null, onFx(view::hoveredNode));
    }

    @Test
    void clickingAUnitInAStripReportsIt(FxRobot robot) throws Exception {
        Trace trace = trace(CellKind.GRU, GruReset.BEFORE);
        show(trace, 1, 0);
        AtomicInteger picked = new AtomicInteger(-1);
        view.setOnUnitSelected(picked::set);
        Point2D cell = onFx(() -> {
            DiagramLayout layout = new DiagramLayout(CellStructure.of(CellKind.GRU, GruReset.BEFORE), view.getWidth(),
                    view.getHeight());
            DiagramLayout.Box strip = layout.strip("update");
            return view.localToScreen(strip.left() + strip.w() * (4.5 / HIDDEN), strip.cy());
        });
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, picked.get());
    }

    @Test
    void followsItsParentsSize() throws Exception {
        show(trace(CellKind.LSTM, GruReset.AFTER), 1, 0);
        onFx(() -> {
            stage.setWidth(700);
            stage.setHeight(350);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = onFx(view::getWidth);
        assertTrue(width <= 700 && width > 600, "width " + width);
    }

    @Test
    void manyChangesWithinOneFrameRepaintOnce() throws Exception {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        show(trace, 0, 0);
        long before = onFx(() -> {
            long paints = view.paintCount();
            for (int i = 0; i < 30; i++) {
                view.show(trace, i % trace.length(), i % HIDDEN);
            }
            return paints;
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        long paints = onFx(view::paintCount) - before;
        assertTrue(paints >= 1 && paints <= 2, paints + " paints");
    }

    @Test
    void frameTimerStopsOnceNothingIsLeftToPaint() throws Exception {
        Trace trace = trace(CellKind.LSTM, GruReset.AFTER);
        show(trace, 0, 0);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(view::isRepaintPending), "idle: no timer");
        long paints = onFx(view::paintCount);
        onFx(() -> {
            view.show(trace, 1, 0);
            return view.isRepaintPending();
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(view::paintCount) > paints, "a change repaints");
        assertFalse(onFx(view::isRepaintPending), "and the timer stops again");
    }

    @Test
    void unitStripsFollowANewSize() throws Exception {
        Trace trace = trace(CellKind.GRU, GruReset.BEFORE);
        show(trace, 1, 0);
        onFx(() -> {
            stage.setWidth(800);
            stage.setHeight(420);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int picked = onFx(() -> {
            DiagramLayout.Box strip = new DiagramLayout(CellStructure.of(CellKind.GRU, GruReset.BEFORE),
                    view.getWidth(), view.getHeight()).strip("update");
            return view.unitAt(strip.left() + strip.w() * (2.5 / HIDDEN), strip.cy()).orElse(-1);
        });
        assertEquals(2, picked);
    }

    /** At the smallest size the window gives it and at full screen, no two things overlap and all fit. */
    @ParameterizedTest
    @MethodSource("cells")
    void nothingOverlapsFromSmallToFullScreen(CellKind cell, GruReset reset) {
        for (double[] size : new double[][] {{700, 350}, {1100, 500}, {1920, 1080}, {900, 700}}) {
            DiagramLayout layout = new DiagramLayout(CellStructure.of(cell, reset), size[0], size[1]);
            List<String> names = new ArrayList<>();
            List<DiagramLayout.Box> boxes = new ArrayList<>();
            for (CellStructure.Node node : layout.structure().nodes()) {
                if (node.kind() == CellStructure.NodeKind.JUNCTION || node.kind() == CellStructure.NodeKind.EXIT) {
                    continue;
                }
                DiagramLayout.Box box = layout.box(node.id());
                if (node.showsValue()) {
                    DiagramLayout.Box strip = layout.strip(node.id());
                    box = new DiagramLayout.Box(box.cx(), (box.top() + strip.bottom()) / 2, box.w(),
                            strip.bottom() - box.top());
                }
                assertTrue(box.left() >= 0 && box.right() <= size[0] && box.top() >= 0 && box.bottom() <= size[1],
                        node.id() + " outside " + size[0] + "×" + size[1]);
                for (int i = 0; i < boxes.size(); i++) {
                    DiagramLayout.Box other = boxes.get(i);
                    boolean apart = box.right() <= other.left() || other.right() <= box.left()
                            || box.bottom() <= other.top() || other.bottom() <= box.top();
                    assertTrue(apart, node.id() + " overlaps " + names.get(i) + " at " + size[0] + "×" + size[1]);
                }
                names.add(node.id());
                boxes.add(box);
            }
        }
    }

    @Test
    void numbersHaveTwoDecimalsAndATrueMinus() {
        assertEquals("0.91", Equations.number(0.9149));
        assertEquals("\u22120.30", Equations.number(-0.3));
        assertEquals("0.00", Equations.number(-0.001));
    }

    /** The convention each cell's note must name: where it departs from the slide or from PyTorch. */
    static Stream<Arguments> notes() {
        return Stream.of(
                Arguments.of(CellKind.RNN, GruReset.AFTER, List.of("no gates", "no memory cell")),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER, List.of("Γr ≡ 1", "Γu = 1 − z")),
                Arguments.of(CellKind.GRU, GruReset.BEFORE, List.of("reset before", "Γr ⊙ c<t-1>, then W_hn",
                        "Γu = 1 − z")),
                Arguments.of(CellKind.GRU, GruReset.AFTER, List.of("reset after", "W_hn c<t-1> + b_hn, then Γr ⊙",
                        "Γu = 1 − z")),
                Arguments.of(CellKind.LSTM, GruReset.AFTER, List.of("a<t> = Γo ⊙ tanh(c<t>)", "the slide writes")),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER, List.of("Γu, Γf peek at c<t-1>",
                        "Γo at the new c<t>")));
    }

    @ParameterizedTest
    @MethodSource("notes")
    void everyCellsNoteNamesItsConvention(CellKind cell, GruReset reset, List<String> fragments) {
        String note = DiagramPainter.note(trace(cell, reset));
        for (String fragment : fragments) {
            assertTrue(note.contains(fragment), cell + " (" + reset + ") note should say \"" + fragment + "\": " + note);
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void everyQuantityNodesTooltipIsThatQuantitysEquationWithItsValue(CellKind cell, GruReset reset) {
        Trace trace = trace(cell, reset);
        int t = 1;
        int unit = 2;
        for (CellStructure.Node node : CellStructure.of(cell, reset).nodes()) {
            if (node.isQuantityNode()) {
                Quantity quantity = node.quantity();
                String tooltip = Equations.forNode(node, trace, t, unit);
                assertEquals(Equations.forQuantity(trace, t, unit, quantity), tooltip, node.id());
                assertTrue(tooltip.contains(quantity.symbol()), node.id() + " names " + quantity.symbol() + ": "
                        + tooltip);
                assertTrue(tooltip.contains("= " + Equations.number(trace.value(quantity, t, unit))),
                        node.id() + " shows the trace's value: " + tooltip);
            }
        }
    }

    private static List<String> memoryLine(CellStructure structure) {
        List<String> line = new ArrayList<>();
        String at = "cPrev";
        line.add(at);
        while (true) {
            String current = at;
            String next = structure.edges().stream()
                    .filter(e -> e.from().equals(current) && e.kind() == CellStructure.EdgeKind.MEMORY)
                    .map(CellStructure.Edge::to).findFirst().orElse(null);
            if (next == null) {
                return line;
            }
            line.add(next);
            at = next;
        }
    }

    /** The gates reached by peephole lines that start from the given nodes of the memory line. */
    private static Set<String> peepholeTargetsFrom(CellStructure structure, List<String> starts) {
        Set<String> targets = new java.util.HashSet<>();
        List<String> frontier = new ArrayList<>(starts);
        Set<String> seen = new java.util.HashSet<>(starts);
        while (!frontier.isEmpty()) {
            String from = frontier.remove(0);
            for (CellStructure.Edge edge : structure.edges()) {
                if (edge.from().equals(from) && edge.kind() == CellStructure.EdgeKind.PEEPHOLE && seen.add(edge.to())) {
                    CellStructure.Node target = structure.node(edge.to());
                    if (target.kind() == CellStructure.NodeKind.GATE) {
                        targets.add(target.id());
                    } else {
                        frontier.add(target.id());
                    }
                }
            }
        }
        return targets;
    }

    private static boolean hasEdge(CellStructure structure, String from, String to) {
        return structure.edges().stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to));
    }

    /** Runs {@code action} on the FX thread and rethrows what it threw here (without TestFX's stderr dump). */
    private static <T> T onFxThrowing(Callable<T> action) throws Throwable {
        Throwable[] thrown = new Throwable[1];
        Object result = WaitForAsyncUtils.asyncFx(() -> {
            try {
                return action.call();
            } catch (Exception | Error e) {
                thrown[0] = e;
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        if (thrown[0] != null) {
            throw thrown[0];
        }
        @SuppressWarnings("unchecked")
        T typed = (T) result;
        return typed;
    }
}
