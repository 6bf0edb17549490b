package org.gatescope.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
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
import javafx.scene.input.MouseEvent;
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
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.DiagramPane;
import org.gatescope.ui.explorer.ExplorerStates;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.LayerChooser;
import org.gatescope.ui.explorer.LongPaste;
import org.gatescope.ui.explorer.PlaybackBar;
import org.gatescope.ui.explorer.PredictionLine;
import org.gatescope.ui.explorer.SidePanel;
import org.gatescope.ui.explorer.TokenStrip;
import org.gatescope.ui.explorer.TokenViewport;
import org.gatescope.ui.heatmap.HeatmapView;
import org.gatescope.ui.lesson.LessonBar;
import org.gatescope.ui.lesson.LessonViewModel;
import org.gatescope.ui.session.SessionViewModel;
import org.gatescope.ui.canvas.ZoomPane;
import org.gatescope.ui.counterfactual.CounterfactualWindow;
import org.gatescope.ui.display.DisplayViewModel;
import org.gatescope.ui.display.LectureHall;
import org.gatescope.ui.display.PresentationMode;
import org.gatescope.ui.saturation.SaturationWindow;
import org.gatescope.ui.probe.ProbeWindow;
import org.gatescope.ui.reading.ReadingWindow;
import org.gatescope.ui.states.TrajectoryWindow;
import org.gatescope.ui.timeline.TimelineView;
import org.gatescope.ui.train.TrainWindow;

/**
 * The explorer window's content: menu bar, sentence, token strip, playback controls, the cell
 * (diagram, timeline, heatmaps) or two cells side by side in the compare view (a column each,
 * with its own model and unit drop-downs), the side panel and the status line. A thin view:
 * every action goes to {@link ExplorerViewModel} or the cells' {@link CellViewModel}s.
 */
public final class ExplorerView extends BorderPane {

    /** Marks the compare view's column whose unit ↑ and ↓ move. */
    private static final PseudoClass UNIT_KEYS = PseudoClass.getPseudoClass("unit-keys");

    private final ExplorerViewModel explorer;
    private final TextField sentence = new TextField();
    private final TokenStrip tokenStrip;
    public final TokenViewport mainAxis = new TokenViewport();
    private final TokenViewport rightAxis = new TokenViewport();
    private final DiagramPane diagram;
    private final TimelineView timeline;
    private final HeatmapView heatmap;
    private final DiagramPane rightDiagram;
    private final TimelineView rightTimeline;
    private final HeatmapView rightHeatmap;
    private final SidePanel sidePanel;
    private final StackPane centre = new StackPane();
    /** The centre scrolls where the window is too small for its parts at a readable size. */
    private final ScrollPane centreScroll = new ScrollPane(centre);
    private final ScrollPane sideScroll;
    /** Whether the side panel is shown: View ▸ Side panel or P; kept through the compare view and model changes. */
    private final BooleanProperty sidePanelShown = new SimpleBooleanProperty(this, "sidePanelShown", true);
    /** Everything the window shows, drawn at the display's scale (zoom, presentation mode). */
    private final BorderPane content = new BorderPane();
    private final ZoomPane zoomed = new ZoomPane(content);
    private final DisplayViewModel display = new DisplayViewModel();
    /** The status bar's "Zoom 125 %" after a zoom key. */
    private final Label zoomNote = new Label();
    private final LectureHall hall = new LectureHall(display, zoomed, zoomNote,
            new PresentationMode(display, sidePanelShown));
    /** Places the single view's dividers once the layout pass under way is over. */
    private final Runnable placeSingleDividers;
    private final SplitPane single = new SplitPane();
    private final SplitPane compare = new SplitPane();
    private final Column mainColumn;
    private final Column rightColumn;
    /** The compare view's divider between the columns, kept while the single view is shown. */
    private double[] compareDividers = {0.5};
    /** The cell whose unit ↑ and ↓ move: the main one, or in the compare view the column clicked last. */
    private CellViewModel unitKeysCell;
    private final VBox emptyState;
    private boolean syncingSentence;
    private SaturationWindow saturation;
    private TrajectoryWindow trajectories;
    private ProbeWindow probes;
    private ReadingWindow reading;
    private CounterfactualWindow counterfactualWindow;

