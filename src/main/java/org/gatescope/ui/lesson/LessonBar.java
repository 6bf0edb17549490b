package org.gatescope.ui.lesson;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The open lesson, under the sentence: which lesson and step ("step 2 of 6"), the step's text with its live
 * numbers, and Back, Next and Leave. Hidden without a lesson. A thin view of {@link LessonViewModel}.
 */
public final class LessonBar extends VBox {

    public LessonBar(LessonViewModel lessons) {
        getStyleClass().add("lesson-bar");
        setId("lesson-bar");
        Label heading = new Label();
        heading.setId("lesson-heading");
        heading.getStyleClass().add("lesson-heading");
        heading.textProperty().bind(lessons.headingProperty());
        heading.setMinWidth(0);
        // A text flow wraps at the bar's width whatever the window (a wrapping label kept its first width).
        TextFlow flow = new TextFlow();
        flow.setId("lesson-text");
        lessons.textProperty().addListener((obs, old, now) -> flow.getChildren().setAll(runs(now)));
        flow.getChildren().setAll(runs(lessons.textProperty().get()));
        // No width of its own: the bar gives it its content width (fillWidth), and it wraps there. A preferred
        // width of the unwrapped line would widen the bar, and the window's top, past the window's edge.
        flow.setMinWidth(0);
        flow.setPrefWidth(1);
        flow.setMaxWidth(Double.MAX_VALUE);

        Button back = new Button("\u2190 Back");
        back.setId("lesson-back");
        back.setOnAction(e -> lessons.back());
        back.disableProperty().bind(lessons.indexProperty().lessThanOrEqualTo(0));
        Button next = new Button("Next \u2192");
        next.setId("lesson-next");
        next.getStyleClass().add("accent-button");
        next.setOnAction(e -> lessons.next());
        next.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> lessons.lessonProperty().get() == null
                        || lessons.indexProperty().get() >= lessons.lessonProperty().get().size() - 1,
                lessons.lessonProperty(), lessons.indexProperty()));
        Button leave = new Button("Leave the lesson");
        leave.setId("lesson-leave");
        leave.setOnAction(e -> lessons.leave());
        for (Button button : new Button[] {back, next, leave}) {
            button.setFocusTraversable(false); // the arrow keys keep stepping through the sentence
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, back, next, leave);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        getChildren().addAll(top, flow);
        setMinWidth(0);
        setSpacing(4);
        visibleProperty().bind(lessons.activeProperty());
        managedProperty().bind(visibleProperty());
    }

    /**
     * The text as runs, each c&#x303; (c and a combining tilde) a run of its own: in one long run JavaFX
     * measured the line with the combining mark narrower than it drew it, and the line ran past the bar.
     */
    static java.util.List<Text> runs(String text) {
        java.util.List<Text> runs = new java.util.ArrayList<>();
        String rest = text == null ? "" : text;
        int at;
        while ((at = rest.indexOf("c\u0303")) >= 0) {
            if (at > 0) {
                runs.add(run(rest.substring(0, at)));
            }
            runs.add(run("c\u0303"));
            rest = rest.substring(at + 2);
        }
        if (!rest.isEmpty() || runs.isEmpty()) {
            runs.add(run(rest));
        }
        return runs;
    }

    private static Text run(String part) {
        Text text = new Text(part);
        text.getStyleClass().add("lesson-text");
        return text;
    }

    /** The whole text the flow shows (tests). */
    public static String textOf(TextFlow flow) {
        StringBuilder text = new StringBuilder();
        flow.getChildren().forEach(node -> text.append(((Text) node).getText()));
        return text.toString();
    }
}
