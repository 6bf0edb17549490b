package org.gatescope.render.export;

import java.util.List;
import org.gatescope.engine.Trace;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.HeatmapLayout;
import org.gatescope.render.HeatmapOptions;
import org.gatescope.render.ImageTooLargeException;
import org.gatescope.render.Theme;
import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.DiagramLayout;
import org.gatescope.render.diagram.DiagramPainter;
import org.gatescope.render.diagram.DisplayFrame;
import org.gatescope.render.diagram.LayerContext;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.timeline.TimelineAxis;
import org.gatescope.render.timeline.TimelinePainter;
import org.gatescope.render.timeline.TimelineScene;

/**
 * A slide's picture in px, before any scale: the diagram, the timeline and the heatmaps laid out at
 * fixed sizes (a slide's, not a window's), stacked for {@link SlideView#ALL}. Draws through any
 * {@link Painter}, so the PNG, the GIF's frames and the SVG are one picture.
 */
final class SlidePicture {

    /** The diagram's size: a 16:9 slide's width, room for every text at a readable size. */
    static final double DIAGRAM_WIDTH = 1120;
    static final double DIAGRAM_HEIGHT = 540;
    static final double TIMELINE_HEIGHT = 320;
    /** The timeline's column per token: wide enough for the gates' numbers, narrower for long texts. */
    static final double MAX_COLUMN = 64;
    static final double MIN_COLUMN = 12;
    static final double MAX_TIMELINE_WIDTH = 2400;

    private final SlideRequest request;
    private final HeatmapLayout heatmaps;
    private final HeatmapOptions heatmapOptions;
    private final double timelineWidth;
    private final double column;

    SlidePicture(SlideRequest request) throws SlideExportException {
        this.request = request;
        Trace trace = request.trace();
        int tokens = trace.length();
        // as wide as the diagram at least, columns of MAX_COLUMN px up to MAX_TIMELINE_WIDTH, then narrower
        double margins = TimelineAxis.LEFT + TimelineAxis.RIGHT;
        double plot = Math.max(DIAGRAM_WIDTH - margins, Math.min(tokens * MAX_COLUMN, MAX_TIMELINE_WIDTH - margins));
        column = Math.max(MIN_COLUMN, plot / tokens);
        timelineWidth = margins + tokens * column;
        if (request.view() == SlideView.HEATMAPS || request.view() == SlideView.ALL && !animated()) {
            heatmapOptions = HeatmapOptions.defaults().withTitle(request.modelName());
            try {
                heatmaps = HeatmapImage.layout(trace, heatmapOptions);
            } catch (ImageTooLargeException e) {
                throw new SlideExportException("the heatmaps of " + tokens + " tokens would be too large an image ("
                        + e.width() + " × " + e.height() + " px): export the diagram or the timeline, or a shorter text");
            }
        } else {
            heatmaps = null;
            heatmapOptions = null;
        }
    }

    /** A GIF's "all" is the diagram over the timeline: the heatmaps do not change from token to token. */
    private boolean animated() {
        return request.format() == SlideFormat.GIF;
    }

    double width() {
        return switch (request.view()) {
            case DIAGRAM -> DIAGRAM_WIDTH;
            case TIMELINE -> timelineWidth;
            case HEATMAPS -> heatmaps.width();
            case ALL -> Math.max(Math.max(DIAGRAM_WIDTH, timelineWidth), heatmaps == null ? 0 : heatmaps.width());
        };
    }

    /** The height of the picture at any step (a GIF's frames are one size; the heatmaps do not change). */
    double height() {
        return switch (request.view()) {
            case DIAGRAM -> DIAGRAM_HEIGHT;
            case TIMELINE -> TIMELINE_HEIGHT;
            case HEATMAPS -> heatmaps.height();
            case ALL -> DIAGRAM_HEIGHT + TIMELINE_HEIGHT + (heatmaps == null ? 0 : heatmaps.height());
        };
    }

    /** Paints the picture at token {@code step} over a background, from (0, 0). */
    void paint(Painter g, int step) {
        g.setFill(Rgba.of(Theme.SURFACE));
        g.fillRect(0, 0, width(), height());
        switch (request.view()) {
            case DIAGRAM -> paintDiagram(g, step);
            case TIMELINE -> paintTimeline(g, step);
            case HEATMAPS -> HeatmapImage.paint(g, request.trace(), heatmapOptions, heatmaps);
            case ALL -> {
                paintDiagram(g, step);
                g.save();
                g.translate(0, DIAGRAM_HEIGHT);
                paintTimeline(g, step);
                if (heatmaps != null) {
                    g.translate(0, TIMELINE_HEIGHT);
                    HeatmapImage.paint(g, request.trace(), heatmapOptions, heatmaps);
                }
                g.restore();
            }
        }
    }

    private void paintDiagram(Painter g, int step) {
        Trace trace = request.trace();
        CellStructure structure = LayerContext.OWN.apply(CellStructure.of(trace.cell(), trace.gruReset()));
        DiagramLayout layout = new DiagramLayout(structure, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
        List<Trace.Prediction> top = trace.topPredictions(step, 1);
        DiagramPainter.paint(g, layout, new DiagramPainter.Scene(trace, step, request.unit(),
                DisplayFrame.of(trace, step, false), null, top.isEmpty() ? null : top.get(0), null, LayerContext.OWN));
    }

    private void paintTimeline(Painter g, int step) {
        Trace trace = request.trace();
        TimelineScene scene = TimelineScene.of(trace, step, request.unit(), request.timelineUnits());
        g.save();
        g.setFill(Rgba.of(Theme.SURFACE));
        g.fillRect(0, 0, timelineWidth, TIMELINE_HEIGHT);
        TimelinePainter.paint(g, scene, TimelineAxis.whole(trace.length(), column), timelineWidth, TIMELINE_HEIGHT);
        g.restore();
    }
}
