package org.gatescope.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.ui.canvas.CanvasTheme;

/**
 * The panel right of the cell: which model and cell, the next-token predictions at the current
 * token (with the lecture's singular-or-plural test for the text's own verb), and the list of units to show.
 */
public final class SidePanel extends VBox {

    /** What the cell buttons say, in the order the toggle and the keys 1–5 offer them. */
    public static final List<CellKind> CELL_ORDER = List.of(CellKind.RNN, CellKind.GRU_SIMPLE, CellKind.GRU, CellKind.LSTM,
            CellKind.PEEPHOLE_LSTM);

    private final ExplorerViewModel explorer;
    private final CellViewModel cell;
    private final ModelChooser modelChooser;
    private final ToggleGroup cellGroup = new ToggleGroup();
    private final Label modelInfo = new Label();
    private final Label predictionTitle = new Label();
    private final VBox predictionRows = new VBox(4);
    private final VBox agreement = new VBox(4);
    private final List<BarRow> predictionBars = new java.util.ArrayList<>();
    private final Label noPredictions = muted("appear once a sentence is traced");
    private final Label agreementTitle = new Label();
    private final Label agreementCaption = new Label();
    private final Label noVerb = muted("");
    private final Region singularPart = new Region();
    private final Region pluralPart = new Region();
    private final javafx.beans.property.DoubleProperty singularShare =
            new javafx.beans.property.SimpleDoubleProperty(0.5);
    private final Label singularShareText = new Label();
    private final Label pluralShareText = new Label();
    private final Label singularValue = new Label();
    private final Label pluralValue = new Label();
    private final VBox comparison = new VBox(4);
    private final ListView<Integer> units;
    private final VBox ablationBox = new VBox(4);
    /** Clamps, the counterfactual and the memory accounting, each while shown. */
    private final TeachingBox teachingBox;
    private final Label ablationTitle = new Label();
    private final Label ablationPosition = new Label();
    private final VBox ablationRows = new VBox(3);
    /** For a model trained elsewhere: the layer direction shown, its vocabulary, what does not apply. */
    private final VBox layerBox = new VBox(6);
    private final ComboBox<String> layerChooser = new ComboBox<>();
    private final Button vocabularyButton = new Button("Vocabulary\u2026");
    private final Label vocabularyInfo = new Label();
    /** Above the predictions when the current token is unknown: what the model read in its place, and why. */
    private final Label unknownInput = new Label();
    private final Label ownModelsOnly = muted(ExplorerViewModel.OWN_MODELS_ONLY + ".");
    private Runnable chooseVocabulary = () -> { };
    private boolean syncing;

