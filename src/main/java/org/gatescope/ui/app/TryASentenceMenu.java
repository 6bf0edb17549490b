package org.gatescope.ui.app;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import org.gatescope.engine.Model;
import org.gatescope.text.ExampleSentences;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TryASentence;

/**
 * The menu "Try a sentence": one submenu per agreement construction, each example with its number
 * and attractors, one click sets it as the sentence. Examples with words the current model does
 * not know stay offered (their trace shows what the model made of them) and say which words those are.
 */
final class TryASentenceMenu extends Menu {

    private static final System.Logger LOG = System.getLogger(TryASentenceMenu.class.getName());

    private final ExplorerViewModel explorer;
    private final Runnable afterChoice;

    /**
     * @param afterChoice run once a sentence is set (focus back to the window, so the arrows step through it)
     */
    TryASentenceMenu(ExplorerViewModel explorer, Runnable afterChoice) {
        super("Try a sentence");
        this.explorer = explorer;
        this.afterChoice = afterChoice;
        setId("try-menu");
        setMnemonicParsing(false);
        explorer.primary().modelProperty().addListener(o -> rebuild());
        explorer.primary().importedProperty().addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Model model = explorer.primary().getModel();
        List<TryASentence.Group> groups;
        try {
            // a model trained elsewhere reads the text through its own tokenizer: nothing to mark
            groups = TryASentence.groups(ExampleSentences.bundled(), model == null ? null : model.vocabulary());
        } catch (RuntimeException e) { // a broken examples file in the build: the window opens without the menu
            LOG.log(System.Logger.Level.ERROR, "Cannot read the example sentences", e);
            groups = List.of();
        }
        getItems().clear();
        for (TryASentence.Group group : groups) {
            Menu submenu = new Menu(group.title() + (group.withUnknownWords() == 0 ? ""
                    : "   (" + group.withUnknownWords() + " with unknown words)"));
            submenu.setId("try-" + group.construction());
            submenu.setMnemonicParsing(false);
            for (TryASentence.Entry entry : group.entries()) {
                submenu.getItems().add(item(entry));
            }
            getItems().add(submenu);
        }
        boolean readsText = explorer.primary().getImported() == null || explorer.primary().getImported().readsText();
        setDisable(getItems().isEmpty() || !readsText);
    }

    private MenuItem item(TryASentence.Entry entry) {
        Label sentence = new Label(entry.example().sentence());
        sentence.setMnemonicParsing(false);
        Label about = new Label(entry.example().describe());
        about.getStyleClass().add("try-about");
        HBox graphic = new HBox(10, sentence, about);
        MenuItem item = new MenuItem(null, graphic);
        item.setMnemonicParsing(false);
        item.getStyleClass().add("try-sentence");
        if (!entry.unknown().isEmpty()) {
            Label unknown = new Label(entry.unknownSummary());
            unknown.setMnemonicParsing(false);
            unknown.getStyleClass().add("try-unknown");
            graphic.getChildren().add(unknown);
            item.getStyleClass().add("has-unknown");
        }
        item.setUserData(entry);
        item.setOnAction(e -> {
            explorer.setSentenceNow(entry.example().sentence());
            afterChoice.run();
        });
        return item;
    }
}