    private javafx.stage.Stage trainStage;
    private final LessonViewModel lessons;
    private final SessionViewModel sessions;

    /** The window with its settings kept in memory only (tests). */
    public ExplorerView(ExplorerViewModel explorer) {
        this(explorer, null);
    }

    /** @param settingsFolder where the recent files and the restore option are kept; null: in memory only */
    public ExplorerView(ExplorerViewModel explorer, Path settingsFolder) {
        this.explorer = explorer;
        ExplorerStates states = new ExplorerStates(explorer);
        lessons = new LessonViewModel(explorer, states);
        sessions = new SessionViewModel(explorer, states, new SessionViewModel.Lessons() {
            @Override
            public java.util.Optional<org.gatescope.state.LessonPosition> position() {
                return lessons.position();
            }

            @Override
            public void resume(org.gatescope.state.LessonPosition position) {
                lessons.resume(position);
            }

            @Override
            public void close() {
                lessons.close();
            }

            @Override
            public void openFile(Path file) {
                lessons.openFile(file);
            }
        }, settingsFolder);
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
        rightHeatmap = new HeatmapView(explorer, explorer.comparison(), rightAxis);
        rightHeatmap.setId("compare-heatmap");
        // a band or two of heatmap rows in view whatever the window (a short one scrolls)
        heatmap.setMinHeight(HEATMAP_LEAST);
        rightHeatmap.setMinHeight(HEATMAP_LEAST);
        sidePanel = new SidePanel(explorer, this::chooseModelFile);
        sidePanel.setOnChooseVocabulary(this::chooseVocabularyFile);
        sidePanel.setOnShowDifference(this::showCounterfactual);
        sidePanel.setId("side-panel");
        unitKeysCell = explorer.primary();
        // The side panel's units are the main cell's: a click there gives ↑ ↓ back to it.
        sidePanel.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> setUnitKeysCell(explorer.primary()));
        mainColumn = new Column(explorer.primary(), "main", new SidePanel.ModelChooser(explorer.bundledModels(),
                explorer.primary(), explorer::openModel, this::chooseModelFile));
        rightColumn = new Column(explorer.comparison(), "compare", new SidePanel.ModelChooser(
                explorer.bundledModels(), explorer.comparison(), explorer::openComparisonModel,
                () -> chooseFile(explorer::openComparisonModel)));
        rightColumn.show(rightDiagram, rightTimeline, rightHeatmap);

        single.setOrientation(Orientation.VERTICAL);
        single.getStyleClass().add("main-split");
        compare.setOrientation(Orientation.HORIZONTAL);
        compare.getStyleClass().add("compare-split");
        emptyState = emptyState();
        centre.getChildren().addAll(single, compare, emptyState);
        centre.getStyleClass().add("centre");

