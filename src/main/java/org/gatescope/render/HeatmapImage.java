package org.gatescope.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.CellKind;
import org.gatescope.render.draw.AwtText;
import org.gatescope.render.draw.CellGrid;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.Java2DPainter;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.draw.TextAlign;
import org.gatescope.render.draw.TextBaseline;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * Draws gate heatmaps of a {@link Trace} (units × tokens, one panel per quantity) into one
 * image, from the data: the exported PNG of the window and of {@code gatescope heatmap}.
 *
 * <p>The image: a title (the model, the cell and its size; the sentence on a second line),
 * then the panels, then footnotes. Gate panels share one row and c̃, c, a the next, so the
 * gates line up above the states they drive; when such a row would be wider than
 * {@value #GROUPED_MAX_WIDTH} px every panel gets a row of its own. Each panel has its
 * heading ("Γu update gate"), unit numbers at the left, tokens under the cells (reading
 * upwards when they do not fit across a cell; tokens the vocabulary lacks end in "*" and are
 * marked above their column) and a colour bar with ticks at the right.
 *
 * <p>Size, with T tokens shown, H units, cells of w × h px and the panels in R rows of at
 * most C panels:
 * <pre>
 *   panel width  = 58 + T·w + 100
 *   panel height = 32 + max(H·h + L, 110)       L = 92 (token labels upwards) or 24 (across)
 *   width  = max(560, 40 + C·panel width + (C − 1)·28)
 *   height = 40 + 62 + R·panel height + (R − 1)·20 + (N &gt; 0 ? 6 + 20·N : 0)    N footnotes
 * </pre>
 * Token labels lie across only when every one fits in a cell at least 24 px wide. Footnotes:
 * one when a shown token is unknown, one when the model names number units.
 * {@link #layout} computes all of it without drawing.
 *
 * <p>Deterministic: the same trace and options give the same pixels. Stateless and
 * thread-safe; needs no display (AWT headless is enough).
 */
public final class HeatmapImage {

    /** The largest width or height an image may have. */
    public static final int MAX_SIDE = 16_000;
    /** The most pixels an image may have (400 MB as ARGB). */
    public static final long MAX_PIXELS = 100_000_000L;

    static final int PAD = 20;
    static final int TITLE_HEIGHT = 62;
    static final int HEADER_HEIGHT = 32;
    static final int UNIT_AXIS_WIDTH = 58;
    static final int BAR_AREA_WIDTH = 100;
    static final int TOKEN_BAND_ROTATED = 92;
    static final int TOKEN_BAND_FLAT = 24;
    static final int MIN_BAR_HEIGHT = 110;
    static final int GAP_X = 28;
    static final int GAP_Y = 20;
    static final int NOTES_TOP = 6;
    static final int NOTE_HEIGHT = 20;
    static final int MIN_WIDTH = 560;
    static final int GROUPED_MAX_WIDTH = 3600;
    /** Token labels lie across a cell only from this cell width on. */
    static final int MIN_FLAT_LABEL_CELL = 24;

    private static final int BAR_GAP = 12;
    /** Grid lines only between cells at least this large. */
    private static final int MIN_GRID_CELL = 8;
    /** How strongly a grid line whitens the cell under it, of 255. */
    private static final int GRID_ALPHA = 80;
    private static final int BAR_WIDTH = 16;

    private static final Rgba INK = Rgba.of(ChartStyle.INK);
    private static final Rgba MUTED = Rgba.of(ChartStyle.MUTED);
    private static final Rgba FRAME = Rgba.of(ChartStyle.FRAME);
    /** Okabe–Ito vermillion: unknown tokens. */
    private static final Rgba UNKNOWN = Rgba.of(Theme.color("unknown-token"));
    /** Okabe–Ito blue: number units. */
    private static final Rgba NUMBER_UNIT = Rgba.of(Theme.color("number-unit"));

    private static final DrawFont TOKEN_FONT = font(Theme.LABEL);
    private static final DrawFont TOKEN_UNKNOWN_FONT = font(Theme.LABEL_BOLD);
    private static final DrawFont TITLE = font(Theme.TITLE);
    private static final DrawFont SUBTITLE = font(Theme.SUBTITLE);
    private static final DrawFont HEADING = font(Theme.HEADING);
    private static final DrawFont SMALL = font(Theme.SMALL);
    private static final DrawFont SMALL_BOLD = font(Theme.SMALL_BOLD);

    static final String UNKNOWN_NOTE = "* not in the model's vocabulary: read as <unk>";
    static final String NUMBER_UNITS_NOTE = "Blue unit numbers: the model's number units (they carry singular / plural)";

    /** Tokens written without a space before them in the title's sentence. */
    private static final Set<String> CLOSING_PUNCTUATION = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}");

    private HeatmapImage() {
    }

    /** The heading of a quantity's panel: "Γu update gate", "c̃ candidate", … */
    public static String panelTitle(Quantity quantity) {
        return quantity.symbol() + " " + role(quantity) + (quantity.isGate() ? " gate" : "");
    }

    /** What a quantity does, in the lecture's words: "update", "forget", "candidate", "memory cell", … */
    public static String role(Quantity quantity) {
        return switch (quantity) {
            case UPDATE_GATE -> "update";
            case RELEVANCE_GATE -> "relevance";
            case FORGET_GATE -> "forget";
            case OUTPUT_GATE -> "output";
            case CANDIDATE -> "candidate";
            case MEMORY_CELL -> "memory cell";
            case ACTIVATION -> "activation";
        };
    }

    /**
     * Draws the heatmap.
     *
     * @param trace not modified
     * @return a new TYPE_INT_ARGB image, opaque
     * @throws ImageTooLargeException if the image would exceed {@link #MAX_SIDE} or {@link #MAX_PIXELS}
     * @throws IllegalArgumentException if the trace lacks a quantity asked for, or the first
     *     token lies beyond its end
     */
    public static BufferedImage render(Trace trace, HeatmapOptions options) {
        HeatmapLayout layout = layout(trace, options);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            Java2DPainter g = new Java2DPainter(graphics, image);
            // Every shape is an axis-aligned rectangle on whole pixels: crisp without antialiasing
            // (and far faster on 100 Mpx); text is antialiased.
            g.setShapeAntialiasing(false);
            paint(g, trace, options, layout);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /**
     * Paints the heatmaps laid out as {@code layout} through {@code g}: the PNG above, and the SVG export.
     *
     * @param trace not modified
     */
    public static void paint(Painter g, Trace trace, HeatmapOptions options, HeatmapLayout layout) {
        g.setFill(Rgba.of(Theme.SURFACE));
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.ALPHABETIC);
        g.setLineWidth(1);
        drawTitle(g, trace, options, layout);
        for (HeatmapLayout.Panel panel : layout.panels()) {
            drawCells(g, trace, layout, panel);
            drawPanelDecorations(g, trace, layout, panel);
        }
        drawNotes(g, layout);
    }

    private static DrawFont font(Font font) {
        return new DrawFont(font.getSize2D(), font.isBold(), font.isItalic());
    }

    /**
     * Where everything goes and how large the image is, without drawing (see the class
     * comment for the formula).
     *
     * @throws ImageTooLargeException if the image would exceed {@link #MAX_SIDE} or {@link #MAX_PIXELS}
     * @throws IllegalArgumentException if the trace lacks a quantity asked for, or the first
     *     token lies beyond its end
     */
    public static HeatmapLayout layout(Trace trace, HeatmapOptions options) {
        int length = trace.length();
        int first = options.firstToken();
        if (first >= length) {
            throw new IllegalArgumentException("the first token " + first + " lies beyond the text's " + length
                    + " tokens (0.." + (length - 1) + ")");
        }
        int count = (int) Math.min(options.tokenCount(), (long) length - first);
        List<Quantity> quantities = quantities(trace, options);
        int cellWidth = options.cellWidth();
        int cellHeight = options.cellHeight();
        boolean rotated = !tokenLabelsFitAcross(trace, first, count, cellWidth);
        int band = rotated ? TOKEN_BAND_ROTATED : TOKEN_BAND_FLAT;

        long gridWidth = (long) count * cellWidth;
        long gridHeight = (long) trace.hidden() * cellHeight;
        long panelWidth = UNIT_AXIS_WIDTH + gridWidth + BAR_AREA_WIDTH;
        long panelHeight = HEADER_HEIGHT + Math.max(gridHeight + band, MIN_BAR_HEIGHT);
        List<String> notes = notes(trace, first, count);
        long notesHeight = notes.isEmpty() ? 0 : NOTES_TOP + (long) NOTE_HEIGHT * notes.size();

        List<List<Quantity>> rows = grouped(quantities);
        int across = rows.stream().mapToInt(List::size).max().orElse(1);
        if (across > 1 && rowWidth(across, panelWidth) > GROUPED_MAX_WIDTH) {
            rows = quantities.stream().map(List::of).toList();
            across = 1;
        }
        long width = Math.max(MIN_WIDTH, 2L * PAD + rowWidth(across, panelWidth));
        long height = 2L * PAD + TITLE_HEIGHT + rows.size() * panelHeight + (rows.size() - 1L) * GAP_Y + notesHeight;
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            // One panel a row is the narrowest arrangement; count how many tokens fit in it.
            long stackedHeight = 2L * PAD + TITLE_HEIGHT + quantities.size() * panelHeight
                    + (quantities.size() - 1L) * GAP_Y + notesHeight;
            long widthBudget = stackedHeight > MAX_SIDE ? 0 : Math.min(MAX_SIDE, MAX_PIXELS / stackedHeight);
            long fixed = 2L * PAD + UNIT_AXIS_WIDTH + BAR_AREA_WIDTH;
            int maxTokens = (int) Math.max(0, Math.min(length, (widthBudget - fixed) / cellWidth));
            throw new ImageTooLargeException(width, height, count, maxTokens);
        }

        List<HeatmapLayout.Panel> panels = new ArrayList<>();
        int y = PAD + TITLE_HEIGHT;
        for (List<Quantity> row : rows) {
            int x = PAD;
            for (Quantity quantity : row) {
                panels.add(new HeatmapLayout.Panel(quantity, x, y, x + UNIT_AXIS_WIDTH, y + HEADER_HEIGHT,
                        (int) gridWidth, (int) gridHeight));
                x += (int) panelWidth + GAP_X;
            }
            y += (int) panelHeight + GAP_Y;
        }
        return new HeatmapLayout((int) width, (int) height, first, count, cellWidth, cellHeight, rotated, panels,
                notes);
    }

    private static long rowWidth(int panels, long panelWidth) {
        return panels * panelWidth + (panels - 1L) * GAP_X;
    }

    private static List<Quantity> quantities(Trace trace, HeatmapOptions options) {
        List<Quantity> quantities = options.quantities().isEmpty() ? trace.quantities() : options.quantities();
        for (Quantity quantity : quantities) {
            if (!trace.has(quantity)) {
                throw new IllegalArgumentException(trace.cell().id() + " has no " + quantity.key() + " (it has "
                        + String.join(", ", trace.quantities().stream().map(Quantity::key).toList()) + ")");
            }
        }
        return quantities;
    }

    /** Gates in one row, the states (c̃, c, a) in the next; each in the order asked for. */
    private static List<List<Quantity>> grouped(List<Quantity> quantities) {
        List<Quantity> gates = quantities.stream().filter(Quantity::isGate).toList();
        List<Quantity> states = quantities.stream().filter(q -> !q.isGate()).toList();
        if (gates.isEmpty() || states.isEmpty()) {
            return List.of(quantities);
        }
        return List.of(gates, states);
    }

    private static List<String> notes(Trace trace, int first, int count) {
        List<String> notes = new ArrayList<>();
        for (int t = first; t < first + count; t++) {
            if (trace.isUnknown(t)) {
                notes.add(UNKNOWN_NOTE);
                break;
            }
        }
        if (trace.numberUnits().length > 0) {
            notes.add(NUMBER_UNITS_NOTE);
        }
        return notes;
    }

    private static boolean tokenLabelsFitAcross(Trace trace, int first, int count, int cellWidth) {
        if (cellWidth < MIN_FLAT_LABEL_CELL) {
            return false;
        }
        for (int t = first; t < first + count; t++) {
            double labelWidth = AwtText.width(tokenLabel(trace, t), trace.isUnknown(t) ? TOKEN_UNKNOWN_FONT : TOKEN_FONT);
            if (labelWidth > cellWidth - 4) {
                return false;
            }
        }
        return true;
    }

    private static String tokenLabel(Trace trace, int t) {
        return trace.isUnknown(t) ? trace.tokens().get(t) + "*" : trace.tokens().get(t);
    }


    // ---- title and notes ------------------------------------------------------------------

    private static void drawTitle(Painter g, Trace trace, HeatmapOptions options, HeatmapLayout layout) {
        int maxWidth = layout.width() - 2 * PAD;
        StringBuilder head = new StringBuilder();
        if (options.title() != null && !options.title().isBlank()) {
            head.append(options.title().strip()).append(" — ");
        }
        head.append(cellName(trace)).append(", ").append(trace.hidden()).append(trace.hidden() == 1 ? " unit" : " units");
        int last = layout.firstToken() + layout.tokenCount() - 1;
        if (layout.tokenCount() < trace.length()) {
            head.append(String.format(Locale.ROOT, " · tokens %,d–%,d of %,d", layout.firstToken(), last,
                    trace.length()));
        }
        g.setFill(INK);
        g.setFont(TITLE);
        g.fillText(fit(metrics(g, TITLE), head.toString(), maxWidth), PAD, PAD + 20);

        g.setFill(MUTED);
        g.setFont(SUBTITLE);
        String sentence = sentence(trace, layout.firstToken(), layout.tokenCount(), maxWidth);
        g.fillText(fit(metrics(g, SUBTITLE), sentence, maxWidth), PAD, PAD + 46);
    }

    private static String cellName(Trace trace) {
        if (trace.cell() == CellKind.GRU) {
            return "GRU (reset " + trace.gruReset().id() + ")";
        }
        return trace.cell().displayName();
    }

    /** The shown tokens as text, in quotes, "…" where the text goes on; at most a few screens of it. */
    private static String sentence(Trace trace, int first, int count, int maxWidth) {
        StringBuilder text = new StringBuilder("“");
        if (first > 0) {
            text.append("… ");
        }
        int limit = maxWidth / 3; // more characters than can ever fit; the rest is cut by fit()
        boolean more = first + count < trace.length();
        for (int t = first; t < first + count; t++) {
            String token = trace.tokens().get(t);
            if (t > first && !CLOSING_PUNCTUATION.contains(token)) {
                text.append(' ');
            }
            text.append(token);
            if (text.length() > limit) {
                more = true;
                break;
            }
        }
        return text.append(more ? " …”" : "”").toString();
    }

    /** {@code text}, or as much of it as fits followed by "…". */
    /** Widths rounded to whole px, as Java2D's FontMetrics gives them, from the painter's measure. */
    private record Metrics(Painter g, DrawFont font) {
        int stringWidth(String text) {
            return (int) Math.round(g.textWidth(text, font));
        }

        int getAscent() {
            return (int) Math.round(AwtText.ascent(font));
        }

        int getDescent() {
            return (int) Math.round(AwtText.descent(font));
        }
    }

    private static Metrics metrics(Painter g, DrawFont font) {
        return new Metrics(g, font);
    }

    private static String fit(Metrics metrics, String text, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (metrics.stringWidth(text.substring(0, mid) + "…") <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && Character.isHighSurrogate(text.charAt(low - 1))) {
            low--;
        }
        return text.substring(0, low).stripTrailing() + "…";
    }

    private static void drawNotes(Painter g, HeatmapLayout layout) {
        g.setFont(SMALL);
        int y = layout.height() - PAD - NOTE_HEIGHT * layout.notes().size() + 14;
        for (String note : layout.notes()) {
            int x = PAD;
            String rest = note;
            if (note.startsWith("*")) {
                g.setFont(SMALL_BOLD);
                g.setFill(UNKNOWN);
                g.fillText("*", x, y);
                x += metrics(g, SMALL_BOLD).stringWidth("*");
                rest = note.substring(1);
                g.setFont(SMALL);
            } else if (note.equals(NUMBER_UNITS_NOTE)) {
                g.setFont(SMALL_BOLD);
                g.setFill(NUMBER_UNIT);
                String lead = "Blue unit numbers";
                g.fillText(lead, x, y);
                x += metrics(g, SMALL_BOLD).stringWidth(lead);
                rest = note.substring(lead.length());
                g.setFont(SMALL);
            }
            g.setFill(MUTED);
            g.fillText(fit(metrics(g, SMALL), rest, layout.width() - PAD - x), x, y);
            y += NOTE_HEIGHT;
        }
    }

    // ---- panels ---------------------------------------------------------------------------

    /**
     * Fills the cells straight into the image's pixels, each with its light grid line along
     * its top and left edge (none on the grid's outer edges): a heatmap of thousands of
     * tokens stays fast.
     */
    private static void drawCells(Painter g, Trace trace, HeatmapLayout layout, HeatmapLayout.Panel panel) {
        int cw = layout.cellWidth();
        int ch = layout.cellHeight();
        boolean grid = cw >= MIN_GRID_CELL && ch >= MIN_GRID_CELL;
        int count = layout.tokenCount();
        g.fillCells(new CellGrid(panel.gridX(), panel.gridY(), count, trace.hidden(), cw, ch,
                raster(trace, panel.quantity(), layout.firstToken(), count), grid));
    }

    /**
     * The colours of {@code quantity}'s cells for tokens {@code first} … {@code first + count − 1}:
     * units down, tokens across, row-major (unit · count + j), 0xAARRGGBB in its colour scale.
     * The window's heatmap draws these, scaled; this image draws them cell by cell.
     *
     * @param trace not modified
     */
    public static int[] raster(Trace trace, Quantity quantity, int first, int count) {
        int hidden = trace.hidden();
        int[] argb = new int[count * hidden];
        ColorScale scale = ColorScale.forQuantity(quantity);
        for (int unit = 0; unit < hidden; unit++) {
            for (int j = 0; j < count; j++) {
                argb[unit * count + j] = scale.argb(trace.value(quantity, first + j, unit));
            }
        }
        return argb;
    }

    /** {@code argb} seen through white at {@link #GRID_ALPHA}/255: the grid line over a cell. */
    static int lighten(int argb) {
        return CellGrid.lighten(argb);
    }

    private static void drawPanelDecorations(Painter g, Trace trace, HeatmapLayout layout,
                                             HeatmapLayout.Panel panel) {
        drawFrame(g, panel);
        drawHeader(g, trace, layout, panel);
        drawUnitLabels(g, trace, layout, panel);
        drawTokenLabels(g, trace, layout, panel);
        drawColourBar(g, trace, panel);
    }

    private static void drawFrame(Painter g, HeatmapLayout.Panel panel) {
        g.setFill(FRAME);
        g.setStroke(FRAME);
        g.strokeRect(panel.gridX() - 0.5, panel.gridY() - 0.5, panel.gridWidth() + 1, panel.gridHeight() + 1);
    }

    private static void drawHeader(Painter g, Trace trace, HeatmapLayout layout, HeatmapLayout.Panel panel) {
        int baseline = panel.y() + 20;
        g.setFont(HEADING);
        g.setFill(INK);
        String title = panelTitle(panel.quantity());
        int right = panel.gridX() + panel.gridWidth() + BAR_AREA_WIDTH - 8;
        g.fillText(fit(metrics(g, HEADING), title, right - panel.gridX()), panel.gridX(), baseline);
        int titleEnd = panel.gridX() + metrics(g, HEADING).stringWidth(title);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = layout.firstToken(); t < layout.firstToken() + layout.tokenCount(); t++) {
            for (int unit = 0; unit < trace.hidden(); unit++) {
                double v = trace.value(panel.quantity(), t, unit);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        String range = "values " + number(min) + " … " + number(max);
        g.setFont(SMALL);
        int rangeWidth = metrics(g, SMALL).stringWidth(range);
        if (right - rangeWidth > titleEnd + 16) {
            g.setFill(MUTED);
            g.fillText(range, right - rangeWidth, baseline);
        }

        g.setFill(UNKNOWN);
        for (int j = 0; j < layout.tokenCount(); j++) {
            if (trace.isUnknown(layout.firstToken() + j)) {
                int x = panel.gridX() + j * layout.cellWidth();
                g.fillRect(x, panel.gridY() - 6, layout.cellWidth(), 4);
            }
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    private static void drawUnitLabels(Painter g, Trace trace, HeatmapLayout layout, HeatmapLayout.Panel panel) {
        int ch = layout.cellHeight();
        int hidden = trace.hidden();
        int step = niceStep(ch, 14);
        boolean[] numberUnit = new boolean[hidden];
        for (int unit : trace.numberUnits()) {
            numberUnit[unit] = true;
        }
        g.setFont(SMALL);
        Metrics plain = metrics(g, SMALL);
        for (int unit = 0; unit < hidden; unit++) {
            // Number units always get their number; regular labels make room for them.
            if (!numberUnit[unit] && (unit % step != 0 || nearNumberUnit(numberUnit, unit, step))) {
                continue;
            }
            int centre = panel.gridY() + unit * ch + ch / 2;
            String label = Integer.toString(unit);
            g.setFont(numberUnit[unit] ? SMALL_BOLD : SMALL);
            g.setFill(numberUnit[unit] ? NUMBER_UNIT : INK);
            Metrics metrics = metrics(g, numberUnit[unit] ? SMALL_BOLD : SMALL);
            g.fillText(label, panel.gridX() - 6 - metrics.stringWidth(label),
                    centre + (plain.getAscent() - plain.getDescent()) / 2);
        }
        // The axis title, reading upwards, centred on the grid.
        g.setFont(SMALL);
        g.setFill(MUTED);
        String axis = "unit";
        g.fillTextUpwards(axis, panel.x() + 14, panel.gridY() + panel.gridHeight() / 2.0 + plain.stringWidth(axis) / 2.0);
    }

    private static boolean nearNumberUnit(boolean[] numberUnit, int unit, int step) {
        for (int u = Math.max(0, unit - step + 1); u < Math.min(numberUnit.length, unit + step); u++) {
            if (numberUnit[u]) {
                return true;
            }
        }
        return false;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, … such that that many cells span {@code minPixels}. */
    private static int niceStep(int cellPixels, int minPixels) {
        int step = 1;
        while ((long) step * cellPixels < minPixels) {
            step = nextNice(step);
        }
        return step;
    }

    private static int nextNice(int step) {
        int decade = 1;
        while (decade * 10 <= step) {
            decade *= 10;
        }
        int lead = step / decade;
        return lead == 1 ? 2 * decade : lead == 2 ? 5 * decade : 10 * decade;
    }

    private static void drawTokenLabels(Painter g, Trace trace, HeatmapLayout layout, HeatmapLayout.Panel panel) {
        int cw = layout.cellWidth();
        int top = panel.gridY() + panel.gridHeight() + 6;
        int step = layout.tokenLabelsRotated() ? niceStep(cw, 15) : 1;
        int maxLength = TOKEN_BAND_ROTATED - 12;
        for (int j = 0; j < layout.tokenCount(); j++) {
            int t = layout.firstToken() + j;
            boolean unknown = trace.isUnknown(t);
            if (t % step != 0 && !unknown) {
                continue;
            }
            g.setFont(unknown ? TOKEN_UNKNOWN_FONT : TOKEN_FONT);
            g.setFill(unknown ? UNKNOWN : INK);
            Metrics metrics = metrics(g, unknown ? TOKEN_UNKNOWN_FONT : TOKEN_FONT);
            double centre = panel.gridX() + j * cw + cw / 2.0;
            if (layout.tokenLabelsRotated()) {
                // A cut unknown token keeps its mark: "extraord…*".
                String label = unknown
                        ? fit(metrics, trace.tokens().get(t), maxLength - metrics.stringWidth("*")) + "*"
                        : fit(metrics, trace.tokens().get(t), maxLength);
                // Reading upwards, ending just under the cells, centred on the column.
                g.fillTextUpwards(label, centre + (metrics.getAscent() - metrics.getDescent()) / 2.0,
                        top + metrics.stringWidth(label));
            } else {
                String label = tokenLabel(trace, t);
                g.fillText(label, centre - metrics.stringWidth(label) / 2.0, top + metrics.getAscent());
            }
        }
    }

    private static void drawColourBar(Painter g, Trace trace, HeatmapLayout.Panel panel) {
        ColorScale scale = ColorScale.forQuantity(panel.quantity());
        int x = panel.gridX() + panel.gridWidth() + BAR_GAP;
        int y = panel.gridY();
        int height = Math.max(panel.gridHeight(), MIN_BAR_HEIGHT);
        for (int row = 0; row < height; row++) {
            double v = scale.max() - (row + 0.5) / height * (scale.max() - scale.min());
            g.setFill(Rgba.of(scale.argb(v)));
            g.fillRect(x, y + row, BAR_WIDTH, 1);
        }
        g.setFill(FRAME);
        g.setStroke(FRAME);
        g.strokeRect(x - 0.5, y - 0.5, BAR_WIDTH + 1, height + 1);

        boolean unbounded = panel.quantity() == Quantity.MEMORY_CELL && trace.cell().isLstm();
        double[] ticks;
        String[] labels;
        if (scale.isDiverging()) {
            ticks = new double[] {1, 0.5, 0, -0.5, -1};
            labels = new String[] {unbounded ? "≥ 1" : "1", "0.5", "0", "−0.5", unbounded ? "≤ −1" : "−1"};
        } else {
            ticks = new double[] {1, 0.75, 0.5, 0.25, 0};
            labels = new String[] {"1 open", "0.75", "0.5", "0.25", "0 shut"};
        }
        g.setFont(SMALL);
        Metrics metrics = metrics(g, SMALL);
        for (int i = 0; i < ticks.length; i++) {
            boolean end = i == 0 || i == ticks.length - 1;
            boolean middle = i == ticks.length / 2;
            int ty = (int) Math.round(y + (scale.max() - ticks[i]) / (scale.max() - scale.min()) * (height - 1));
            g.setFill(INK);
            g.fillRect(x + BAR_WIDTH, ty, 4, 1);
            if (end || middle || height >= 160) {
                g.setFill(end ? INK : MUTED);
                g.fillText(labels[i], x + BAR_WIDTH + 7, ty + (metrics.getAscent() - metrics.getDescent()) / 2);
            }
        }
    }
}
