package org.gatescope.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TeachingViewModel;

/**
 * The Teach menu: counterfactuals (flip the number of the current token, or replace it by any word),
 * gate clamps (a dialog, or shut the diagram unit's Γu at this token in one key), memory accounting from
 * the current token, and their PNG exports. Every item asks {@link TeachingViewModel}; this only builds the
 * menu and its dialogs.
 */
final class TeachMenu {

    private TeachMenu() {
    }

    static Menu create(ExplorerViewModel explorer, Supplier<Window> window, Runnable showDifference) {
        TeachingViewModel teaching = explorer.teaching();
        MenuItem flip = item("Flip the number of this token (cat \u2192 cats)", "Shortcut+D", teaching::flipNumber);
        flip.setId("flip-number");
        MenuItem replace = item("Replace this token\u2026", null, () -> askReplacement(explorer, window.get()));
        replace.setId("replace-token");
        MenuItem difference = item("Show the counterfactual\u2026", "Shortcut+Shift+D", showDifference);
        difference.setId("show-counterfactual");
        MenuItem clearCounterfactual = item("Clear the counterfactual", null, teaching::clearCounterfactual);
        clearCounterfactual.disableProperty().bind(teaching.counterfactualProperty().isNull());

        MenuItem clamp = item("Clamp a gate\u2026", "Shortcut+K", () -> askClamp(explorer, window.get()));
        clamp.setId("clamp-gate");
        MenuItem shut = item("Shut \u0393u of the diagram's unit at this token", "Shortcut+Shift+K",
                () -> shutUpdateGate(explorer));
        shut.setId("shut-update-gate");
        MenuItem clearClamps = item("Clear clamps", null, teaching::clearClamps);
        clearClamps.setId("clear-clamps-item");
        clearClamps.disableProperty().bind(teaching.clampedProperty().isNull());

        MenuItem memory = item("Memory from this token", "Shortcut+M", teaching::toggleMemoryFromHere);
        memory.setId("memory-from-here");
        MenuItem hideMemory = item("Hide the memory accounting", null, teaching::hideMemory);
        hideMemory.disableProperty().bind(Bindings.createBooleanBinding(
                () -> teaching.memoryFromProperty().get() < 0, teaching.memoryFromProperty()));

        MenuItem exportDiff = item("Export the counterfactual as PNG\u2026", null,
                () -> choosePng(window.get(), explorer, "counterfactual", teaching::exportCounterfactual));
        exportDiff.disableProperty().bind(teaching.counterfactualProperty().isNull());
        MenuItem exportMemory = item("Export the memory accounting as PNG\u2026", null,
                () -> choosePng(window.get(), explorer, "memory", teaching::exportMemory));
        exportMemory.disableProperty().bind(hideMemory.disableProperty());
        Menu menu = new Menu("Teach", null, flip, replace, difference, clearCounterfactual, new SeparatorMenuItem(),
                clamp, shut, clearClamps, new SeparatorMenuItem(), memory, hideMemory, new SeparatorMenuItem(),
                exportDiff, exportMemory);
        menu.setId("teach-menu");
        // named as the menu opens, the only time it is seen: naming it reads the English lexicon, a quarter
        // of a second cold, which the window's first frames do not need (docs/decisions/0028)
        menu.setOnShowing(e -> flip.setText(flipLabel(explorer)));
        return menu;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** "Flip the number of this token (cat → cats)" with the current token's own flip, or saying it has none. */
    private static String flipLabel(ExplorerViewModel explorer) {
        Trace trace = explorer.primary().getTrace();
        int at = explorer.getStep();
        Optional<String> flip = explorer.teaching().suggestion(at);
        if (trace == null || at >= trace.length()) {
            return "Flip the number of this token (cat \u2192 cats)";
        }
        return flip.isPresent()
                ? "Flip the number of this token (" + trace.tokens().get(at) + " \u2192 " + flip.get() + ")"
                : "Flip the number of this token (\u201C" + trace.tokens().get(at) + "\u201D has no other number)";
    }

    private static void askReplacement(ExplorerViewModel explorer, Window owner) {
        Trace trace = explorer.primary().getTrace();
        if (trace == null) {
            explorer.showError("Nothing to compare: trace a sentence first");
            return;
        }
        int at = Math.min(explorer.getStep(), trace.length() - 1);
        TextInputDialog dialog = new TextInputDialog(explorer.teaching().suggestion(at).orElse(""));
        dialog.setTitle("Replace a token");
        dialog.setHeaderText("Replace \u201C" + trace.tokens().get(at) + "\u201D (token " + (at + 1)
                + ") and see what changes in every unit and the prediction.");
        dialog.setContentText("Replace by:");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.showAndWait().ifPresent(word -> explorer.teaching().replace(at, word));
    }

    private static void askClamp(ExplorerViewModel explorer, Window owner) {
        Trace trace = explorer.primary().getTrace();
        if (trace == null || explorer.primary().getModel() == null) {
            explorer.showError(explorer.primary().getImported() != null
                    ? "Clamping works on GateScope's models; this one was trained elsewhere"
                    : "Nothing to clamp: trace a sentence first");
            return;
        }
        if (!GateClamp.has(trace.cell(), Quantity.UPDATE_GATE)) {
            explorer.showError("The vanilla RNN has no gates to clamp");
            return;
        }
        int at = Math.min(explorer.getStep(), trace.length() - 1);
        ClampDialog.ask(owner, trace, at, Math.min(explorer.primary().getPrimaryUnit(), trace.hidden() - 1))
                .ifPresent(explorer.teaching()::addClamp);
    }

    /** Γu of the diagram's unit forced to 0 at the current token: what it would have written is never written. */
    private static void shutUpdateGate(ExplorerViewModel explorer) {
        Trace trace = explorer.primary().getTrace();
        int at = trace == null ? 0 : Math.min(explorer.getStep(), trace.length() - 1);
        explorer.teaching().addClamp(GateClamp.unit(Quantity.UPDATE_GATE, explorer.primary().getPrimaryUnit(), at, at,
                0.0));
    }

    private static void choosePng(Window owner, ExplorerViewModel explorer, String what, Consumer<Path> export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + what + " as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(explorer.primary().modelNameProperty().get().replace(".safetensors", "") + "-"
                + what + ".png");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            Path target = file.toPath();
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                target = target.resolveSibling(target.getFileName() + ".png");
            }
            export.accept(target);
        }
    }
}
