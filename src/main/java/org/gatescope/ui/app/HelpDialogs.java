package org.gatescope.ui.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help ▸ Keyboard shortcuts and Help ▸ About the notation. */
public final class HelpDialogs {

    /** Every shortcut: key, what it does. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"\u2192  /  \u2190", "next / previous token"},
            new String[] {"Home  /  End", "first / last token"},
            new String[] {"Space", "play / pause"},
            new String[] {"+  /  \u2212", "play faster / slower"},
            new String[] {"\u2191  /  \u2193", "previous / next unit (the diagram's and the gate bars')"},
            new String[] {"", "in the compare view: of the column clicked last (its header is tinted)"},
            new String[] {"1 2 3 4 5", "RNN, simple GRU, GRU, LSTM, peephole LSTM"},
            new String[] {"C", "compare two cells side by side"},
            new String[] {"A", "show a<t> on the timeline too"},
            new String[] {"R", "show the memory reach (the gradient of log p(verb) for each c<t>)"},
            new String[] {"P", "hide or show the side panel (more room for the cells on a small screen)"},
            new String[] {"F11", "presentation mode: full screen, larger, no side panel (F11 or Esc: back)"},
            new String[] {"Ctrl +  /  Ctrl \u2212  /  Ctrl 0", "zoom every view in / out (70 % to 250 %) / back to 100 %"},
            new String[] {"View \u25B8 Colour-blind-safe colours", "blue\u2013orange and Okabe\u2013Ito colours in every view and export"},
            new String[] {"L  /  Shift+L", "next / previous layer of a model trained elsewhere (compare view: the column clicked last)"},
            new String[] {"right-click a unit", "silence it and compare p(was) and p(were)"},
            new String[] {"Enter  or  F2  or  Ctrl+L", "edit the sentence"},
            new String[] {"Enter  (in the sentence)", "trace it now and leave the field"},
            new String[] {"Esc", "leave the sentence field / dismiss a message"},
            new String[] {"Ctrl+O", "open a model file"},
            new String[] {"Ctrl+E", "export all heatmaps as PNG"},
            new String[] {"Ctrl+Shift+C", "copy the heatmaps image"},
            new String[] {"Ctrl+T", "train a model (in its own window)"},
            new String[] {"Ctrl+Shift+S", "gate saturation scatter (in its own window; Ctrl+S there exports it)"},
            new String[] {"Ctrl+Shift+T", "state-space trajectories: the sentence and its counterfactual on two principal components"},
            new String[] {"Ctrl+Shift+P", "linear probe of the subject's number (or your labels), against the number units"},
            new String[] {"Ctrl+Shift+R", "reading view: a long text coloured by one unit (\u2191\u2193 unit, \u2190\u2192 gate); drag to search units"},
            new String[] {"Ctrl+D", "flip the number of this token (cat \u2192 cats) and compare"},
            new String[] {"Ctrl+Shift+D", "the counterfactual's \u0394 heatmaps (in their own window; Ctrl+S there exports)"},
            new String[] {"Ctrl+K", "clamp a gate (of a unit or all, over tokens, to a value)"},
            new String[] {"Ctrl+Shift+K", "shut \u0393u of the diagram's unit at this token"},
            new String[] {"Ctrl+M", "memory accounting from this token (again: hide it)"},
            new String[] {"Ctrl + mouse wheel", "zoom the timeline and heatmaps"},
            new String[] {"Ctrl + Shift + wheel", "taller / shorter heatmap rows (or \"fit | zoom\" under the bands)"},
            new String[] {"Esc  (train window)", "close it (asks first while a run is under way or unsaved)"},
            new String[] {"F1", "this list"});

    static final String NOTATION = String.join("\n\n",
            "GateScope speaks the lecture's notation: x<t> is the token's embedding, a<t\u22121> the previous "
                    + "activation, c<t\u22121> the previous memory cell, \u03C3 the logistic sigmoid, \u2299 the "
                    + "elementwise product.",
            "\u0393u is the lecture's update gate: how much of the candidate c\u0303<t> is written into the memory "
                    + "cell. For an LSTM it is PyTorch's input gate i. For a GRU it is 1 \u2212 z: PyTorch's z is "
                    + "the gate that keeps the old value, the lecture's \u0393u the one that writes the new one. "
                    + "GateScope always shows \u0393u = 1 \u2212 z.",
            "LSTM: c<t> = \u0393u \u2299 c\u0303<t> + \u0393f \u2299 c<t\u22121>, and a<t> = \u0393o \u2299 "
                    + "tanh(c<t>). The slide writes a<t> = \u0393o \u2299 c<t>; every framework applies tanh "
                    + "before \u0393o, and so does GateScope.",
            "Peephole LSTM: \u0393u and \u0393f peek at the old cell c<t\u22121>; \u0393o peeks at the new cell "
                    + "c<t> (Gers et al. 2002, TensorFlow 1, ONNX). The lecture says all three peek at "
                    + "c<t\u22121>.",
            "GRU, reset before (the lecture's, Cho et al. 2014): c\u0303<t> = tanh(W x<t> + U (\u0393r \u2299 "
                    + "c<t\u22121>) + b). Reset after (PyTorch, cuDNN): c\u0303<t> = tanh(W x<t> + b + \u0393r "
                    + "\u2299 (U c<t\u22121> + b')). The same weights give different cells; a model file says "
                    + "which it is. In a GRU, a<t> = c<t>.",
            "Simplified GRU: the lecture's first version, with no relevance gate (\u0393r \u2261 1). The vanilla "
                    + "RNN has no memory cell and no gates: a<t> = tanh(W x<t> + U a<t\u22121> + b).");

    private HelpDialogs() {
    }

    public static void shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (String[] shortcut : SHORTCUTS) {
            Label key = new Label(shortcut[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, key, new Label(shortcut[1]));
        }
        Label note = new Label("The keys work wherever the focus is, except while typing in the sentence.");
        note.getStyleClass().add("muted");
        show(owner, "Keyboard shortcuts", new VBox(10, grid, note), -1);
    }

    public static void notation(Window owner) {
        VBox paragraphs = new VBox(12);
        for (String paragraph : NOTATION.split("\n\n")) {
            TextFlow flow = new TextFlow();
            // Each c̃ in a text node of its own: JavaFX misplaces line breaks in a run with a combining mark.
            String[] parts = paragraph.split("(?=c\u0303)|(?<=c\u0303)");
            for (String part : parts) {
                Text text = new Text(part);
                text.getStyleClass().add("help-text");
                flow.getChildren().add(text);
            }
            flow.setPrefWidth(660);
            flow.setMaxWidth(660);
            paragraphs.getChildren().add(flow);
        }
        show(owner, "About the notation", paragraphs, 720);
    }

    /** A small window of help: the content, and a Close button (Esc or Enter close it too). */
    private static Stage show(Window owner, String title, javafx.scene.Node content, double width) {
        Label heading = new Label(title);
        heading.getStyleClass().add("help-title");
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(14, heading, content, buttons);
        box.setPadding(new Insets(18, 22, 16, 22));
        box.getStyleClass().add("help-dialog");
        if (width > 0) {
            box.setPrefWidth(width);
        }
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(box);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setResizable(false);
        close.setOnAction(e -> stage.close());
        stage.sizeToScene();
        stage.show();
        return stage;
    }
}