    public SidePanel(ExplorerViewModel explorer, Runnable openModel) {
        this.explorer = explorer;
        this.cell = explorer.primary();
        this.teachingBox = new TeachingBox(explorer);
        getStyleClass().add("side-panel");
        setSpacing(8);
        setPadding(new Insets(12, 14, 12, 14));
        setPrefWidth(320);
        setMinWidth(280);

        modelChooser = new ModelChooser(explorer.bundledModels(), cell, explorer::openModel, openModel);
        modelChooser.setId("model-chooser");
        modelInfo.getStyleClass().addAll("muted", "model-info"); // two lines always: the cell buttons stay put
        modelInfo.setId("model-info");
        modelInfo.setWrapText(true);

        FlowPane cells = new FlowPane(6, 6);
        cells.getStyleClass().add("cell-toggle");
        for (int i = 0; i < CELL_ORDER.size(); i++) {
            CellKind kind = CELL_ORDER.get(i);
            ToggleButton button = new ToggleButton(buttonText(kind));
            button.setId("cell-" + kind.id());
            button.setUserData(kind);
            button.setToggleGroup(cellGroup);
            button.setTooltip(new Tooltip("Switch to the bundled " + kind.displayName() + " model (key " + (i + 1)
                    + "); the sentence and the token stay"));
            button.setDisable(!explorer.isCellAvailable(kind));
            button.setOnAction(e -> {
                if (!syncing) {
                    explorer.chooseCell(kind);
                    syncCellToggle();
                }
            });
            cells.getChildren().add(button);
        }

        predictionTitle.getStyleClass().add("section-title");
        predictionTitle.setWrapText(true); // "Next word after the whole input" in a narrow panel
        predictionTitle.setMinHeight(Region.USE_PREF_SIZE);
        predictionRows.getStyleClass().add("predictions");
        agreement.getStyleClass().add("agreement");
        agreement.setId("agreement");
        agreementTitle.setId("agreement-title");
        agreementTitle.getStyleClass().add("subsection-title");
        agreementCaption.setId("agreement-caption");
        agreementCaption.getStyleClass().add("muted");
        agreementCaption.setWrapText(true);
        agreementCaption.setMinHeight(Region.USE_PREF_SIZE);
        noVerb.setId("no-verb");
        noVerb.setWrapText(true);
        noVerb.setMinHeight(Region.USE_PREF_SIZE);
        singularShareText.setId("singular-share");
        pluralShareText.setId("plural-share");
        singularValue.setId("singular-probability");
        pluralValue.setId("plural-probability");
        Region shareSpacer = new Region();
        HBox.setHgrow(shareSpacer, Priority.ALWAYS);
        // The shares sit above the bar, never inside it: a 9 % part has no room for "were 9 %".
        HBox shares = new HBox(8, singularShareText, shareSpacer, pluralShareText);
        shares.setAlignment(Pos.CENTER_LEFT);
        singularShareText.setGraphic(swatch("was-part"));
        pluralShareText.setGraphic(swatch("were-part"));
        pluralShareText.setContentDisplay(ContentDisplay.RIGHT);
        for (Label share : List.of(singularShareText, pluralShareText, singularValue, pluralValue)) {
            share.setMinWidth(Region.USE_PREF_SIZE);
        }
        comparison.getChildren().addAll(shares, split(), new HBox(16, singularValue, pluralValue));
        agreement.getChildren().addAll(agreementTitle, agreementCaption, comparison, noVerb);

        units = new ListView<>(cell.unitOrder());
        units.setId("unit-list");
        units.getStyleClass().add("unit-list");
        units.setCellFactory(list -> new UnitCell());
        units.setPrefHeight(200);
        units.setMinHeight(110);
        VBox.setVgrow(units, Priority.ALWAYS);
        units.getSelectionModel().selectedItemProperty().addListener((obs, old, unit) -> {
            if (!syncing && unit != null) {
                cell.selectPrimaryUnit(unit);
            }
        });

        Label unitsTitle = section("Units");
        Label unitsHint = new Label();
        // The vanilla RNN has no memory cell: the timeline draws its hidden state a<t>.
        unitsHint.textProperty().bind(Bindings.createStringBinding(() -> "Tick units to draw their "
                + (explorer.cellProperty().get() == CellKind.RNN ? "a<t>" : "c<t>") + " on the timeline; select one "
                + "for the diagram and the gate bars (\u2191 \u2193)"
                + (cell.getImported() == null ? "; right-click one to silence it." : "."),
                explorer.cellProperty(), cell.importedProperty()));
        unitsHint.getStyleClass().add("muted");
        unitsHint.setWrapText(true);
        unitsHint.setMinHeight(Region.USE_PREF_SIZE);

        ablationBox.setId("ablation-box");
        ablationBox.getStyleClass().add("agreement");
        ablationTitle.setId("ablation-title");
        ablationTitle.getStyleClass().add("subsection-title");
        ablationPosition.setId("ablation-position");
        ablationPosition.getStyleClass().add("muted");
        ablationPosition.setWrapText(true);
        ablationPosition.setMinHeight(Region.USE_PREF_SIZE);
        Button clearAblation = new Button("Clear");
        clearAblation.setId("clear-ablation");
        // a click leaves the focus where it was: the button hides itself, and the focus would fall to the
        // sentence field, where the next cell key would replace the sentence
        clearAblation.setFocusTraversable(false);
        clearAblation.setOnAction(e -> explorer.clearAblation());
        Region ablationSpacer = new Region();
        HBox.setHgrow(ablationSpacer, Priority.ALWAYS);
        HBox ablationHeader = new HBox(8, ablationTitle, ablationSpacer, clearAblation);
        ablationHeader.setAlignment(Pos.CENTER_LEFT);
        ablationBox.getChildren().addAll(ablationHeader, ablationPosition, ablationRows);

        layerChooser.setId("layer-chooser");
        layerChooser.setItems(cell.layerLabels());
        layerChooser.setMaxWidth(Double.MAX_VALUE);
        layerChooser.setTooltip(new Tooltip("The layer (and direction) the diagram, timeline and heatmaps show"));
        layerChooser.valueProperty().addListener((obs, old, label) -> {
            int index = label == null ? -1 : cell.layerLabels().indexOf(label);
            if (!syncing && index >= 0) {
                explorer.selectLayer(index);
            }
        });
        vocabularyButton.setId("vocabulary-button");
        vocabularyButton.setMinWidth(Region.USE_PREF_SIZE);
        vocabularyButton.setTooltip(new Tooltip("Pick the vocabulary the model was trained with (Keras tokenizer JSON, "
                + "word_index, char_indices, a token list or vocab.txt): the sentence is then read as text"));
        vocabularyButton.setOnAction(e -> chooseVocabulary.run());
        // the chooser has the row to itself: "layer 2 (backward)" is read in full
        vocabularyInfo.setId("vocabulary-info");
        vocabularyInfo.getStyleClass().add("muted");
        vocabularyInfo.setWrapText(true);
        vocabularyInfo.setMinHeight(Region.USE_PREF_SIZE);
        ownModelsOnly.setId("own-models-only");
        ownModelsOnly.setWrapText(true);
        ownModelsOnly.setMinHeight(Region.USE_PREF_SIZE);
        layerBox.setId("layer-box");
        layerBox.getChildren().addAll(section("Layer"), layerChooser, vocabularyButton, vocabularyInfo);

        getChildren().addAll(section("Model"), modelChooser, modelInfo, section("Cell"), cells, layerBox,
                unknownInput, predictionTitle, predictionRows, agreement, ownModelsOnly, ablationBox, teachingBox,
                unitsTitle, unitsHint, units);
        explorer.ablationProperty().addListener(o -> updateAblation());
        updateAblation();
        unknownInput.setId("unknown-input");
        unknownInput.getStyleClass().add("unknown-input");
        unknownInput.setWrapText(true);
        unknownInput.setMinHeight(Region.USE_PREF_SIZE);
        unknownInput.setMnemonicParsing(false);
        InvalidationListener currentToken = o -> updateUnknownInput();
        explorer.stepProperty().addListener(currentToken);
        cell.traceProperty().addListener(currentToken);
        updateUnknownInput();

        InvalidationListener predictions = o -> updatePredictions();
        explorer.predictions().addListener(predictions);
        explorer.verbComparisonProperty().addListener(predictions);
        explorer.verbsFoundProperty().addListener(predictions);
        explorer.stepProperty().addListener(predictions);
        cell.modelProperty().addListener(o -> updateModelInfo());
        cell.importedProperty().addListener(o -> {
            updateModelInfo();
            syncCellToggle();
        });
        cell.selectedLayerProperty().addListener(o -> syncLayer());
        cell.layerLabels().addListener((ListChangeListener<String>) c -> syncLayer());
        explorer.predictionTitleProperty().addListener(predictions);
        explorer.cellProperty().addListener(o -> syncCellToggle());
        cell.chosenModelProperty().addListener(o -> syncCellToggle());
        cell.primaryUnitProperty().addListener(o -> syncUnitSelection());
        cell.selectedUnits().addListener((ListChangeListener<Integer>) c -> units.refresh());
        cell.numberUnitsProperty().addListener(o -> units.refresh());
        cell.unitOrder().addListener((ListChangeListener<Integer>) c -> syncUnitSelection());
        updatePredictions();
        updateModelInfo();
        syncCellToggle();
        syncLayer();
    }

