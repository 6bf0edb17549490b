package org.gatescope.ui.heatmap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.ColorScale;
import org.gatescope.render.HeatmapImage;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.canvas.TextWidths;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenAxisView;
import org.gatescope.ui.explorer.TokenViewport;
import org.gatescope.ui.explorer.UnitMenu;

/**
 * The gate heatmaps: one band per gate or state the cell has (Γu, Γr, Γf, Γo, c̃, c, a), units
 * down, tokens across, in render's colour scales (sequential for gates, diverging for states)
 * with a colour bar beside each band. Clicking a cell selects its unit (of this view's cell) and
 * the token everywhere; right-clicking a row of the main cell offers to silence its unit
 * ({@link UnitMenu}). The compare view shows one under each cell's timeline.
 *
 * <p>The rows fit the view ("fit": every band at once, a row may be a pixel or two) or are zoomed
 * to at least {@value #ZOOM_ROW} px, tall enough to click one unit, with the bands scrolling
 * vertically: the "fit | zoom" buttons under the band labels, or Ctrl + Shift + wheel for the
 * height in between and above.
 *
 * <p>Each band is rasterised lazily in tiles of {@value #TILE} tokens, only when a tile first
 * comes into view, and drawn scaled without smoothing, so a text of thousands of tokens
 * scrolls without the window ever drawing more than the visible columns.
 */
public final class HeatmapView extends TokenAxisView {

