package org.gatescope.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.render.HeatmapImage;

/**
 * The explorer window's content: menu bar, sentence, token strip, playback controls, the cell
 * (diagram, timeline, heatmaps) or two cells side by side in the compare view, the side panel
 * and the status line. A thin view: every action goes to {@link ExplorerViewModel}.
 */
public final class ExplorerView extends BorderPane {

    private final ExplorerViewModel explorer;
    private final TextField sentence = new TextField();
    private final TokenStrip tokenStrip;
    private final TokenViewport mainAxis = new TokenViewport();
    private final TokenViewport rightAxis = new TokenViewport();
    private final DiagramPane diagram;
    private final TimelineView timeline;
    private final HeatmapView heatmap;
    private final DiagramPane rightDiagram;
    private final TimelineView rightTimeline;
    private final SidePanel sidePanel;
    private final StackPane centre = new StackPane();
    private final SplitPane single = new SplitPane();
    private final SplitPane compare = new SplitPane();
    private final VBox emptyState;
    private boolean syncingSentence;
    private SaturationWindow saturation;

    private javafx.stage.Stage trainStage;

    public ExplorerView(ExplorerViewModel explorer) {
        this.explorer = explorer;
        getStyleClass().add("explorer");
        tokenStrip = new TokenStrip(explorer);
        tokenStrip.setId("token-strip");
        diagram = new DiagramPane(explorer, explorer.primary());
        diagram.setId("diagram");
        timeline = new TimelineView(explorer, explorer.primary(), mainAxis);
        timeline.setId("timeline");
        heatmap = new HeatmapView(explorer, explorer.primary(), mainAxis);
        heatmap.setId("heatmap");
        rightDiagram = new DiagramPane(explorer, explorer.comparison());
        rightDiagram.setId("compare-diagram");
        rightTimeline = new TimelineView(explorer, explorer.comparison(), rightAxis);
        rightTimeline.setId("compare-timeline");
        rightTimeline.setOwnScrollBar(true);
        sidePanel = new SidePanel(explorer, this::chooseModelFile);
        sidePanel.setId("side-panel");

        single.setOrientation(Orientation.VERTICAL);
        single.getStyleClass().add("main-split");
        compare.setOrientation(Orientation.HORIZONTAL);
        compare.getStyleClass().add("compare-split");
        emptyState = emptyState();
        centre.getChildren().addAll(single, compare, emptyState);
        centre.getStyleClass().add("centre");

        VBox top = new VBox(menuBar(), sentenceBar(), banner(), new PlaybackBar(explorer, tokenStrip));
        top.getStyleClass().add("top-area");
        setTop(top);
        setCenter(centre);
        // Scrolls when a short window cannot fit it all (the ablation box adds to it).
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(sidePanel);
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setRight(sideScroll);
        setBottom(statusBar());

        explorer.compareProperty().addListener(o -> arrangeCentre());
        emptyState.visibleProperty().bind(explorer.noModelProperty());
        arrangeCentre();

        sentence.setText(explorer.sentenceProperty().get());
        sentence.textProperty().addListener((obs, old, text) -> {
            if (!syncingSentence) {
                explorer.setSentence(text);
            }
        });
        explorer.sentenceProperty().addListener((obs, old, text) -> {
            if (!text.equals(sentence.getText())) {
                syncingSentence = true;
                sentence.setText(text);
                syncingSentence = false;
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    // ---- layout -------------------------------------------------------------------------------

    private Node sentenceBar() {
        sentence.setId("sentence");
        sentence.setPromptText(ExplorerViewModel.EMPTY_HINT);
        sentence.getStyleClass().add("sentence-field");
        // One line, cheap to lay out even for a pasted book chapter; a pasted text's line breaks
        // and tabs become spaces (a text field would drop them and glue words together).
        sentence.setTextFormatter(new TextFormatter<String>(change -> {
            String text = change.getText();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
                change.setText(text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
            }
            return change;
        }));
        sentence.setOnAction(e -> {
            explorer.setSentenceNow(sentence.getText());
            requestFocus();
        });
        sentence.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                requestFocus();
                e.consume();
            }
        });
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox bar = new HBox(12, sentence);
        bar.getStyleClass().add("sentence-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node banner() {
        Label message = new Label();
        message.setId("error-message");
        message.textProperty().bind(explorer.errorProperty());
        message.setWrapText(true);
        message.getStyleClass().add("banner-text");
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("Dismiss");
        close.setOnAction(e -> explorer.dismissError());
        close.getStyleClass().add("banner-button");
        Label icon = new Label("!");
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(10, icon, message, close);
        banner.setId("error-banner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(explorer.errorProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(explorer.statusProperty());
        status.getStyleClass().add("status-text");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(explorer.primary().busyProperty().or(explorer.comparison().busyProperty()));
        Label keys = new Label("F1: keyboard shortcuts");
        keys.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, status, spacer, busy, keys);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox emptyState() {
        Label title = new Label("No model to show");
        title.getStyleClass().add("empty-title");
        Label text = new Label("No model is bundled with this build. Open a model file (.safetensors) "
                + "trained with GateScope or exported from PyTorch.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("muted");
        Button open = new Button("Open model\u2026");
        open.setId("empty-open-model");
        open.getStyleClass().add("accent-button");
        open.setOnAction(e -> chooseModelFile());
        VBox box = new VBox(14, title, text, open);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    /** The single cell (diagram, timeline, heatmaps stacked) or the compare view (two columns). */
    private void arrangeCentre() {
        boolean comparing = explorer.compareProperty().get();
        single.getItems().clear();
        compare.getItems().clear();
        if (comparing) {
            timeline.setOwnScrollBar(true);
            compare.getItems().addAll(column(explorer.primary(), diagram, timeline, false),
                    column(explorer.comparison(), rightDiagram, rightTimeline, true));
            compare.setDividerPositions(0.5);
        } else {
            timeline.setOwnScrollBar(false);
            single.getItems().addAll(diagram, timeline, heatmap);
            single.setDividerPositions(0.35, 0.72);
        }
        single.setVisible(!comparing);
        compare.setVisible(comparing);
    }

    private Node column(CellViewModel cell, DiagramPane cellDiagram, TimelineView cellTimeline, boolean chooser) {
        // The main cell's chooser here mirrors the side panel's; both ask the same view model.
        SidePanel.ModelChooser header = chooser
                ? new SidePanel.ModelChooser(explorer.bundledModels(), cell, explorer::openComparisonModel,
                        () -> chooseFile(explorer::openComparisonModel))
                : new SidePanel.ModelChooser(explorer.bundledModels(), cell, explorer::openModel,
                        this::chooseModelFile);
        header.setId(chooser ? "compare-model-chooser" : "main-model-chooser");
        HBox head = new HBox(header);
        HBox.setHgrow(header, Priority.ALWAYS);
        head.getStyleClass().add("column-header");
        SplitPane split = new SplitPane(cellDiagram, cellTimeline);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(head, split);
        box.getStyleClass().add("compare-column");
        return box;
    }

    // ---- menus --------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = item("Open model\u2026", "Shortcut+O", this::chooseModelFile);
        Menu bundled = new Menu("Bundled models");
        for (String name : explorer.bundledModels()) {
            bundled.getItems().add(item(name, null, () -> explorer.openModel(name)));
        }
        bundled.setDisable(explorer.bundledModels().isEmpty());
        Menu export = new Menu("Export heatmaps as PNG");
        export.setId("export-menu");
        export.getItems().add(item("All gates in one image\u2026", "Shortcut+E", () -> chooseExport(null)));
        export.getItems().add(new SeparatorMenuItem());
        for (Quantity q : Quantity.values()) {
            MenuItem one = item(HeatmapImage.panelTitle(q) + "\u2026", null, () -> chooseExport(q));
            one.disableProperty().bind(Bindings.createBooleanBinding(() -> explorer.primary().getTrace() == null
                    || !explorer.primary().getTrace().has(q), explorer.primary().traceProperty()));
            export.getItems().add(one);
        }
        MenuItem copy = item("Copy image", "Shortcut+Shift+C", () -> explorer.copyHeatmaps(null));
        MenuItem reachExport = item("Export reach and ablation as PNG\u2026", null, this::chooseReachExport);
        reachExport.setId("reach-export");
        reachExport.disableProperty().bind(explorer.reachProperty().isNull());
        MenuItem trainItem = item("Train a model\u2026", "Shortcut+T", this::openTrainWindow);
        MenuItem quit = item("Quit", "Shortcut+Q", Platform::exit);
        Menu file = new Menu("File", null, open, bundled, new SeparatorMenuItem(), export, copy,
                reachExport, new SeparatorMenuItem(), trainItem, new SeparatorMenuItem(), quit);

        CheckMenuItem compareItem = new CheckMenuItem("Compare two cells   (C)");
        compareItem.setId("compare-item");
        mirror(compareItem, explorer.compareProperty(), explorer::setCompare);
        CheckMenuItem activation = new CheckMenuItem("Show a<t> on the timeline   (A)");
        mirror(activation, explorer.showActivationProperty(), explorer::setShowActivation);
        CheckMenuItem reachItem = new CheckMenuItem("Show memory reach   (R)");
        reachItem.setId("reach-item");
        mirror(reachItem, explorer.showReachProperty(), explorer::setShowReach);
        Menu cells = new Menu("Cell");
        ToggleGroup cellGroup = new ToggleGroup();
        for (int i = 0; i < SidePanel.CELL_ORDER.size(); i++) {
            CellKind kind = SidePanel.CELL_ORDER.get(i);
            RadioMenuItem radio = new RadioMenuItem(kind.displayName() + "   (" + (i + 1) + ")");
            radio.setToggleGroup(cellGroup);
            radio.setDisable(!explorer.isCellAvailable(kind));
            radio.setOnAction(e -> explorer.chooseCell(kind));
            explorer.cellProperty().addListener((obs, old, now) -> radio.setSelected(now == kind));
            radio.setSelected(explorer.cellProperty().get() == kind);
            cells.getItems().add(radio);
        }
        MenuItem play = item("Play / pause   (Space)", null, explorer::togglePlay);
        MenuItem next = item("Next token   (\u2192)", null, explorer::stepForward);
        MenuItem previous = item("Previous token   (\u2190)", null, explorer::stepBack);
        MenuItem firstToken = item("First token   (Home)", null, explorer::first);
        MenuItem lastToken = item("Last token   (End)", null, explorer::last);
        MenuItem focus = item("Edit the sentence", "Shortcut+L", this::focusSentence);
        MenuItem saturationItem = item("Gate saturation\u2026", "Shortcut+Shift+S", this::showSaturation);
        saturationItem.setId("saturation-item");
        Menu view = new Menu("View", null, compareItem, activation, reachItem, cells, new SeparatorMenuItem(), play,
                next, previous, firstToken, lastToken, new SeparatorMenuItem(), focus, new SeparatorMenuItem(),
                saturationItem);

        MenuItem keys = item("Keyboard shortcuts", "F1", () -> HelpDialogs.shortcuts(window()));
        MenuItem notation = item("About the notation", null, () -> HelpDialogs.notation(window()));
        Menu help = new Menu("Help", null, keys, notation);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** A check item that shows {@code state} and asks {@code change} to alter it. */
    private static void mirror(CheckMenuItem item, javafx.beans.value.ObservableBooleanValue state,
                               java.util.function.Consumer<Boolean> change) {
        item.setSelected(state.get());
        state.addListener((obs, old, now) -> item.setSelected(now));
        item.setOnAction(e -> change.accept(item.isSelected()));
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---- files --------------------------------------------------------------------------------

    private void chooseModelFile() {
        chooseFile(explorer::openModel);
    }

    private void chooseFile(java.util.function.Consumer<String> open) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Model files (*.safetensors)", "*.safetensors"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            open.accept(file.getPath());
        }
    }

    private void chooseReachExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the memory reach and the ablation as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(explorer.primary().modelNameProperty().get().replace(".safetensors", "")
                + "-reach.png");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path target = file.toPath();
            if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                target = target.resolveSibling(target.getFileName() + ".png");
            }
            explorer.exportReach(target);
        }
    }

    private void chooseExport(Quantity gate) {
        if (explorer.primary().getTrace() == null) {
            explorer.showError("Nothing to export: type a sentence first");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(gate == null ? "Export all heatmaps as PNG"
                : "Export the " + gate.symbol() + " heatmap as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(explorer.primary().modelNameProperty().get().replace(".safetensors", "") + "-"
                + (gate == null ? "heatmaps" : gate.key()) + ".png");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path target = file.toPath();
            if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                target = target.resolveSibling(target.getFileName() + ".png");
            }
            explorer.exportHeatmaps(gate, target);
        }
    }