    /** What the "Vocabulary…" button does: the view's file chooser. */
    public void setOnChooseVocabulary(Runnable action) {
        chooseVocabulary = action == null ? () -> { } : action;
    }

    private void syncLayer() {
        syncing = true;
        try {
            int index = cell.selectedLayerProperty().get();
            layerChooser.setValue(index < cell.layerLabels().size() ? cell.layerLabels().get(index) : null);
        } finally {
            syncing = false;
        }
    }

    private static String buttonText(CellKind kind) {
        return switch (kind) {
            case RNN -> "RNN";
            case GRU_SIMPLE -> "simple GRU";
            case GRU -> "GRU";
            case LSTM -> "LSTM";
            case PEEPHOLE_LSTM -> "peephole LSTM";
        };
    }

    /** What the counterfactual box's "Show the difference…" does. */
    public void setOnShowDifference(Runnable action) {
        teachingBox.setOnShowDifference(action);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void syncCellToggle() {
        syncing = true;
        try {
            String chosen = cell.chosenModelProperty().get();
            CellKind shown = explorer.cellProperty().get();
            // a model trained elsewhere is none of the bundled ones the buttons switch to
            CellKind pick = cell.getImported() != null ? null : CellKind.fromId(chosen).orElse(shown);
            cellGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == pick));
        } finally {
            syncing = false;
        }
    }

    private void syncUnitSelection() {
        syncing = true;
        try {
            int primary = cell.getPrimaryUnit();
            int index = cell.unitOrder().indexOf(primary);
            if (index >= 0) {
                units.getSelectionModel().clearAndSelect(index);
                units.scrollTo(Math.max(0, index - 2));
            } else {
                units.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private void updateModelInfo() {
        Model model = cell.getModel();
        ImportedModel other = cell.getImported();
        layerBox.setVisible(other != null);
        layerBox.setManaged(other != null);
        ownModelsOnly.setVisible(other != null);
        ownModelsOnly.setManaged(other != null);
        if (other != null) {
            modelInfo.setText(other.describe());
            vocabularyInfo.setText(other.readsText() ? "Vocabulary: " + other.vocabularyFile().getFileName()
                    + String.format(Locale.ROOT, " (%,d %s)", other.tokenizer().size(),
                    other.tokenizer().characters() ? "characters" : "words")
                    : "No vocabulary: the sentence takes " + (other.network().inputKind()
                    == org.gatescope.engine.Network.InputKind.FEATURES ? "rows of numbers" : "token ids") + ".");
            return;
        }
        if (model == null) {
            modelInfo.setText("No model loaded.");
            return;
        }
        StringBuilder text = new StringBuilder(model.cell().displayName());
        if (model.cell() == CellKind.GRU) {
            text.append(model.spec().gruReset() == GruReset.BEFORE ? " (reset before, the lecture's)"
                    : " (reset after, PyTorch's)");
        }
        text.append(String.format(Locale.ROOT, " · %d units · %,d words · embedding %d", model.hiddenSize(),
                model.vocabulary().size(), model.spec().embedSize()));
        modelInfo.setText(text.toString());
    }

    private void updateUnknownInput() {
        List<TokenChip> chips = cell.chips();
        int step = explorer.getStep();
        TokenChip chip = cell.getTrace() != null && step >= 0 && step < chips.size() ? chips.get(step) : null;
        boolean shown = chip != null && chip.unknown();
        unknownInput.setText(shown ? chip.unknownExplanation() : "");
        unknownInput.setVisible(shown);
        unknownInput.setManaged(shown);
    }

    private void updatePredictions() {
        Trace trace = cell.getTrace();
        if (trace == null) {
            predictionTitle.setText("Next-token predictions");
            predictionRows.getChildren().setAll(noPredictions);
            agreement.setVisible(false);
            agreement.setManaged(false);
            return;
        }
        predictionTitle.setText(explorer.predictionTitleProperty().get());
        boolean probabilities = explorer.predictionsAreProbabilitiesProperty().get();
        List<Trace.Prediction> top = explorer.predictions();
        // The rows are made once and updated: stepping rebuilds no nodes (no CSS pass for new ones).
        while (predictionBars.size() < top.size()) {
            predictionBars.add(new BarRow("prediction-bar"));
        }
        List<javafx.scene.Node> rows = new java.util.ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            predictionBars.get(i).update(top.get(i).token(), top.get(i).probability(), false, probabilities);
            rows.add(predictionBars.get(i));
        }
        if (!predictionRows.getChildren().equals(rows)) {
            predictionRows.getChildren().setAll(rows);
        }
        updateAgreement();
    }

    /**
     * The "is or are?" box: the verb at or after the current token against its partner, as shares of
     * the two and as probabilities; "no verb to compare" for a text without one.
     */
    private void updateAgreement() {
        VerbComparison shown = explorer.getVerbComparison();
        boolean found = explorer.verbsFoundProperty().get();
        agreement.setVisible(found);
        agreement.setManaged(found);
        if (!found) {
            return; // the verbs of a new text are still being found
        }
        boolean compared = shown != null && shown.comparable();
        comparison.setVisible(compared);
        comparison.setManaged(compared);
        noVerb.setVisible(!compared);
        noVerb.setManaged(!compared);
        if (shown == null) {
            agreementTitle.setText("No verb to compare");
            agreementCaption.setText("");
            agreementCaption.setManaged(false);
            noVerb.setText("This text has no verb whose form shows the subject's number (is/are, was/were, "
                    + "has/have, does/do, or a pair such as runs/run that the model's vocabulary holds).");
            return;
        }
        String singular = shown.pair().singular();
        String plural = shown.pair().plural();
        List<String> tokens = explorer.primary().getTrace().tokens();
        if (shown.verb().verbIndex() >= tokens.size()) {
            return; // of a trace just replaced; its own comparison follows
        }
        agreementTitle.setText(singular + " or " + plural + "?");
        agreementCaption.setManaged(true);
        String written = tokens.get(shown.verb().verbIndex());
        agreementCaption.setText("The verb \u201C" + written + "\u201D (token " + (shown.verb().verbIndex() + 1)
                + (written.equals(shown.verb().verb()) ? ")" : "; its subject wants \u201C" + shown.verb().verb()
                + "\u201D)") + ". The model's next token after \u201C" + tokens.get(shown.step()) + "\u201D:");
        if (!compared) {
            List<String> missing = new java.util.ArrayList<>();
            if (Double.isNaN(shown.singularProbability())) {
                missing.add("\u201C" + singular + "\u201D");
            }
            if (Double.isNaN(shown.pluralProbability())) {
                missing.add("\u201C" + plural + "\u201D");
            }
            noVerb.setText("Nothing to compare: this model's vocabulary lacks " + String.join(" and ", missing)
                    + ".");
            return;
        }
        double share = shown.singularShare();
        singularShareText.setText(String.format(Locale.ROOT, "%s %.0f%%", singular, 100 * share));
        pluralShareText.setText(String.format(Locale.ROOT, "%.0f%% %s", 100 * (1 - share), plural));
        singularShare.set(share);
        singularValue.setText(probabilityText("p(" + singular + ")", shown.singularProbability()));
        pluralValue.setText(probabilityText("p(" + plural + ")", shown.pluralProbability()));
        String preferred = shown.preferred();
        singularValue.getStyleClass().setAll("label", preferred.equals(singular) ? "winner-text" : "muted");
        pluralValue.getStyleClass().setAll("label", preferred.equals(plural) ? "winner-text" : "muted");
        singularShareText.getStyleClass().setAll("label", "share-text", "singular-share",
                preferred.equals(singular) ? "winner-text" : "muted");
        pluralShareText.getStyleClass().setAll("label", "share-text", "plural-share",
                preferred.equals(plural) ? "winner-text" : "muted");
    }

    /** The "Silenced unit N" box: p(was) and p(were) (or the top prediction) before and after, side by side. */
    private void updateAblation() {
        Ablation result = explorer.getAblation();
        boolean shown = result != null;
        ablationBox.setVisible(shown);
        ablationBox.setManaged(shown);
        if (!shown) {
            return;
        }
        ablationTitle.setText("Silenced unit " + result.unit() + (result.layer().isEmpty() ? "" : " of " + result.layer()));
        ablationPosition.setText(UnitMenu.silencedState(result.before()) + " forced to 0 from \u201C"
                + result.before().tokens().get(result.fromStep()) + "\u201D on"
                + (result.layer().endsWith("(backward)") ? " (read backward: it and the tokens before it)" : "")
                + "; " + result.describeOutput() + ", before \u2192 after:");
        List<String> compared = result.compared();
        List<javafx.scene.Node> rows = new java.util.ArrayList<>();
        for (String token : compared) {
            double before = result.probabilityBefore(token);
            double after = result.probabilityAfter(token);
            BarRow beforeRow = new BarRow("prediction-bar", 96);
            beforeRow.update(token + " before", before, false, result.probabilities());
            BarRow afterRow = new BarRow("ablated-bar", 96);
            afterRow.update(token + " after", after, false, result.probabilities());
            rows.add(beforeRow);
            rows.add(afterRow);
        }
        if (result.comparesVerbs()) {
            String verb = compared.get(0);
            String partner = compared.get(1);
            Label shares = new Label(String.format(Locale.ROOT, "share of %s: %.0f%% \u2192 %.0f%%", verb,
                    100 * result.shareBefore(verb, partner), 100 * result.shareAfter(verb, partner)));
            shares.setId("ablation-shares");
            rows.add(shares);
        }
        ablationRows.getChildren().setAll(rows);
    }

    /** One bar split in the ratio p(singular) : p(plural), the lecture's singular-or-plural question. */
    private HBox split() {
        singularPart.getStyleClass().addAll("split-part", "was-part");
        pluralPart.getStyleClass().addAll("split-part", "were-part");
        singularPart.setMinWidth(0);
        pluralPart.setMinWidth(0);
        singularPart.setMaxWidth(Double.MAX_VALUE);
        pluralPart.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(singularPart, pluralPart);
        bar.getStyleClass().add("split-bar");
        bar.setId("agreement-split");
        singularPart.prefWidthProperty().bind(bar.widthProperty().multiply(singularShare));
        pluralPart.prefWidthProperty().bind(bar.widthProperty().multiply(singularShare.negate().add(1)));
        return bar;
    }

    /** A small square in a bar part's colour: the key from a share's label to its part of the bar. */
    private static Region swatch(String partStyle) {
        Region swatch = new Region();
        swatch.getStyleClass().add(partStyle);
        swatch.setMinSize(12, 12);
        swatch.setPrefSize(12, 12);
        swatch.setMaxSize(12, 12);
        return swatch;
    }

    private static String probabilityText(String name, double p) {
        return String.format(Locale.ROOT, p >= 0.01 ? "%s = %.2f" : "%s = %.1e", name, p);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    /** A row: the token, a bar as long as its probability, the percentage. Updated in place. */
    static final class BarRow extends HBox {

        private final Label name = new Label();
        private final Label value = new Label();
        private final javafx.beans.property.DoubleProperty fraction = new javafx.beans.property.SimpleDoubleProperty();

        BarRow(String styleClass) {
            this(styleClass, 78);
        }

        BarRow(String styleClass, double nameWidth) {
            super(8);
            name.getStyleClass().add("bar-token");
            name.setMinWidth(nameWidth);
            name.setPrefWidth(nameWidth);
            Region fill = new Region();
            fill.getStyleClass().addAll("bar-fill", styleClass);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(track, Priority.ALWAYS);
            fill.maxWidthProperty().bind(track.widthProperty().multiply(fraction));
            fill.setMinWidth(0);
            value.getStyleClass().add("bar-value");
            value.setMinWidth(52);
            value.setAlignment(Pos.CENTER_RIGHT);
            getChildren().addAll(name, track, value);
            setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("bar-row");
        }

        void update(String token, double probability, boolean winner) {
            update(token, probability, winner, true);
        }

        /** @param isProbability false for a raw output (a head without softmax or sigmoid): its value, not a percentage */
        void update(String token, double probability, boolean winner, boolean isProbability) {
            name.setText(token);
            fraction.set(Math.max(0, Math.min(1, Math.abs(probability))));
            value.setText(!isProbability ? String.format(Locale.ROOT, "%.3f", probability)
                    : String.format(Locale.ROOT, probability >= 0.1 ? "%.0f%%" : "%.1f%%", 100 * probability));
            if (winner != getStyleClass().contains("winner")) {
                if (winner) {
                    getStyleClass().add("winner");
                } else {
                    getStyleClass().remove("winner");
                }
            }
        }
    }

    /** A unit in the list: tick to show on the timeline, its colour there, and whether it is a number unit. */
    private final class UnitCell extends ListCell<Integer> {

        private final CheckBox shown = new CheckBox();
        private final Rectangle swatch = new Rectangle(18, 4);
        private final Label name = new Label();
        private final Label badge = new Label("number unit");
        private final HBox box;

        UnitCell() {
            getStyleClass().add("unit-cell");
            badge.getStyleClass().add("badge");
            shown.setFocusTraversable(false);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, shown, swatch, name, spacer, badge);
            box.setAlignment(Pos.CENTER_LEFT);
            shown.setOnAction(e -> {
                Integer unit = getItem();
                if (unit != null) {
                    cell.setUnitShown(unit, shown.isSelected());
                }
            });
            // the list has no tokens: "from here on" is from the current token
            UnitMenu.install(this, explorer, (x, y) -> getItem() == null ? Optional.empty()
                    : Optional.of(new UnitMenu.Target(getItem(), explorer.getStep())));
        }

        @Override
        protected void updateItem(Integer unit, boolean empty) {
            super.updateItem(unit, empty);
            setText(null);
            if (empty || unit == null) {
                setGraphic(null);
                return;
            }
            int position = cell.selectedUnits().indexOf(unit);
            shown.setSelected(position >= 0);
            swatch.setFill(position >= 0 ? CanvasTheme.unitColor(position) : javafx.scene.paint.Color.TRANSPARENT);
            name.setText("unit " + unit);
            badge.setVisible(cell.numberUnitsProperty().get().contains(unit));
            badge.setManaged(badge.isVisible());
            setGraphic(box);
        }
    }

    /**
     * A compare column's unit drop-down: the cell's units in the unit list's order (number units first,
     * marked), showing and setting the unit its diagram and gate bars show. Choosing one also draws it
     * on the timeline, as a click on the unit does in the diagram or the heatmaps.
     */
    public static final class UnitChooser extends ComboBox<Integer> {

        /** Wide enough for "unit 99" and the arrow. */
        private static final double COMPACT_WIDTH = 104;

        private final CellViewModel cell;
        private final UnitChoice button = new UnitChoice();
        private boolean syncing;

        public UnitChooser(CellViewModel cell) {
            this.cell = cell;
            getStyleClass().add("unit-chooser");
            setPromptText("unit");
            setVisibleRowCount(12);
            setCellFactory(list -> new UnitChoice());
            setButtonCell(button);
            setMinWidth(Region.USE_PREF_SIZE);
            setTooltip(new Tooltip("The unit this column's diagram and gate bars show (number units first). "
                    + "\u2191 \u2193 step through the units of the column you clicked last."));
            // Items are a copy, replaced only while syncing: a combo box adjusts its value when its items
            // change, and that adjustment must not read as the user's choice.
            valueProperty().addListener((obs, old, unit) -> {
                if (!syncing && unit != null && unit != cell.getPrimaryUnit()) {
                    cell.selectPrimaryUnit(unit);
                }
            });
            cell.unitOrder().addListener((InvalidationListener) o -> sync());
            cell.numberUnitsProperty().addListener(o -> sync());
            cell.primaryUnitProperty().addListener(o -> sync());
            sync();
        }

        private void sync() {
            syncing = true;
            try {
                if (!getItems().equals(cell.unitOrder())) {
                    getItems().setAll(cell.unitOrder());
                }
                Integer unit = cell.unitOrder().isEmpty() ? null : cell.getPrimaryUnit();
                if (unit != null && unit.equals(getValue())) {
                    setValue(null); // redraws the button: a new model may mark other number units
                }
                setValue(unit);
            } finally {
                syncing = false;
            }
        }

        /** A narrow header's drop-down shows no badge on its button (its list still does). */
        public void setCompact(boolean compact) {
            if (button.compact != compact) {
                button.compact = compact;
                button.updateItem(getValue(), getValue() == null);
                // the list's widest row (with its badge) would set the width otherwise
                setPrefWidth(compact ? COMPACT_WIDTH : Region.USE_COMPUTED_SIZE);
            }
        }

        /** "unit 3" and, for a number unit, its badge. */
        private final class UnitChoice extends ListCell<Integer> {

            private final Label badge = new Label("number");
            private boolean compact;

            UnitChoice() {
                badge.getStyleClass().add("badge");
                setContentDisplay(ContentDisplay.RIGHT);
                setGraphicTextGap(8);
            }

            @Override
            protected void updateItem(Integer unit, boolean empty) {
                super.updateItem(unit, empty);
                if (empty || unit == null) {
                    setText(empty ? null : "unit");
                    setGraphic(null);
                    return;
                }
                setText("unit " + unit);
                setGraphic(!compact && cell.numberUnitsProperty().get().contains(unit) ? badge : null);
            }
        }
    }

    /** The model drop-down: the bundled models by name, files opened so far, and "Open model…". */
    public static final class ModelChooser extends HBox {

        private final ComboBox<String> combo = new ComboBox<>();
        private final Button openButton = new Button("Open model\u2026");
        private final CellViewModel cell;
        private boolean syncing;

        public ModelChooser(List<String> bundled, CellViewModel cell, Consumer<String> open, Runnable openFile) {
            super(6);
            this.cell = cell;
            setAlignment(Pos.CENTER_LEFT);
            combo.getItems().setAll(bundled);
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setPromptText("no model");
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(String nameOrPath) {
                    return nameOrPath == null ? "" : CellViewModel.displayName(nameOrPath);
                }

                @Override
                public String fromString(String text) {
                    return text;
                }
            });
            combo.setOnAction(e -> {
                String value = combo.getValue();
                if (!syncing && value != null && !value.equals(cell.chosenModelProperty().get())) {
                    open.accept(value);
                }
            });
            HBox.setHgrow(combo, Priority.ALWAYS);
            openButton.setOnAction(e -> openFile.run());
            openButton.setTooltip(new Tooltip("Open a model file (GateScope .safetensors, PyTorch .pt/.pth/.bin, "
                    + "Keras .h5/.keras, ONNX .onnx), Ctrl+O"));
            openButton.setMinWidth(Region.USE_PREF_SIZE); // the drop-down gives way, not the button's label
            combo.setMinWidth(60);
            getChildren().addAll(combo, openButton);
            cell.chosenModelProperty().addListener(o -> sync());
            // Listed once it opened: a file that fails to open never joins the list.
            cell.modelProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    remember(cell.chosenModelProperty().get());
                }
            });
            cell.importedProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    remember(cell.chosenModelProperty().get());
                }
            });
            if (cell.modelProperty().get() != null) {
                remember(cell.chosenModelProperty().get());
            }
            sync();
        }

        /** Shows the model asked for (while it opens, too); a failed open goes back to the one shown. */
        private void sync() {
            syncing = true;
            try {
                String chosen = cell.chosenModelProperty().get();
                combo.setValue(chosen == null || chosen.isEmpty() ? null : chosen);
            } finally {
                syncing = false;
            }
        }

        private void remember(String opened) {
            if (opened != null && !opened.isEmpty() && !combo.getItems().contains(opened)) {
                combo.getItems().add(opened);
            }
        }

        ComboBox<String> combo() {
            return combo;
        }

        /** A narrow header's button says "Open…" (its tooltip still says what it opens). */
        public void setCompact(boolean compact) {
            openButton.setText(compact ? "Open\u2026" : "Open model\u2026");
        }
    }

    // ---- what it shows, for the window's invariant checks (RandomWindowTest) --------------------

    /** What the side panel shows: the model's description, the predictions' title, the cell button pressed. */
    public record Shown(String modelInfo, String predictionTitle, CellKind cellButton) {
    }

    public Shown shown() {
        CellKind pressed = cellGroup.getSelectedToggle() == null ? null
                : (CellKind) cellGroup.getSelectedToggle().getUserData();
        return new Shown(modelInfo.getText(), predictionTitle.getText(), pressed);
    }
}