    public static final int TILE = 256;
    /** How many tiles are kept: many screens of every band. */
    static final int MAX_TILES = 128;
    private static final Size SIZE = size(300, 60);
    private static final double HEADER = 28;
    private static final double LABELS = 22;
    private static final double BAND_GAP = 8;
    private static final double MIN_ROW = 1;
    private static final double MAX_ROW = 22;
    /** A zoomed row's least height (px): a unit a mouse can aim at. */
    public static final double ZOOM_ROW = 14;
    /** The tallest a zoomed row grows with Ctrl + Shift + wheel. */
    static final double MAX_ZOOM_ROW = 40;
    /** How much one notch of Ctrl + Shift + wheel changes a zoomed row's height. */
    private static final double ROW_ZOOM_STEP = 1.25;
    private static final String TITLE = "Gates and states: units \u00D7 tokens";
    private static final String SHORT_TITLE = "Gates and states";
    private static final String SIGNED_NAME = "c\u0303 c a";
    private static final String GATE_NAME = "\u0393 gates";
    /** The legend's colour bars: as wide as in the single view, narrower in a compare column. */
    private static final double LEGEND_BAR = 64;
    private static final double COMPACT_LEGEND_BAR = 36;

    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    /** The most recently drawn tiles, at most {@value #MAX_TILES}: a long text scrolls without keeping all. */
    private final Map<Tile, WritableImage> tiles = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tile, WritableImage> eldest) {
            return size() > MAX_TILES;
        }
    };
    /** What the header says when the pointer is over no cell, longest first: the first that fits is shown. */
    private final List<String> hints;
    private final ToggleButton fitRows = new ToggleButton("fit");
    private final ToggleButton zoomRows = new ToggleButton("zoom");
    private final HBox rowZoom = new HBox(fitRows, zoomRows);
    /** The zoomed rows' height (px), or 0 while the rows fit the view. */
    private double zoomRow;
    private Trace tiled;
    private org.gatescope.render.Palette tiledPalette;
    private String hover = "";
    public long tilesBuilt;

    public HeatmapView(ExplorerViewModel explorer, CellViewModel cell, TokenViewport viewport) {
        super(explorer, cell, viewport, SIZE);
        getStyleClass().add("heatmap-view");
        horizontal.setOrientation(Orientation.HORIZONTAL);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setFocusTraversable(false);
        vertical.setFocusTraversable(false);
        getChildren().addAll(horizontal, vertical, rowZoomButtons());
        viewport.attach(horizontal);
        vertical.valueProperty().addListener(o -> requestRepaint());

        whileShowing(viewport, o -> {
            requestLayout();
            requestRepaint();
        });
        whileShowing(cell.primaryUnitProperty(), o -> revealPrimaryRow());

        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                Hit hit = hitTest(e.getX(), e.getY());
                if (hit != null) {
                    cell.selectPrimaryUnit(hit.unit());
                    explorer.jumpTo(hit.token());
                }
            }
        });
        boolean mainCell = cell == explorer.primary();
        // the marks explained: the triangle points at the diagram's unit, the outline is the current token
        String marks = "\u25B6 the diagram's unit, \u25AD this token";
        hints = mainCell ? List.of(marks + " \u00B7 click a cell to select both, right-click to silence the unit",
                marks + " \u00B7 click a cell to select both", marks)
                : List.of(marks + " \u00B7 click a cell to select both", marks);
        if (mainCell) { // the unit menu silences units of the main cell
            // a row's unit, from the clicked token on (from the current token when the click is beside the cells)
            UnitMenu.install(canvas, explorer, (x, y) -> {
                Hit row = rowAt(y);
                if (row == null) {
                    return Optional.empty();
                }
                int token = viewport.tokenAt(x);
                return Optional.of(new UnitMenu.Target(row.unit(), token >= 0 ? token : explorer.getStep()));
            });
        }
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Hit hit = hitTest(e.getX(), e.getY());
            String text = hit == null ? "" : describe(hit);
            if (!text.equals(hover)) {
                hover = text;
                requestRepaint();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = "";
            requestRepaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShiftDown() && (e.isControlDown() || e.isShortcutDown())) {
                // Shift may turn the wheel sideways: either delta says which way
                double delta = isSideways(e) ? e.getDeltaX() : e.getDeltaY();
                if (delta != 0) {
                    zoomRowsBy(delta > 0 ? ROW_ZOOM_STEP : 1 / ROW_ZOOM_STEP);
                }
                e.consume();
                return;
            }
            if (zoom(e)) {
                e.consume();
                return;
            }
            if (isSideways(e) || e.isShiftDown() || !vertical.isVisible()) {
                scrollTokens(e);
            } else {
                vertical.setValue(Math.max(0, Math.min(vertical.getMax(), vertical.getValue() - e.getDeltaY())));
            }
            e.consume();
        });
    }

    @Override
    protected void traceChanged(Trace trace) {
        hover = "";
    }

    /** One band's raster of tokens {@code index·TILE} … */
    private record Tile(Quantity quantity, int index) {
    }

    /** Where a cell of the heatmap is. */
    record Hit(Quantity quantity, int unit, int token) {
    }

    // ---- row zoom -------------------------------------------------------------------------

    /** "fit | zoom", under the band labels: one of the two is always chosen. */
    private HBox rowZoomButtons() {
        ToggleGroup group = new ToggleGroup();
        fitRows.setToggleGroup(group);
        zoomRows.setToggleGroup(group);
        fitRows.setSelected(true);
        fitRows.setId("heatmap-fit-rows");
        zoomRows.setId("heatmap-zoom-rows");
        fitRows.setTooltip(new Tooltip("Fit every band in the view (rows may be thin)"));
        zoomRows.setTooltip(new Tooltip("Rows tall enough to click one unit; scroll the bands with the wheel"
                + " (Ctrl+Shift+wheel: row height)"));
        for (ToggleButton button : new ToggleButton[] {fitRows, zoomRows}) {
            button.setFocusTraversable(false);
            button.setMnemonicParsing(false);
        }
        // A click on the chosen one keeps it chosen.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                setRowsZoomed(now == zoomRows);
            }
        });
        rowZoom.getStyleClass().add("row-zoom");
        rowZoom.setFillHeight(true);
        return rowZoom;
    }

    /** Zooms the rows to {@value #ZOOM_ROW} px (scrolling the bands), or fits them to the view. */
    public void setRowsZoomed(boolean zoomed) {
        setZoomRow(zoomed ? Math.max(ZOOM_ROW, zoomRow) : 0);
    }

    /** Whether the rows are zoomed rather than fitted to the view. */
    public boolean rowsZoomed() {
        return zoomRow > 0;
    }

    /** Ctrl + Shift + wheel: taller or shorter rows; shorter than a zoomed row is "fit". */
    private void zoomRowsBy(double factor) {
        double from = zoomRow > 0 ? zoomRow : ZOOM_ROW / factor;
        double to = Math.min(MAX_ZOOM_ROW, from * factor);
        setZoomRow(to < ZOOM_ROW - 1e-9 ? 0 : to);
    }

    private void setZoomRow(double row) {
        if (row == zoomRow) {
            return;
        }
        // Keep the band row under the top edge where it was.
        Trace trace = cell.getTrace();
        double before = trace == null ? 1 : rowHeight(trace, canvas.getHeight());
        zoomRow = row;
        (row > 0 ? zoomRows : fitRows).setSelected(true);
        if (trace != null) {
            double after = rowHeight(trace, canvas.getHeight());
            vertical.setValue(vertical.getValue() * after / before);
        }
        requestLayout();
        requestRepaint();
    }

    /**
     * Zoomed, the rows scroll: a unit chosen elsewhere (↑ ↓, the unit list) is scrolled into view
     * in the band at the top of the view, the least needed.
     */
    private void revealPrimaryRow() {
        Trace trace = cell.getTrace();
        if (zoomRow <= 0 || trace == null || !vertical.isVisible()) {
            return;
        }
        double row = rowHeight(trace, canvas.getHeight());
        double bandSpan = trace.hidden() * row + BAND_GAP;
        int band = (int) Math.max(0, Math.min(trace.quantities().size() - 1,
                Math.floor((vertical.getValue() + row / 2) / bandSpan)));
        int unit = Math.min(cell.getPrimaryUnit(), trace.hidden() - 1);
        double top = band * bandSpan + unit * row; // in content coordinates
        double visible = canvas.getHeight() - HEADER - LABELS;
        double value = vertical.getValue();
        if (top < value) {
            value = top;
        } else if (top + row > value + visible) {
            value = top + row - visible;
        }
        vertical.setValue(Math.max(0, Math.min(vertical.getMax(), value)));
    }

    /** The bands' scroll bar (tests). */
    ScrollBar verticalScrollBar() {
        return vertical;
    }

    /** The rows' height now (px), for tests. */
    double rowHeight() {
        Trace trace = cell.getTrace();
        return trace == null ? 0 : rowHeight(trace, canvas.getHeight());
    }

    // ---- geometry -------------------------------------------------------------------------

    /** A row's height in a canvas {@code height} px tall: every band fitted, or the zoomed height if taller. */
    private double rowHeight(Trace trace, double height) {
        int bands = trace.quantities().size();
        double available = height - HEADER - LABELS - bands * BAND_GAP;
        double row = available / (bands * (double) trace.hidden());
        row = row >= 4 ? Math.floor(row) : row;
        double fit = Math.max(MIN_ROW, Math.min(MAX_ROW, row));
        return zoomRow > 0 ? Math.max(fit, zoomRow) : fit;
    }

    private double contentHeight(Trace trace, double row) {
        int bands = trace.quantities().size();
        return bands * (trace.hidden() * row + BAND_GAP);
    }

    private double bandTop(int band, Trace trace, double row) {
        return HEADER + band * (trace.hidden() * row + BAND_GAP) - vertical.getValue();
    }

    Hit hitTest(double x, double y) {
        Hit row = rowAt(y);
        int token = viewport.tokenAt(x);
        return row == null || token < 0 ? null : new Hit(row.quantity(), row.unit(), token);
    }

    /** The band and unit of the row at {@code y}, whatever the column (token -1); null off the rows. */
    private Hit rowAt(double y) {
        Trace trace = cell.getTrace();
        if (trace == null || y < HEADER || y > canvas.getHeight() - LABELS) {
            return null;
        }
        double row = rowHeight(trace, canvas.getHeight());
        List<Quantity> quantities = trace.quantities();
        for (int band = 0; band < quantities.size(); band++) {
            double top = bandTop(band, trace, row);
            int unit = (int) Math.floor((y - top) / row);
            if (unit >= 0 && unit < trace.hidden()) {
                return new Hit(quantities.get(band), unit, -1);
            }
        }
        return null;
    }

    /** The centre of the cell of {@code quantity}, {@code unit}, {@code token} in canvas coordinates (tests). */
    public double[] cellCentre(Quantity quantity, int unit, int token) {
        Trace trace = cell.getTrace();
        double row = rowHeight(trace, canvas.getHeight());
        int band = trace.quantities().indexOf(quantity);
        return new double[] {viewport.centreOf(token), bandTop(band, trace, row) + (unit + 0.5) * row};
    }

    private String describe(Hit hit) {
        Trace trace = cell.getTrace();
        double v = trace.value(hit.quantity(), hit.token(), hit.unit());
        return String.format(Locale.ROOT, "%s · unit %d · \u201C%s\u201D (token %d) = %s", hit.quantity().symbol(),
                hit.unit(), trace.tokens().get(hit.token()), hit.token() + 1,
                String.format(Locale.ROOT, "%+.3f", v).replace("-", "\u2212"));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        layoutAxis(w);
        Trace trace = cell.getTrace();
        boolean showH = viewport.scrolls();
        double barH = showH ? SCROLL_BAR : 0;
        boolean showV = false;
        if (trace != null) {
            double row = rowHeight(trace, h - barH);
            double visible = h - barH - HEADER - LABELS;
            double content = contentHeight(trace, row);
            showV = content > visible + 0.5;
            vertical.setMax(Math.max(0, content - visible));
            vertical.setVisibleAmount(Math.max(1, visible));
            vertical.setUnitIncrement(row * 4);
            if (vertical.getValue() > vertical.getMax()) {
                vertical.setValue(vertical.getMax());
            }
        }
        if (!showV) {
            vertical.setValue(0);
        }
        horizontal.setVisible(showH);
        vertical.setVisible(showV);
        layoutCanvas(0, 0, w, h - barH);
        if (showH) {
            layoutTokenScrollBar(horizontal, w, h);
        }
        if (showV) {
            vertical.resizeRelocate(w - SCROLL_BAR, HEADER, SCROLL_BAR, Math.max(0, h - barH - HEADER - LABELS));
        }
        // under the band labels, beside the token labels
        rowZoom.setVisible(trace != null);
        double zoomHeight = Math.min(LABELS, rowZoom.prefHeight(-1));
        rowZoom.resizeRelocate(6, h - barH - LABELS + (LABELS - zoomHeight) / 2,
                Math.min(TokenViewport.LEFT - 10, rowZoom.prefWidth(-1)), zoomHeight);
    }

    // ---- painting -------------------------------------------------------------------------

    @Override
    protected String emptyHint() {
        return ""; // an empty text: the diagram's slot asks for a sentence, once for the window
    }

    @Override
    protected void paint(GraphicsContext g, Trace trace, double w, double h) {
        if (tiled != trace || tiledPalette != org.gatescope.render.Theme.palette()) {
            tiles.clear();
            tiled = trace;
            tiledPalette = org.gatescope.render.Theme.palette(); // a new palette colours the tiles anew
        }
        int step = Math.min(explorer.getStep(), trace.length() - 1);
        int primary = Math.min(cell.getPrimaryUnit(), trace.hidden() - 1);
        double row = rowHeight(trace, h);
        double left = TokenViewport.LEFT;
        double right = w - TokenViewport.RIGHT;
        double col = viewport.columnWidth();
        int first = viewport.firstVisible();
        int last = viewport.lastVisible();

        // Bands first (cells cut exactly to the plot, no clipping: it is slow to render), then the
        // header and the token labels painted over anything scrolled beneath them.
        double plotTop = HEADER;
        double plotBottom = h - LABELS;
        g.setImageSmoothing(false);
        List<Quantity> quantities = trace.quantities();
        for (int band = 0; band < quantities.size(); band++) {
            Quantity q = quantities.get(band);
            double top = bandTop(band, trace, row);
            double height = trace.hidden() * row;
            if (top > plotBottom || top + height < plotTop) {
                continue;
            }
            drawBandLabel(g, q, top, height, row, trace.hidden());
            drawCells(g, trace, q, first, last, top, row, left, right, plotTop, plotBottom);
            double rowTop = top + primary * row;
            if (row >= 10 && rowTop >= plotTop && rowTop + row <= plotBottom) {
                g.setStroke(CanvasTheme.TEXT);
                g.setLineWidth(1);
                g.strokeRect(left + 0.5, rowTop + 0.5, right - left - 1, row - 1);
            }
            // the primary unit: a marker beside its row; the current token's column: an outline
            double my = rowTop + row / 2;
            g.setFill(CanvasTheme.ACCENT);
            g.fillPolygon(new double[] {left - 9, left - 1, left - 9}, new double[] {my - 5, my, my + 5}, 3);
            double sx = viewport.xOf(step);
            if (sx + col >= left && sx <= right) {
                double x0 = Math.max(left, sx);
                double x1 = Math.min(right, sx + col);
                g.setStroke(CanvasTheme.ACCENT);
                g.setLineWidth(2.5);
                g.strokeRect(x0, top - 1, x1 - x0, height + 2);
            }
            drawColourBar(g, q, right + 10, top, height);
        }
        g.setFill(CanvasTheme.BACKGROUND);
        g.fillRect(0, 0, w, plotTop);
        g.fillRect(0, plotBottom, w, h - plotBottom);

        drawHeader(g, w);
        drawTokenLabels(g, trace, first, last, h - LABELS, step, left, right);
    }

    /**
     * The title, the colour legend and the hint (or what the pointer is over), as much as the width
     * holds: a compare column gets a shorter title and a narrower legend, and shows what the pointer
     * is over in the legend's place.
     */
    private void drawHeader(GraphicsContext g, double w) {
        String title = "";
        double legendBar = COMPACT_LEGEND_BAR;
        search:
        for (double bar : new double[] {LEGEND_BAR, COMPACT_LEGEND_BAR}) {
            for (String candidate : new String[] {TITLE, SHORT_TITLE}) {
                if (12 + textWidth(candidate, CanvasTheme.HEADING) + 20 + legendWidth(bar) <= w - 12) {
                    title = candidate;
                    legendBar = bar;
                    break search;
                }
            }
        }
        g.setFont(CanvasTheme.HEADING);
        g.setFill(CanvasTheme.TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, 12, HEADER / 2);
        if (title.equals(TITLE) && legendBar == LEGEND_BAR) {
            // wide: the legend, and between it and the title the hint or the cell under the pointer
            double legendLeft = drawLegend(g, w - 12, HEADER / 2, LEGEND_BAR);
            double textLeft = 12 + 300;
            if (legendLeft - textLeft > 120) {
                g.setFont(CanvasTheme.LABEL);
                g.setFill(hover.isEmpty() ? CanvasTheme.MUTED : CanvasTheme.TEXT);
                g.setTextAlign(TextAlignment.LEFT);
                double room = legendLeft - textLeft - 12;
                // the longest hint that fits at its own width: squeezed text is hard to read
                String text = hover.isEmpty() ? hints.stream()
                        .filter(h -> textWidth(h, CanvasTheme.LABEL) <= room)
                        .findFirst().orElse("") : hover;
                g.fillText(text, textLeft, HEADER / 2, room);
            }
            return;
        }
        double textLeft = title.isEmpty() ? 12 : 12 + textWidth(title, CanvasTheme.HEADING) + 20;
        if (!hover.isEmpty() && w - 12 - textLeft > 60) {
            g.setFont(CanvasTheme.LABEL);
            g.setFill(CanvasTheme.TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(hover, textLeft, HEADER / 2, w - 12 - textLeft);
        } else if (12 + legendWidth(legendBar) <= w - 12) {
            drawLegend(g, w - 12, HEADER / 2, legendBar);
        }
    }

    private void drawBandLabel(GraphicsContext g, Quantity q, double top, double height, double row, int hidden) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(CanvasTheme.TEXT);
        g.setFont(CanvasTheme.SYMBOL);
        double symbolY = top + Math.min(height / 2, 11);
        g.fillText(q.symbol(), 10, symbolY);
        if (height >= 30) {
            g.setFont(CanvasTheme.SMALL);
            g.setFill(CanvasTheme.MUTED);
            g.fillText(HeatmapImage.role(q), 10, symbolY + 16);
        }
        // unit indices, right-aligned against the cells: every one that fits, else the first and last
        g.setFont(CanvasTheme.SMALL);
        g.setFill(CanvasTheme.MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        double x = TokenViewport.LEFT - 12;
        if (row >= 6) {
            int every = (int) Math.ceil(12 / row);
            for (int unit = 0; unit < hidden; unit += Math.max(1, every)) {
                g.fillText(Integer.toString(unit), x, top + (unit + 0.5) * row);
            }
        } else if (height >= 26) {
            g.setTextBaseline(VPos.TOP);
            g.fillText("0", x, top);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(Integer.toString(hidden - 1), x, top + height);
        }
    }

    /** The band's cells of the visible tokens, cut to the plot rectangle [left, right] × [plotTop, plotBottom]. */
    private void drawCells(GraphicsContext g, Trace trace, Quantity q, int first, int last, double top, double row,
                           double left, double right, double plotTop, double plotBottom) {
        if (first > last) {
            return;
        }
        double col = viewport.columnWidth();
        int hidden = trace.hidden();
        double y0 = Math.max(top, plotTop);
        double y1 = Math.min(top + hidden * row, plotBottom);
        if (y1 <= y0) {
            return;
        }
        double sy = (y0 - top) / row;
        double sh = (y1 - y0) / row;
        for (int tile = first / TILE; tile <= last / TILE; tile++) {
            WritableImage image = tiles.computeIfAbsent(new Tile(q, tile), k -> rasterise(trace, k));
            int tileStart = tile * TILE;
            int from = Math.max(first, tileStart);
            int to = Math.min(last, tileStart + TILE - 1);
            double x0 = viewport.xOf(from);
            double x1 = viewport.xOf(to + 1);
            double cx0 = Math.max(x0, left);
            double cx1 = Math.min(x1, right);
            if (cx1 <= cx0) {
                continue;
            }
            double sx = from - tileStart + (cx0 - x0) / col;
            double sw = (cx1 - cx0) / col;
            g.drawImage(image, sx, sy, sw, sh, cx0, y0, cx1 - cx0, y1 - y0);
        }
    }

    /** One tile: tokens × units pixels, coloured as the exported heatmap's cells ({@link HeatmapImage#raster}). */
    private WritableImage rasterise(Trace trace, Tile tile) {
        int start = tile.index() * TILE;
        int width = Math.min(TILE, trace.length() - start);
        int hidden = trace.hidden();
        int[] argb = HeatmapImage.raster(trace, tile.quantity(), start, width);
        WritableImage image = new WritableImage(width, hidden);
        image.getPixelWriter().setPixels(0, 0, width, hidden, PixelFormat.getIntArgbInstance(), argb, 0, width);
        tilesBuilt++;
        return image;
    }

    /** How many tiles have been rasterised (tests: only visible tiles are). */
    public long tilesBuilt() {
        return tilesBuilt;
    }

    /**
     * The two colour scales in the header, right-aligned at {@code right}: "Γ 0 ▭ 1" and
     * "c̃ c a −1 ▭ +1". Returns where the legend begins.
     */
    private double drawLegend(GraphicsContext g, double right, double y, double barWidth) {
        double x = right;
        x = drawLegendScale(g, ColorScale.SIGNED, SIGNED_NAME, "\u22121", "+1", x, y, barWidth);
        x = drawLegendScale(g, ColorScale.GATE, GATE_NAME, "0", "1", x - 18, y, barWidth);
        return x;
    }

    /** How wide {@link #drawLegend} draws with colour bars {@code barWidth} wide. */
    private double legendWidth(double barWidth) {
        return 2 * (16 + barWidth + 22) + textWidth(SIGNED_NAME, CanvasTheme.SMALL) + 18
                + textWidth(GATE_NAME, CanvasTheme.SMALL);
    }

    private static double textWidth(String text, javafx.scene.text.Font font) {
        return TextWidths.of(text, font);
    }

    private static double drawLegendScale(GraphicsContext g, ColorScale scale, String name, String low, String high,
                                          double right, double y, double barWidth) {
        g.setFont(CanvasTheme.SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(CanvasTheme.MUTED);
        g.fillText(high, right, y);
        double barRight = right - 16;
        for (int i = 0; i < 32; i++) {
            double v = scale.min() + (scale.max() - scale.min()) * i / 31.0;
            g.setFill(argb(scale.argb(v)));
            g.fillRect(barRight - barWidth + i * barWidth / 32, y - 5, barWidth / 32 + 0.5, 10);
        }
        g.setFill(CanvasTheme.MUTED);
        g.fillText(low, barRight - barWidth - 4, y);
        g.setFill(CanvasTheme.TEXT);
        g.fillText(name, barRight - barWidth - 22, y);
        return barRight - barWidth - 22 - textWidth(name, CanvasTheme.SMALL);
    }

    private void drawColourBar(GraphicsContext g, Quantity q, double x, double top, double height) {
        ColorScale scale = ColorScale.forQuantity(q);
        double barWidth = 12;
        double barHeight = Math.max(8, height);
        int steps = (int) Math.max(2, Math.min(64, barHeight));
        for (int i = 0; i < steps; i++) {
            double v = scale.max() - (scale.max() - scale.min()) * i / (steps - 1.0);
            g.setFill(argb(scale.argb(v)));
            g.fillRect(x, top + barHeight * i / steps, barWidth, barHeight / steps + 1);
        }
        g.setStroke(CanvasTheme.AXIS);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, top + 0.5, barWidth, barHeight);
        if (height >= 24) {
            g.setFont(CanvasTheme.SMALL);
            g.setFill(CanvasTheme.MUTED);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(scale.isDiverging() ? "+1" : "1", x + barWidth + 5, top);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(scale.isDiverging() ? "\u22121" : "0", x + barWidth + 5, top + barHeight);
            if (scale.isDiverging() && height >= 48) {
                g.setTextBaseline(VPos.CENTER);
                g.fillText("0", x + barWidth + 5, top + barHeight / 2);
            }
        }
    }

    private void drawTokenLabels(GraphicsContext g, Trace trace, int first, int last, double y, int step,
                                 double left, double right) {
        double col = viewport.columnWidth();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(CanvasTheme.SMALL);
        int every = col >= 28 ? 1 : (int) Math.ceil(28 / col);
        for (int t = first; t <= last; t++) {
            if (t != step && t % every != 0) {
                continue;
            }
            String token = trace.tokens().get(t);
            int maxChars = (int) Math.max(1, col * every / 7);
            String label = token.length() <= maxChars ? token
                    : token.substring(0, Math.max(1, maxChars - 1)) + "\u2026";
            double cx = viewport.centreOf(t);
            if (cx < left || cx > right) {
                continue;
            }
            g.setFill(t == step ? CanvasTheme.ACCENT : trace.isUnknown(t) ? CanvasTheme.DANGER : CanvasTheme.MUTED);
            g.fillText(label, cx, y + LABELS / 2);
        }
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }
}