    /** Opens the train window, or brings the open one to the front. */
    private void openTrainWindow() {
        if (trainStage != null && trainStage.isShowing()) {
            trainStage.toFront();
            return;
        }
        trainStage = TrainWindow.open(window(), explorer);
    }

    /** View ▸ Gate saturation…: one window, brought to the front when it is open already. */
    private void showSaturation() {
        if (saturation == null || !saturation.stage().isShowing()) {
            saturation = new SaturationWindow(window(), explorer.executor(), explorer.primary(),
                    GateScopeApp.styleSheet());
        }
        saturation.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void focusSentence() {
        sentence.requestFocus();
        sentence.selectAll();
    }

    // ---- keyboard -----------------------------------------------------------------------------

    /**
     * The keys that step, play and switch work wherever the focus is, except while typing in
     * the sentence (there they edit the text; Esc or Enter leaves the field).
     */
    private void installShortcuts(Scene scene) {
        if (scene.getProperties().containsKey(ExplorerView.class)) {
            return;
        }
        scene.getProperties().put(ExplorerView.class, Boolean.TRUE);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()
                    || e.isMetaDown()) {
                return;
            }
            if (handleKey(e.getCode(), e.isShiftDown())) {
                e.consume();
            }
        });
        // A focused button fires on the release of Space; Space is play/pause here.
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)) {
                e.consume();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> HelpDialogs.shortcuts(window()));
    }

    /** Does what {@code code} means outside the sentence field; false if it means nothing. */
    boolean handleKey(KeyCode code, boolean shift) {
        switch (code) {
            case RIGHT, KP_RIGHT -> explorer.stepForward();
            case LEFT, KP_LEFT -> explorer.stepBack();
            case HOME -> explorer.first();
            case END -> explorer.last();
            case SPACE -> explorer.togglePlay();
            case UP, KP_UP -> explorer.primary().movePrimaryUnit(-1);
            case DOWN, KP_DOWN -> explorer.primary().movePrimaryUnit(1);
            case DIGIT1, NUMPAD1 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(0));
            case DIGIT2, NUMPAD2 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(1));
            case DIGIT3, NUMPAD3 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(2));
            case DIGIT4, NUMPAD4 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(3));
            case DIGIT5, NUMPAD5 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(4));
            case C -> explorer.toggleCompare();
            case A -> explorer.toggleShowActivation();
            case R -> explorer.toggleShowReach();
            case PLUS, EQUALS, ADD -> explorer.faster();
            case MINUS, SUBTRACT -> explorer.slower();
            case ESCAPE -> explorer.dismissError();
            case ENTER, F2 -> focusSentence();
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- for tests and the stall probe ----------------------------------------------------------

    TimelineView timeline() {
        return timeline;
    }

    HeatmapView heatmap() {
        return heatmap;
    }

    DiagramPane diagram() {
        return diagram;
    }

    DiagramPane comparisonDiagram() {
        return rightDiagram;
    }

    TokenStrip tokenStrip() {
        return tokenStrip;
    }

    TokenViewport mainAxis() {
        return mainAxis;
    }

    TextField sentenceField() {
        return sentence;
    }
}
