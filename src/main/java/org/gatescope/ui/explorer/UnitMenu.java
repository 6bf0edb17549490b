package org.gatescope.ui.explorer;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * The right-click menu of a unit, the same wherever the main cell's units are shown (the side
 * panel's list, the diagram's unit strips, the heatmap rows): silence the unit from the first
 * token, or from the token the click was on (the current token where the view has no tokens).
 *
 * <p>The menu opens on the platform's context-menu request and on a secondary-button press:
 * not every platform sends the request (Monocle, the headless test platform, never does:
 * TestFX issue 645), and where both arrive for one click the second finds the menu already
 * open for that unit and token and does nothing.
 */
public final class UnitMenu {

    /** A unit, and the token silencing it "from here on" starts at. */
    public record Target(int unit, int step) {
    }

    /** Which unit (and token) a point of a view shows, in the coordinates of the node the menu is on. */
    @FunctionalInterface
    public interface Locator {
        Optional<Target> at(double x, double y);
    }

    private final ExplorerViewModel explorer;
    private final ContextMenu menu = new ContextMenu();
    private Target shownFor;

    private UnitMenu(ExplorerViewModel explorer) {
        this.explorer = explorer;
        menu.getStyleClass().add("unit-menu");
        menu.setOnHidden(e -> shownFor = null);
    }

    /**
     * Gives {@code node} the unit menu: a right click where {@code locator} finds a unit of the
     * main cell opens it for that unit.
     *
     * @param node the view (or the part of it) that shows units; gains two event handlers
     * @param explorer whose main cell the menu silences a unit of
     * @param locator the unit and token at a point of {@code node}, empty where there is none
     */
    public static void install(Node node, ExplorerViewModel explorer, Locator locator) {
        UnitMenu unitMenu = new UnitMenu(explorer);
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                locator.at(e.getX(), e.getY()).ifPresent(t -> unitMenu.show(node, t, e.getScreenX(), e.getScreenY()));
            }
        });
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            Optional<Target> target = locator.at(e.getX(), e.getY());
            target.ifPresent(t -> unitMenu.show(node, t, e.getScreenX(), e.getScreenY()));
            if (target.isPresent()) {
                e.consume();
            }
        });
    }

    private void show(Node owner, Target target, double screenX, double screenY) {
        Trace trace = explorer.primary().getTrace();
        if (trace == null || target.unit() < 0 || target.unit() >= trace.hidden()) {
            return;
        }
        if (menu.isShowing() && target.equals(shownFor)) {
            return; // the same click's second trigger
        }
        menu.hide();
        menu.getItems().setAll(items(trace, target));
        shownFor = target;
        menu.show(owner, screenX, screenY);
    }

    /** The menu's items for {@code target} in {@code trace}: what is silenced, named in the lecture's terms. */
    private List<MenuItem> items(Trace trace, Target target) {
        int unit = target.unit();
        int step = Math.max(0, Math.min(target.step(), trace.length() - 1));
        MenuItem silence = new MenuItem("Silence unit " + unit + " (" + silencedState(trace) + " = 0 at every token)");
        silence.setId("silence-unit");
        silence.setOnAction(e -> explorer.silenceUnit(unit, 0));
        // a backward direction reads the input last to first: "from here on" is this token and those before it
        boolean backward = readsBackward(explorer);
        MenuItem fromHere = new MenuItem("Silence unit " + unit + " from \u201C" + trace.tokens().get(step)
                + "\u201D on (" + stateSymbol(trace) + " = 0 " + (backward ? "at tokens " + (step + 1) + " \u2026 1"
                : "from token " + (step + 1)) + ")");
        fromHere.setId("silence-unit-from-here");
        fromHere.setMnemonicParsing(false); // the token as typed: "my_var", not "myvar"
        silence.setMnemonicParsing(false);
        fromHere.setOnAction(e -> explorer.silenceUnit(unit, step));
        return List.of(silence, fromHere);
    }

    /** Whether the main cell shows the backward direction of a bidirectional layer. */
    static boolean readsBackward(ExplorerViewModel explorer) {
        var traced = explorer.primary().getNetworkTrace();
        int layer = explorer.primary().selectedLayerProperty().get();
        return explorer.primary().getImported() != null && traced != null && layer < traced.layers().size()
                && traced.layers().get(layer).backward();
    }

    /**
     * What silencing forces to 0, named: the memory cell c&lt;t&gt; (a GRU's c is its a), or the
     * vanilla RNN's hidden state a&lt;t&gt;, the only state it has.
     */
    static String silencedState(Trace trace) {
        return trace.has(Quantity.MEMORY_CELL) ? "memory cell c<t>" : "hidden state a<t>";
    }

    /** The symbol of what silencing forces to 0: c&lt;t&gt;, or a&lt;t&gt; for the vanilla RNN. */
    static String stateSymbol(Trace trace) {
        return trace.has(Quantity.MEMORY_CELL) ? "c<t>" : "a<t>";
    }
}
