package org.gatescope.ui.explorer;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import org.gatescope.engine.Trace;

/**
 * Stepping and playback: first, back, play/pause, forward, last, where we are, and the speed.
 * While playing, a frame clock advances the view model one token per 1/speed seconds.
 */
public final class PlaybackBar extends HBox {

    private static final String FIRST = "M2 2h2v12H2z M14 2v12L5 8z";
    private static final String BACK = "M12 2v12L3 8z";
    private static final String PLAY = "M4 2v12l10-6z";
    private static final String PAUSE = "M3 2h4v12H3z M9 2h4v12H9z";
    private static final String FORWARD = "M4 2v12l9-6z";
    private static final String LAST = "M12 2h2v12h-2z M2 2v12l9-6z";

    private final ExplorerViewModel explorer;
    private final Label position = new Label();
    private final SVGPath playIcon = icon(PLAY);
    private final Slider speed;
    private final Label speedLabel = new Label();

    private final AnimationTimer clock = new AnimationTimer() {
        private long last = -1;
        private double owed;

        @Override
        public void handle(long now) {
            if (!explorer.isPlaying()) {
                last = -1;
                owed = 0;
                return;
            }
            if (last < 0) {
                last = now;
                owed = 0;
                return;
            }
            owed += (now - last) / 1e9 * explorer.speedProperty().get();
            last = now;
            while (owed >= 1 && explorer.isPlaying()) {
                owed -= 1;
                explorer.advancePlayback();
            }
        }
    };

    /** @param middle what sits between the buttons and the speed slider (the token strip), growing */
    public PlaybackBar(ExplorerViewModel explorer, javafx.scene.Node middle) {
        this.explorer = explorer;
        getStyleClass().add("playback-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        Button first = button("step-first", FIRST, "First token (Home)", explorer::first);
        Button back = button("step-back", BACK, "Previous token (\u2190)", explorer::stepBack);
        ToggleButton play = new ToggleButton();
        play.setId("play");
        play.setGraphic(playIcon);
        play.getStyleClass().addAll("icon-button", "play-button");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> {
            explorer.togglePlay();
            play.setSelected(explorer.isPlaying());
        });
        Button forward = button("step-forward", FORWARD, "Next token (\u2192)", explorer::stepForward);
        Button last = button("step-last", LAST, "Last token (End)", explorer::last);

        position.getStyleClass().add("position");
        position.setId("position");
        position.setMinWidth(Region.USE_PREF_SIZE);

        speed = new Slider(ExplorerViewModel.MIN_SPEED, ExplorerViewModel.MAX_SPEED, explorer.speedProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Playback speed in tokens per second (+ / \u2212)"));
        speed.valueProperty().addListener((obs, old, value) -> explorer.setSpeed(value.doubleValue()));
        explorer.speedProperty().addListener((obs, old, value) -> {
            if (Math.abs(speed.getValue() - value.doubleValue()) > 1e-9) {
                speed.setValue(value.doubleValue());
            }
            updateSpeedLabel();
        });
        speedLabel.getStyleClass().add("muted");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label speedTitle = new Label("Speed");
        speedTitle.getStyleClass().add("muted");

        HBox.setHgrow(middle, Priority.ALWAYS);
        getChildren().addAll(first, back, play, forward, last, position, middle, speedTitle, speed, speedLabel);

        explorer.playingProperty().addListener((obs, old, playing) -> {
            playIcon.setContent(playing ? PAUSE : PLAY);
            play.setSelected(playing);
        });
        explorer.stepProperty().addListener(o -> updatePosition());
        explorer.lengthProperty().addListener(o -> updatePosition());
        explorer.primary().traceProperty().addListener(o -> updatePosition());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                clock.start();
            }
        });
        updatePosition();
        updateSpeedLabel();
    }

    private void updatePosition() {
        Trace trace = explorer.primary().getTrace();
        if (trace == null) {
            position.setText("\u2013 / \u2013");
            return;
        }
        int step = Math.min(explorer.getStep(), trace.length() - 1);
        position.setText(String.format(Locale.ROOT, "%,d / %,d", step + 1, trace.length()));
    }

    private void updateSpeedLabel() {
        speedLabel.setText(String.format(Locale.ROOT, "%.1f tokens/s", explorer.speedProperty().get()));
    }

    private static Button button(String id, String path, String tip, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(icon(path));
        button.getStyleClass().add("icon-button");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static SVGPath icon(String path) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
