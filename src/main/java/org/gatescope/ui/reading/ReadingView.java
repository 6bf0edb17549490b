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
 * The coloured text: only the visible band is painted, by {@link ReadingPainter} into a reused Java2D buffer that
 * becomes the canvas' image, so the screen shows the very pixels the PNG export draws; scrolled by pixels (wheel,
 * scroll bar, Page Up/Down), repainting at most once per frame. Dragging across tokens marks a span; a click
 * steps the explorer; the explorer's step is kept in view.
 */
final class ReadingView extends CanvasRegion {

    private final ReadingViewModel model;
    private final ScrollBar scrollBar = new ScrollBar();
    private ReadingLayout layout;
    private List<String> layoutTokens;
    private BufferedImage buffer;
    private WritableImage image;
    private int dragFrom = -1;
    private int dragTo = -1;
    private boolean dragged;

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
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            image = new WritableImage(w, h);
        }
        Graphics2D g2 = buffer.createGraphics();
        try {
            ReadingPainter.paint(g2, current, model.trace().tokens(), values,
                    ColorScale.forQuantity(model.quantityProperty().get()), model.marks(),
                    Math.min(scrollBar.getValue(), max), h);
        } finally {
            g2.dispose();
        }
        int[] argb = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        g.drawImage(image, 0, 0);
    }
}
