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

    /** More than the bar's left border and padding and its right padding (gatescope.css, .lesson-bar). */
    private static final double TEXT_INSETS = 40;

    public LessonBar(LessonViewModel lessons) {
        getStyleClass().add("lesson-bar");
        setId("lesson-bar");
        Label heading = new Label();
        heading.setId("lesson-heading");
        heading.getStyleClass().add("lesson-heading");
        heading.textProperty().bind(lessons.headingProperty());
        heading.setMinWidth(0);
        // A text flow wraps at the bar's width whatever the window (a wrapping label kept its first width).
        Text text = new Text();
        text.setId("lesson-text");
        text.getStyleClass().add("lesson-text");
        text.textProperty().bind(lessons.textProperty());
        TextFlow flow = new TextFlow(text);
        flow.setMinWidth(0);
        // at most the bar's width less its border and padding (set in CSS, so not known here: 40 px covers them)
        flow.prefWidthProperty().bind(widthProperty().subtract(TEXT_INSETS));
        flow.maxWidthProperty().bind(widthProperty().subtract(TEXT_INSETS));

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
        setSpacing(4);
        visibleProperty().bind(lessons.activeProperty());
        managedProperty().bind(visibleProperty());
    }
}