        VBox top = new VBox(menuBar(), sentenceBar(), banner(), new LessonBar(lessons),
                new PlaybackBar(explorer, tokenStrip.withLegend()));
        top.getStyleClass().add("top-area");
        content.setTop(top);
        // Each part keeps a readable least size (the diagram's text, the timeline's plot): a window
        // too small for them all scrolls, rather than squeezing them.
        centreScroll.setFitToWidth(true);
        centreScroll.setFitToHeight(true);
        centreScroll.getStyleClass().add("centre-scroll");
        centreScroll.setId("centre-scroll");
        centreScroll.setFocusTraversable(false); // the arrow keys step through the text, they do not scroll
        content.setCenter(centreScroll);
        // Scrolls when a short window cannot fit it all (the ablation box adds to it).
        sideScroll = new ScrollPane(sidePanel);
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setMinWidth(Region.USE_PREF_SIZE);
        sideScroll.visibleProperty().bind(sidePanelShown);
        sideScroll.managedProperty().bind(sidePanelShown);
        content.setRight(sideScroll);
        single.managedProperty().bind(single.visibleProperty());
        compare.managedProperty().bind(compare.visibleProperty());
        placeSingleDividers = placeDividersOnResize(single);
        // a new cell (its gate rows) or the reach shown or not changes the timeline's least height
        explorer.primary().traceProperty().addListener(o -> placeSingleDividers.run());
        explorer.showReachProperty().addListener(o -> placeSingleDividers.run());
        explorer.teaching().memoryFromProperty().addListener(o -> placeSingleDividers.run());
        content.setBottom(statusBar());
        setCenter(zoomed);

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
        acceptDroppedModels();
    }

    // ---- layout -------------------------------------------------------------------------------

    private Node sentenceBar() {
        sentence.setId("sentence");
        sentence.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> explorer.inputHintProperty().get().isEmpty() ? ExplorerViewModel.EMPTY_HINT
                        : explorer.inputHintProperty().get(), explorer.inputHintProperty()));
        sentence.getStyleClass().add("sentence-field");
        // One line, cheap to lay out even for a pasted book chapter; a pasted text's line breaks
        // and tabs become spaces (a text field would drop them and glue words together).
        sentence.setTextFormatter(new TextFormatter<String>(change -> {
            String text = change.getText();
            // a model trained elsewhere without a vocabulary takes pasted CSV rows: a line break ends a row
            if (!explorer.inputHintProperty().get().isEmpty() && explorer.primary().getImported() != null
                    && !explorer.primary().getImported().readsText()
                    && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
                change.setText(text.strip().replace("\r\n", "; ").replace('\r', ';').replace("\n", "; ")
                        .replace('\t', ' '));
            } else if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
                change.setText(text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
            }
            // a paste longer than the field can lay out without freezing the window keeps its start
            String pasted = change.getText();
            if (pasted.length() > LongPaste.FIELD_CHARS) {
                String kept = LongPaste.kept(pasted);
                change.setText(kept);
                Platform.runLater(() -> explorer.showError(LongPaste.message(pasted, kept)));
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
        // What the field takes for a model trained elsewhere (ids, rows, or text through its vocabulary).
        Label hint = new Label();
        hint.setId("input-hint");
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(explorer.inputHintProperty());
        hint.visibleProperty().bind(explorer.inputHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setPadding(new Insets(2, 0, 0, 4));
        return new VBox(bar, hint);
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
        zoomNote.setId("zoom-note");
        zoomNote.getStyleClass().add("zoom-note");
        HBox bar = new HBox(10, status, spacer, zoomNote, busy, keys);
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

    /**
     * The single cell (diagram, timeline, heatmaps stacked) or the compare view: two columns, each
     * the same stack for its cell. The main cell's views move between the two; the second cell's
     * leave the scene with the compare view, so they neither lay out nor paint meanwhile.
     */
    private void arrangeCentre() {
        // A view with the focus leaves the scene for a moment while it moves: it gets the focus back
        // (else the sentence field would take it, and the keys would type instead of step).
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        boolean centreFocused = focused != null && isInCentre(focused);
        boolean comparing = explorer.compareProperty().get();
        if (comparing) {
            single.getItems().clear();
            mainColumn.show(diagram, timeline, heatmap);
            compare.getItems().setAll(mainColumn.box, rightColumn.box);
            compare.setDividerPositions(compareDividers);
            setUnitKeysCell(unitKeysCell);
        } else {
            if (!compare.getItems().isEmpty()) {
                compareDividers = compare.getDividerPositions();
            }
            compare.getItems().clear();
            mainColumn.split.getItems().clear();
            single.getItems().setAll(diagram, timeline, heatmap);
            placeSingleDividers.run();
            setUnitKeysCell(explorer.primary());
        }
        single.setVisible(!comparing);
        compare.setVisible(comparing);
        if (centreFocused) {
            if (focused.getScene() != null && focused.isVisible()) {
                focused.requestFocus();
            } else {
                requestFocus();
            }
        }
    }

    private boolean isInCentre(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == centre) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shares {@code split}'s height (diagram, timeline, heatmaps) for its size: the diagram as tall
     * as its width asks (a drawing about three times as wide as tall) up to {@value #DIAGRAM_SHARE}
     * of the height, the timeline its preferred height if there is room, the heatmaps the rest;
     * none below its least height (the split is then taller than the window, which scrolls).
     * Called on every resize: a divider the user dragged stays until the window's size changes.
     */
    private static void placeDividers(SplitPane split) {
        if (split.getItems().size() != 3 || split.getHeight() <= 0) {
            return;
        }
        Region diagramPart = (Region) split.getItems().get(0);
        Region timelinePart = (Region) split.getItems().get(1);
        Region heatmapPart = (Region) split.getItems().get(2);
        double height = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset();
        double width = split.getWidth() - split.snappedLeftInset() - split.snappedRightInset();
        double heatmapLeast = Math.max(heatmapPart.minHeight(-1), HEATMAP_HEIGHT);
        double diagramHeight = Math.max(diagramPart.minHeight(-1),
                Math.min(width / DIAGRAM_ASPECT, DIAGRAM_SHARE * height));
        double timelineHeight = Math.max(timelinePart.minHeight(-1),
                Math.min(timelinePart.prefHeight(-1), height - diagramHeight - heatmapLeast));
        double spare = height - diagramHeight - timelineHeight - heatmapLeast;
        if (spare < 0) { // give the heatmaps their least from the diagram, down to its own least
            diagramHeight = Math.max(diagramPart.minHeight(-1), diagramHeight + spare);
        }
        // Set through another value: the skin re-reads positions only when they change, and it may
        // have moved its dividers by itself since the same positions were last set.
        split.setDividerPositions(0, 0);
        split.setDividerPositions(diagramHeight / height, (diagramHeight + timelineHeight) / height);
    }

    /**
     * Places {@code split}'s dividers for each new size, after the layout pass that resized it (the
     * split's own skin moves its dividers during that pass, by the old positions).
     */
    private static Runnable placeDividersOnResize(SplitPane split) {
        boolean[] pending = {false};
        javafx.beans.InvalidationListener resized = o -> {
            if (!pending[0]) {
                pending[0] = true;
                Platform.runLater(() -> {
                    pending[0] = false;
                    placeDividers(split);
                });
            }
        };
        split.heightProperty().addListener(resized);
        split.widthProperty().addListener(resized);
        return () -> resized.invalidated(null);
    }

    /** The diagram's width to height where it fills a wide panel (see DiagramLayout's stretch). */
    private static final double DIAGRAM_ASPECT = 3.2;
    /** The most of the centre's height the diagram takes. */
    private static final double DIAGRAM_SHARE = 0.45;
    /** The heatmaps' least height: a band or two of rows and the token labels. */
    private static final double HEATMAP_LEAST = 84;
    /** The heatmaps' least share of a tall window: a few bands in view. */
    private static final double HEATMAP_HEIGHT = 150;

    /** Shows or hides the side panel (View ▸ Side panel, P), giving its width to the cells. */
    void setSidePanelShown(boolean shown) {
        sidePanelShown.set(shown);
    }

    BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    /** Which cell ↑ and ↓ act on; in the compare view its column is marked. */
    private void setUnitKeysCell(CellViewModel cell) {
        unitKeysCell = cell;
        boolean marked = explorer.compareProperty().get();
        mainColumn.box.pseudoClassStateChanged(UNIT_KEYS, marked && cell == explorer.primary());
        rightColumn.box.pseudoClassStateChanged(UNIT_KEYS, marked && cell == explorer.comparison());
    }

    /**
     * One column of the compare view: a header with the cell's model and unit drop-downs over its
     * diagram, timeline and heatmaps, split vertically as in the single view. A click anywhere in it
     * gives it the unit keys, and so does the keyboard focus entering it (Tab to its drop-downs).
     */
    private final class Column {

        /** Below this width the header's buttons are compact, so that two columns fit a 1024-pixel window. */
        private static final double COMPACT_HEADER = 420;

        final CellViewModel cell;
        final VBox box;
        final SplitPane split = new SplitPane();
        private final Runnable placeColumnDividers;

        Column(CellViewModel cell, String name, SidePanel.ModelChooser models) {
            this.cell = cell;
            models.setId(name + "-model-chooser");
            SidePanel.UnitChooser units = new SidePanel.UnitChooser(cell);
            units.setId(name + "-unit-chooser");
            LayerChooser layers = new LayerChooser(cell);
            layers.setId(name + "-layer-chooser");
            HBox head = new HBox(8, models, layers, units);
            head.setAlignment(Pos.CENTER_LEFT);
            // Narrow, the header turns compact (below) rather than widen the column past the window.
            head.setMinWidth(0);
            HBox.setHgrow(models, Priority.ALWAYS);
            head.getStyleClass().add("column-header");
            head.widthProperty().addListener((obs, old, width) -> {
                boolean compact = width.doubleValue() < COMPACT_HEADER;
                models.setCompact(compact);
                units.setCompact(compact);
            });
            split.setOrientation(Orientation.VERTICAL);
            VBox.setVgrow(split, Priority.ALWAYS);
            placeColumnDividers = placeDividersOnResize(split);
            PredictionLine predictions = new PredictionLine(
                    explorer, cell);
            predictions.setId(name + "-predictions");
            box = new VBox(head, predictions, split);
            box.getStyleClass().add("compare-column");
            box.setId(name + "-column");
            box.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> setUnitKeysCell(cell));
        }

        /** Puts the cell's diagram, timeline and heatmaps in the column, the heatmaps drawing the scroll bar. */
        void show(DiagramPane cellDiagram, TimelineView cellTimeline, HeatmapView cellHeatmap) {
            cellTimeline.setOwnScrollBar(false);
            split.getItems().setAll(cellDiagram, cellTimeline, cellHeatmap);
            placeColumnDividers.run();
        }

    }

    // ---- menus --------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = item("Open model\u2026", "Shortcut+O", this::chooseModelFile);
        Menu bundled = new Menu("Bundled models");
        bundled.setId("bundled-menu");
        for (String name : explorer.bundledModels()) {
            bundled.getItems().add(nameItem(name, () -> explorer.openModel(name)));
        }
        bundled.setDisable(explorer.bundledModels().isEmpty());
        Menu export = new Menu("Export heatmaps as PNG");
        export.setId("export-menu");
        export.getItems().add(item("All gates in one image\u2026", "Shortcut+E", () -> chooseExport(null)));
        export.getItems().add(new SeparatorMenuItem());
        for (Quantity q : Quantity.values()) {
            MenuItem one = nameItem(HeatmapImage.panelTitle(q) + "\u2026", () -> chooseExport(q));
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
        Menu slides = org.gatescope.ui.export.ExportDialog.menu(
                new org.gatescope.ui.export.SlideExportViewModel(explorer), this::window);
        SessionMenus sessionMenus = new SessionMenus(sessions, lessons, this::window);
        Menu file = new Menu("File", null, open, bundled, new SeparatorMenuItem());
        file.getItems().addAll(sessionMenus.fileItems());
        file.getItems().addAll(new SeparatorMenuItem(), slides, export, copy,
                reachExport, new SeparatorMenuItem(), trainItem, new SeparatorMenuItem(), quit);

        CheckMenuItem compareItem = new CheckMenuItem("Compare two cells   (C)");
        compareItem.setId("compare-item");
        mirror(compareItem, explorer.compareProperty(), explorer::setCompare);
        CheckMenuItem activation = new CheckMenuItem("Show a<t> on the timeline   (A)");
        mirror(activation, explorer.showActivationProperty(), explorer::setShowActivation);
        CheckMenuItem reachItem = new CheckMenuItem("Show memory reach   (R)");
        reachItem.setId("reach-item");
        mirror(reachItem, explorer.showReachProperty(), explorer::setShowReach);
        CheckMenuItem sideItem = new CheckMenuItem("Show the side panel   (P)");
        sideItem.setId("side-panel-item");
        mirror(sideItem, sidePanelShown, sidePanelShown::set);
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
        MenuItem trajectoriesItem = item("State-space trajectories\u2026", "Shortcut+Shift+T", this::showTrajectories);
        trajectoriesItem.setId("trajectories-item");
        MenuItem probesItem = item("Linear probe\u2026", "Shortcut+Shift+P", this::showProbes);
        probesItem.setId("probe-item");
        MenuItem readingItem = item("Reading view and unit search\u2026", "Shortcut+Shift+R", this::showReading);
        readingItem.setId("reading-item");
        Menu view = new Menu("View", null);
        view.getItems().addAll(hall.menuItems());
        view.getItems().addAll(compareItem, activation, reachItem, sideItem, cells, new SeparatorMenuItem(), play,
                next, previous, firstToken, lastToken, new SeparatorMenuItem(), focus, new SeparatorMenuItem(),
                saturationItem, trajectoriesItem, probesItem, readingItem);

        MenuItem keys = item("Keyboard shortcuts", "F1", () -> HelpDialogs.shortcuts(window()));
        MenuItem notation = item("About the notation", null, () -> HelpDialogs.notation(window()));
        Menu help = new Menu("Help", null, keys, notation);

        MenuBar bar = new MenuBar(file, view, TeachMenu.create(explorer, this::window, this::showCounterfactual),
                sessionMenus.lessonsMenu(), new TryASentenceMenu(explorer, this::requestFocus), help);
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

    /**
     * An item named by data (a model's name, a title): shown as it is, its underscores not taken
     * for mnemonics ("peephole_lstm", not "peepholelstm").
     */
    private static MenuItem nameItem(String name, Runnable action) {
        MenuItem item = item(name, null, action);
        item.setMnemonicParsing(false);
        return item;
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
        chooser.getExtensionFilters().addAll(MODEL_FILES, new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            open.accept(file.getPath());
        }
    }

    /** Every kind of model file GateScope opens. */
    private static final FileChooser.ExtensionFilter MODEL_FILES = new FileChooser.ExtensionFilter(
            "Model files (*.safetensors, *.pt, *.pth, *.bin, *.h5, *.keras, *.onnx)",
            "*.safetensors", "*.pt", "*.pth", "*.bin", "*.h5", "*.keras", "*.onnx");

    /** The "Vocabulary…" button of a model trained elsewhere: a file beside the model, as its framework wrote it. */
    private void chooseVocabularyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open the model's vocabulary");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Vocabulary files (*.json, *.txt)", "*.json", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        // the model's folder, where it opened from (no file work here: the chooser falls back if it is gone)
        String chosen = explorer.primary().chosenModelProperty().get();
        Path folder = chosen.isEmpty() ? null : Path.of(chosen).toAbsolutePath().getParent();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            explorer.useVocabulary(file.toPath());
        }
    }

    /** A model file dropped on the window opens as the main cell, on the file lane like "Open model…". */
    private void acceptDroppedModels() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (done) {
                explorer.openModel(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
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

    /** The counterfactual view: one window, brought to the front when it is open already. */
    private void showCounterfactual() {
        if (counterfactualWindow == null || !counterfactualWindow.stage().isShowing()) {
            counterfactualWindow = new CounterfactualWindow(window(), explorer, GateScopeApp.styleSheet());
        }
        counterfactualWindow.show();
    }

    /** View ▸ Gate saturation…: one window, brought to the front when it is open already. */
    private void showSaturation() {
        if (saturation == null || !saturation.stage().isShowing()) {
            saturation = new SaturationWindow(window(), explorer.executor(), explorer.primary(),
                    GateScopeApp.styleSheet());
        }
        saturation.show();
    }

    /** View ▸ State-space trajectories…: one window, brought to the front when open. */
    private void showTrajectories() {
        if (trajectories == null || !trajectories.stage().isShowing()) {
            trajectories = new TrajectoryWindow(window(), explorer, GateScopeApp.styleSheet());
        }
        trajectories.show();
    }

    /** View ▸ Linear probe…: one window, brought to the front when open. */
    private void showProbes() {
        if (probes == null || !probes.stage().isShowing()) {
            probes = new ProbeWindow(window(), explorer, GateScopeApp.styleSheet());
        }
        probes.show();
    }

    /** View ▸ Reading view and unit search…: one window, brought to the front when open. */
    private void showReading() {
        if (reading == null || !reading.stage().isShowing()) {
            reading = new ReadingWindow(window(), explorer, GateScopeApp.styleSheet());
        }
        reading.show();
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
        hall.install(scene);
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
        // Not the columns' focusWithin: a drop-down's list cells take a focus of their own without the keyboard.
        scene.focusOwnerProperty().addListener((obs, old, owner) -> {
            for (Column column : List.of(mainColumn, rightColumn)) {
                for (Node node = owner; node != null; node = node.getParent()) {
                    if (node == column.box) {
                        setUnitKeysCell(column.cell);
                        return;
                    }
                }
            }
        });
    }

    /** Does what {@code code} means outside the sentence field; false if it means nothing. */
    boolean handleKey(KeyCode code, boolean shift) {
        switch (code) {
            case RIGHT, KP_RIGHT -> explorer.stepForward();
            case LEFT, KP_LEFT -> explorer.stepBack();
            case HOME -> explorer.first();
            case END -> explorer.last();
            case SPACE -> explorer.togglePlay();
            case UP, KP_UP -> unitKeysCell.movePrimaryUnit(-1);
            case DOWN, KP_DOWN -> unitKeysCell.movePrimaryUnit(1);
            case DIGIT1, NUMPAD1 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(0));
            case DIGIT2, NUMPAD2 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(1));
            case DIGIT3, NUMPAD3 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(2));
            case DIGIT4, NUMPAD4 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(3));
            case DIGIT5, NUMPAD5 -> explorer.chooseCell(SidePanel.CELL_ORDER.get(4));
            case C -> explorer.toggleCompare();
            case A -> explorer.toggleShowActivation();
            case R -> explorer.toggleShowReach();
            case P -> sidePanelShown.set(!sidePanelShown.get());
            case L -> explorer.moveLayer(unitKeysCell, shift ? -1 : 1); // of the column clicked last, as ↑ ↓
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

    HeatmapView comparisonHeatmap() {
        return rightHeatmap;
    }

    TimelineView comparisonTimeline() {
        return rightTimeline;
    }

    TokenViewport comparisonAxis() {
        return rightAxis;
    }

    /** The cell ↑ and ↓ act on. */
    CellViewModel unitKeysCell() {
        return unitKeysCell;
    }

    TokenStrip tokenStrip() {
        return tokenStrip;
    }

    public TokenViewport mainAxis() {
        return mainAxis;
    }

    public TextField sentenceField() {
        return sentence;
    }

    /** The guided lessons shown in this window. */
    public LessonViewModel lessons() {
        return lessons;
    }

    /** Saving and opening sessions of this window. */
    public SessionViewModel sessions() {
        return sessions;
    }

    /** Zoom, presentation mode and palette (View menu, F11, Ctrl + / −). */
    public DisplayViewModel display() {
        return display;
    }
}
