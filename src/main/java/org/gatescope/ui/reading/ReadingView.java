package org.gatescope.ui.reading;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.gatescope.engine.Trace;
import org.gatescope.render.ColorScale;
import org.gatescope.render.ReadingLayout;
import org.gatescope.render.ReadingPainter;
import org.gatescope.ui.canvas.CanvasRegion;

/**
 * The coloured text: painted in bands of {@value #TILE} px by {@link ReadingPainter}, the PNG export's painter, so
 * the screen shows the very pixels the export draws; only bands in view are painted, and kept while only the scroll
 * position changes, so scrolling (wheel, scroll bar, Page Up/Down) mostly copies images; at most once per frame. Dragging across tokens marks a span; a click
 * steps the explorer; the explorer's step is kept in view.
 */
final class ReadingView extends CanvasRegion {

    private final ReadingViewModel model;
    private final ScrollBar scrollBar = new ScrollBar();
    private ReadingLayout layout;
    private List<String> layoutTokens;
    /** Painted bands of the text, {@value #TILE} px high, kept while nothing but the scroll position changes. */
    private final java.util.LinkedHashMap<Integer, WritableImage> tiles = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Integer, WritableImage> eldest) {
            return size() > MAX_TILES;
        }
    };
    private TileKey tileKey;
    private BufferedImage buffer;
    private int dragFrom = -1;
    private int dragTo = -1;
    private boolean dragged;

    static final int TILE = 256;
    static final int MAX_TILES = 16;

    /** What the tiles show: any change paints them anew. The trace and the search compare by identity. */
    private record TileKey(Trace trace, int unit, org.gatescope.engine.Quantity quantity, int step, Object search,
                           int width) {
    }

    ReadingView(ReadingViewModel model) {
        super(new Size(800, 600, 300, 200));
        this.model = model;
        setId("reading-view");
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener(o -> requestRepaint());
        getChildren().add(scrollBar);
        whileShowing(model.explorer().primary().traceProperty(), o -> {
            layout = null;
            requestRepaint();
        });
        whileShowing(model.explorer().primary().primaryUnitProperty(), o -> requestRepaint());
        whileShowing(model.quantityProperty(), o -> requestRepaint());
        whileShowing(model.searchProperty(), o -> requestRepaint());
        whileShowing(model.explorer().stepProperty(), o -> {
            keepInView(model.explorer().getStep());
            requestRepaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBy(-e.getDeltaY());
            e.consume();
        });
        canvas.setOnMouseMoved(e -> model.hover(tokenAt(e)));
        canvas.setOnMouseExited(e -> model.hover(-1));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(e -> {
            int t = tokenAt(e);
            if (dragFrom >= 0 && t >= 0 && t != dragTo) {
                dragTo = t;
                dragged = true;
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (dragFrom < 0 || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (dragged) {
                model.mark(dragFrom, dragTo);
            } else {
                model.click(dragFrom);
            }
            dragFrom = -1;
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    private void pressed(MouseEvent e) {
        dragFrom = tokenAt(e);
        dragTo = dragFrom;
        dragged = false;
    }

    /** Scrolls by {@code pixels} (positive: down). */
    void scrollBy(double pixels) {
        scrollBar.setValue(Math.max(scrollBar.getMin(), Math.min(scrollBar.getMax(), scrollBar.getValue() + pixels)));
    }

    /** Scrolls a page (positive: down). */
    void page(int direction) {
        scrollBy(direction * Math.max(ReadingLayout.LINE_HEIGHT, canvas.getHeight() - 2 * ReadingLayout.LINE_HEIGHT));
    }

    /** Scrolls so that token {@code t} shows. */
    void keepInView(int t) {
        ReadingLayout current = currentLayout();
        if (current == null || t < 0 || t >= current.size()) {
            return;
        }
        double top = current.y(t);
        double view = canvas.getHeight();
        if (top < scrollBar.getValue() || top + ReadingLayout.LINE_HEIGHT > scrollBar.getValue() + view) {
            scrollBar.setValue(Math.max(0, Math.min(scrollBar.getMax(), top - view / 3)));
        }
    }

    private int tokenAt(MouseEvent e) {
        ReadingLayout current = currentLayout();
        return current == null ? -1 : current.tokenAt(e.getX(), e.getY() + scrollBar.getValue());
    }

    private ReadingLayout currentLayout() {
        Trace trace = model.trace();
        int width = (int) Math.max(100, canvas.getWidth());
        if (trace == null) {
            layout = null;
            return null;
        }
        if (layout == null || layout.width() != width || layoutTokens != trace.tokens()) {
            layout = ReadingLayout.of(trace.tokens(), width);
            layoutTokens = trace.tokens();
        }
        return layout;
    }

    @Override
    protected void layoutChildren() {
        double bar = scrollBar.prefWidth(-1);
        layoutCanvas(0, 0, getWidth() - bar, getHeight());
        scrollBar.resizeRelocate(getWidth() - bar, 0, bar, getHeight());
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        int w = (int) width;
        int h = (int) height;
        if (w <= 0 || h <= 0) {
            return;
        }
        ReadingLayout current = currentLayout();
        double[] values = model.values();
        if (current == null || values == null) {
            g.clearRect(0, 0, width, height);
            return;
        }
        double max = Math.max(0, current.height() - height);
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 1 : height * max / current.height());
        scrollBar.setUnitIncrement(ReadingLayout.LINE_HEIGHT);
        scrollBar.setBlockIncrement(height - ReadingLayout.LINE_HEIGHT);
        TileKey key = new TileKey(model.trace(), model.explorer().primary().getPrimaryUnit(),
                model.quantityProperty().get(), model.explorer().getStep(), model.searchProperty().get(), w);
        if (!key.equals(tileKey)) {
            tiles.clear();
            tileKey = key;
        }
        double top = Math.min(scrollBar.getValue(), max);
        ReadingPainter.Marks marks = model.marks();
        ColorScale scale = ColorScale.forQuantity(model.quantityProperty().get());
        for (int i = (int) Math.floor(top / TILE); i * TILE < top + h; i++) {
            WritableImage tile = tiles.get(i);
            if (tile == null) {
                tile = paintTile(current, values, scale, marks, i, w);
                tiles.put(i, tile);
            }
            g.drawImage(tile, 0, i * TILE - top);
        }
    }

    /** Paints band {@code index} of the text with the export's painter, into a reused Java2D buffer. */
    private WritableImage paintTile(ReadingLayout current, double[] values, ColorScale scale, ReadingPainter.Marks marks,
                                    int index, int w) {
        if (buffer == null || buffer.getWidth() != w) {
            buffer = new BufferedImage(w, TILE, BufferedImage.TYPE_INT_ARGB);
        }
        Graphics2D g2 = buffer.createGraphics();
        try {
            ReadingPainter.paint(g2, current, model.trace().tokens(), values, scale, marks, index * (double) TILE, TILE);
        } finally {
            g2.dispose();
        }
        WritableImage tile = new WritableImage(w, TILE);
        int[] argb = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
        tile.getPixelWriter().setPixels(0, 0, w, TILE, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return tile;
    }
}
