package org.gatescope.ui.explorer;

import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.render.ReachChart;
import org.gatescope.render.ReachRow;

/**
 * The traced tokens as a row of chips: the current one highlighted, unknown words marked with
 * a dashed red border, what the model read in their place ({@code <unk>} or their signature,
 * {@code <unk-s>}) beside the word and a tooltip saying why; clicking a chip
 * jumps to that token. A horizontal {@link ListView}, so only visible chips exist even for a
 * text of thousands of tokens.
 */
public final class TokenStrip extends ListView<TokenChip> {

    static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    /** From this many tokens on, chips have one width (style class :long), so the list measures none. */
    static final int LONG_TEXT = 400;
    static final PseudoClass LONG = PseudoClass.getPseudoClass("long");

    private final ExplorerViewModel explorer;
    private int pendingStep = -1;

    public TokenStrip(ExplorerViewModel explorer) {
        super(explorer.tokenChips());
        this.explorer = explorer;
        getStyleClass().add("token-strip");
        setOrientation(Orientation.HORIZONTAL);
        setFocusTraversable(false);
        setPrefHeight(50);
        setMinHeight(50);
        setMaxHeight(50);
        setCellFactory(list -> new ChipCell(explorer));
        setPlaceholder(new javafx.scene.control.Label(""));
        explorer.stepProperty().addListener((obs, old, step) -> showStep(step.intValue()));
        explorer.tokenChips().addListener((javafx.collections.ListChangeListener<TokenChip>) c -> {
            pseudoClassStateChanged(LONG, getItems().size() > LONG_TEXT);
            showStep(explorer.getStep());
        });
        explorer.reachProperty().addListener(o -> refresh());
        explorer.showReachProperty().addListener(o -> refresh());
        // A click selects; the selection mirrors the step, never the other way round by itself.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            javafx.scene.Node node = e.getPickResult().getIntersectedNode();
            while (node != null && !(node instanceof ChipCell)) {
                node = node.getParent();
            }
            if (node instanceof ChipCell chip && !chip.isEmpty()) {
                explorer.jumpTo(chip.getIndex());
                if (getScene() != null) {
                    getScene().getRoot().requestFocus(); // out of the sentence field: the arrows step again
                }
                e.consume();
            }
        });
    }

    /**
     * The strip with, at its right while the memory reach is shown, the legend of the bars under
     * the words: a bar and "reach of p(was)", its tooltip saying what the bar measures.
     */
    public HBox withLegend() {
        Rectangle bar = new Rectangle(22, 3);
        bar.getStyleClass().add("reach-bar");
        Label legend = new Label();
        legend.setId("reach-legend");
        legend.getStyleClass().addAll("reach-legend", "muted");
        legend.setGraphic(bar);
        legend.setContentDisplay(ContentDisplay.BOTTOM);
        legend.setMnemonicParsing(false);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(200));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        legend.setTooltip(tip);
        Runnable update = () -> {
            MemoryReach reach = explorer.getReach();
            boolean shown = explorer.showReachProperty().get() && reach != null;
            legend.setVisible(shown);
            legend.setManaged(shown);
            if (reach != null) {
                legend.setText("reach of " + (reach.logProbability() ? "p(" + reach.target() + ")" : reach.objective()));
                tip.setText("The bar under each word: how much its memory cell"
                        + (reach.layer().isEmpty() ? "" : " in " + reach.layer()) + " still reaches "
                        + (reach.logProbability() ? "the prediction of " : "") + "\u201C"
                        + reach.target() + "\u201D at token " + (reach.position() + 1) + " ("
                        + ReachRow.caption(reach, "c<t>") + ", log scale: a full bar is " + ReachRow.TOP_LABEL
                        + ", none is " + ReachRow.BOTTOM_LABEL + "). R shows or hides it.");
            }
        };
        explorer.reachProperty().addListener(o -> update.run());
        explorer.showReachProperty().addListener(o -> update.run());
        update.run();
        HBox.setHgrow(this, Priority.ALWAYS);
        HBox box = new HBox(8, this, legend);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void showStep(int step) {
        if (step < 0 || step >= getItems().size()) {
            getSelectionModel().clearSelection();
            return;
        }
        getSelectionModel().clearAndSelect(step);
        // Scrolled in the next layout, when the list knows its new items: once per frame at most.
        pendingStep = step;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (pendingStep < 0) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        int step = pendingStep;
        if (flow == null || flow.getCellCount() != getItems().size()) {
            return; // not ready: the next layout tries again
        }
        pendingStep = -1;
        IndexedCell<?> firstCell = flow.getFirstVisibleCell();
        IndexedCell<?> lastCell = flow.getLastVisibleCell();
        if (firstCell == null || lastCell == null || step <= firstCell.getIndex() || step >= lastCell.getIndex()) {
            flow.scrollTo(step); // the least scrolling that shows it whole
        }
    }

    /** The chip of token {@code index} if it is on screen (tests). */
    public ChipCell chipAt(int index) {
        for (javafx.scene.Node node : lookupAll(".token-chip")) {
            if (node instanceof ChipCell chip && chip.getIndex() == index && !chip.isEmpty()) {
                return chip;
            }
        }
        return null;
    }

    /** One token as a chip. */
    public static final class ChipCell extends ListCell<TokenChip> {

        /** Made on first need: a tooltip is a popup window, too heavy for every chip of a long text. */
        private Tooltip unknownTip;
        private final ExplorerViewModel explorer;
        /** The memory reach under the token: as long as the text at 1, nothing at the floor (log scale). */
        private final javafx.scene.shape.Rectangle reachBar = new javafx.scene.shape.Rectangle(0, 3);
        private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
        /**
         * An unknown word is drawn as the word and, beside it in small, what the model read in its
         * place ({@code <unk>} or its signature, {@code <unk-s>}), the reach bar under both: the strip
         * keeps its height.
         */
        private final Label unknownWord = new Label();
        private final Label readAsTag = new Label();
        private final javafx.scene.layout.VBox unknownGraphic = new javafx.scene.layout.VBox(1);
        private final HBox unknownLine = new HBox(3, unknownWord, readAsTag);

        ChipCell() {
            this(null);
        }

        ChipCell(ExplorerViewModel explorer) {
            this.explorer = explorer;
            getStyleClass().add("token-chip");
            reachBar.getStyleClass().add("reach-bar");
            readAsTag.getStyleClass().add("read-as-tag");
            readAsTag.setMnemonicParsing(false);
            unknownWord.getStyleClass().add("unknown-word");
            unknownWord.setMnemonicParsing(false);
            unknownWord.setMinWidth(0);
            readAsTag.setMinWidth(Region.USE_PREF_SIZE);
            unknownLine.setAlignment(Pos.BASELINE_CENTER);
            unknownGraphic.setAlignment(Pos.CENTER);
            setContentDisplay(javafx.scene.control.ContentDisplay.BOTTOM);
            setGraphicTextGap(1);
        }

        /** The reach row's fraction for this token, or -1 when no reach is shown. */
        private double reachFraction(int index) {
            if (explorer == null || !explorer.showReachProperty().get() || explorer.getReach() == null) {
                return -1;
            }
            double[] norms = explorer.getReach().memoryCell();
            if (norms.length != getListView().getItems().size() || index >= norms.length) {
                return -1;
            }
            return index > explorer.getReach().position() ? 0 : ReachChart.fraction(norms[index]);
        }

        @Override
        protected void updateItem(TokenChip chip, boolean empty) {
            super.updateItem(chip, empty);
            if (empty || chip == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                pseudoClassStateChanged(UNKNOWN, false);
                return;
            }
            setText(chip.unknown() ? null : chip.text());
            double reach = reachFraction(getIndex());
            if (reach >= 0) {
                measure.setFont(getFont());
                measure.setText(chip.text());
                reachBar.setWidth(Math.max(reach > 0 ? 2 : 0, reach * measure.getLayoutBounds().getWidth()));
            }
            if (chip.unknown()) {
                unknownWord.setText(chip.text());
                readAsTag.setText(chip.readAs());
                if (reach >= 0) {
                    unknownGraphic.getChildren().setAll(unknownLine, reachBar);
                } else {
                    unknownGraphic.getChildren().setAll(unknownLine);
                }
                setGraphic(unknownGraphic);
            } else {
                setGraphic(reach < 0 ? null : reachBar);
            }
            pseudoClassStateChanged(UNKNOWN, chip.unknown());
            if (chip.unknown()) {
                if (unknownTip == null) {
                    unknownTip = new Tooltip();
                    unknownTip.setShowDelay(Duration.millis(200));
                }
                unknownTip.setText(chip.unknownExplanation());
                setTooltip(unknownTip);
            } else {
                setTooltip(null);
            }
        }

        public boolean isUnknown() {
            return getPseudoClassStates().contains(UNKNOWN);
        }

        /** What the chip says the model read under an unknown word ("<unk-s>"); "" for a known one. */
        public String readAsShown() {
            return isUnknown() && getGraphic() == unknownGraphic ? readAsTag.getText() : "";
        }
    }
}
