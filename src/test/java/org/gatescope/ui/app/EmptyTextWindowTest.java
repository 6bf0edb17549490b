package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An empty text: one message in the window, and the sentence field's placeholder. */
@ExtendWith(ApplicationExtension.class)
class EmptyTextWindowTest {

    @TempDir
    Path folder;

    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UiTestModels.showExplorer(stage, folder);
        view = (ExplorerView) stage.getScene().getRoot();
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    /** Whether {@code node} shows a single colour: nothing written on it. */
    private static boolean blank(FxRobot robot, Node node) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        PixelReader pixels = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        // inside the rounded border: the canvas's own pixels
        int first = pixels.getArgb(w / 2, h / 2);
        for (int y = 4; y < h - 4; y++) {
            for (int x = 4; x < w - 4; x++) {
                if (pixels.getArgb(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void anEmptyTextShowsOneMessageAndThePlaceholder(FxRobot robot) {
        robot.interact(() -> view.sentenceField().clear());
        robot.interact(() -> view.requestFocus()); // the placeholder shows once the field is left
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ExplorerViewModel.EMPTY_HINT, view.sentenceField().getPromptText());
        List<Label> messages = robot.lookup(".empty-hint").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(label -> !label.getText().isEmpty()).toList();
        assertEquals(1, messages.size(), "one message");
        assertEquals(ExplorerViewModel.EMPTY_HINT, messages.get(0).getText());
        assertTrue(blank(robot, view.diagram().diagram), "the diagram writes nothing under the message");
        assertTrue(blank(robot, view.timeline()), "the timeline repeats nothing");
        assertTrue(blank(robot, view.heatmap()), "the heatmaps repeat nothing");
        assertFalse(robot.lookup("#error-banner").query().isVisible(), "an empty text is no error");
    }

    @Test
    void typingAgainBringsTheViewsBack(FxRobot robot) {
        robot.interact(() -> view.sentenceField().clear());
        robot.interact(() -> view.sentenceField().setText("the cat was full ."));
        robot.interact(() -> view.sentenceField().fireEvent(new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(blank(robot, view.heatmap()));
        assertTrue(robot.lookup(".empty-hint").queryAllAs(Label.class).stream().noneMatch(Node::isVisible));
    }
}
