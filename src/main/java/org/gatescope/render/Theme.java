package org.gatescope.render;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GateScope's colours and type, named once for the window and the exported PNGs alike.
 *
 * <p>Why the stylesheet is the source: the window's controls can only be styled in CSS, and
 * JavaFX's looked-up colours ({@code -gs-accent}) already give every control one name per
 * colour. So the {@code .root} block of {@code gatescope.css} declares each colour once, and
 * this class reads those declarations ({@code -gs-name: #rrggbb;}, {@code #rrggbbaa}, or another
 * {@code -gs-name}) from the resource once, as Java2D colours: the PNG renderers draw with them
 * here, and {@code ui.canvas.CanvasTheme} hands the same values to the canvases as JavaFX
 * colours. No JavaFX here: the CLI renders headless, and render stays below ui.
 *
 * <p>The colour-blind-safe {@link Palette} overrides some of those colours in a second block,
 * {@code .root.palette-colourblind} (the window puts that style class on its root, so its controls
 * follow): {@link #use} switches every colour here, and the fields below, to a palette. The fields
 * are not final for that reason only: the painters read them at each paint, so a switch followed
 * by a repaint shows the new colours everywhere (the CLI chooses before it draws).
 *
 * <p>JavaFX CSS has no looked-up fonts, so the type is named here: one family and a few sizes
 * for the PNGs (Java2D fonts), and the family and sizes of the window's canvases (which
 * {@code CanvasTheme} turns into JavaFX fonts on the FX thread).
 */
public final class Theme {

    /** The stylesheet, as a resource of this module. */
    public static final String STYLESHEET = "/org/gatescope/ui/app/gatescope.css";

    // before PALETTES: static fields initialise in order
    private static final Pattern ROOT = Pattern.compile("(?m)^\\.root\\s*\\{([^}]*)\\}");
    private static final Pattern PALETTE_BLOCK = Pattern.compile("(?m)^\\.root\\.palette-([a-z]+)\\s*\\{([^}]*)\\}");
    private static final Pattern DECLARATION = Pattern.compile("-gs-([a-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?");

    private static final Map<Palette, Map<String, Integer>> PALETTES = parsePalettes(read());

    private static volatile Palette palette = Palette.STANDARD;
    private static volatile Map<String, Integer> colours = PALETTES.get(Palette.STANDARD);

    /** {@code -gs-surface}: what panels, canvases and images are drawn on. */
    public static volatile Color SURFACE;
    /** {@code -gs-text}: text and ink. */
    public static volatile Color TEXT;
    /** {@code -gs-muted}: captions, hints, axes' labels. */
    public static volatile Color MUTED;
    /** {@code -gs-accent}: the current token, the hovered node, the reach. */
    public static volatile Color ACCENT;
    public static volatile Color DANGER;
    /** {@code -gs-track}: the empty part of a bar. */
    public static volatile Color TRACK;
    public static volatile Color GRID;
    public static volatile Color AXIS;
    /** {@code -gs-frame}: the frames of the PNGs' panels and colour bars. */
    public static volatile Color FRAME;
    public static volatile Color PLOT;
    /** Γu, the write gate: the lecture's "update". */
    public static volatile Color WRITE;
    /** Γf, the keep gate. */
    public static volatile Color KEEP;
    public static volatile Color TRAINING;
    public static volatile Color VALIDATION;

    static {
        assignFields();
    }

    /** How many unit colours there are ({@code -gs-unit-0} …). */
    public static final int UNIT_COLOURS = 8;

    /** The family of the PNGs: Java2D's logical sans serif, the same on every machine with the JDK's fonts. */
    public static final String PRINT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE = new Font(PRINT_FAMILY, Font.BOLD, 20);
    public static final Font TITLE_SMALL = new Font(PRINT_FAMILY, Font.BOLD, 18);
    public static final Font HEADING = new Font(PRINT_FAMILY, Font.BOLD, 16);
    public static final Font HEADING_SMALL = new Font(PRINT_FAMILY, Font.BOLD, 15);
    public static final Font SUBTITLE = new Font(PRINT_FAMILY, Font.PLAIN, 15);
    public static final Font BODY = new Font(PRINT_FAMILY, Font.PLAIN, 14);
    public static final Font LABEL = new Font(PRINT_FAMILY, Font.PLAIN, 13);
    public static final Font LABEL_BOLD = new Font(PRINT_FAMILY, Font.BOLD, 13);
    public static final Font SMALL = new Font(PRINT_FAMILY, Font.PLAIN, 12);
    public static final Font SMALL_BOLD = new Font(PRINT_FAMILY, Font.BOLD, 12);

    /** The family of the window's canvases: JavaFX's system font, as the controls around them. */
    public static final String SCREEN_FAMILY = "System";
    /** The canvases' sizes in px, sized for a projector: labels, small print, headings, gate symbols, hints. */
    public static final double SCREEN_LABEL = 13;
    public static final double SCREEN_SMALL = 11;
    public static final double SCREEN_HEADING = 15;
    public static final double SCREEN_SYMBOL = 17;
    public static final double SCREEN_HINT = 18;

    private Theme() {
    }

    /**
     * Draws from now on with {@code chosen}'s colours: {@link #argb}, {@link #color}, the unit
     * colours, the colour fields and {@link ColorScale#SIGNED}. Callers repaint what is shown.
     */
    public static synchronized void use(Palette chosen) {
        colours = PALETTES.get(chosen);
        palette = chosen;
        assignFields();
    }

    /** The palette in use. */
    public static Palette palette() {
        return palette;
    }

    /**
     * The colour {@code -gs-name} of the palette in use, as 0xAARRGGBB.
     *
     * @throws IllegalArgumentException if the stylesheet does not declare it
     */
    public static int argb(String name) {
        return argb(name, colours);
    }

    /** The colour {@code -gs-name} of {@code chosen}, whichever palette is in use (tests, comparisons). */
    public static int argb(String name, Palette chosen) {
        return argb(name, PALETTES.get(chosen));
    }

    private static int argb(String name, Map<String, Integer> from) {
        Integer argb = from.get(name);
        if (argb == null) {
            throw new IllegalArgumentException("gatescope.css declares no -gs-" + name + " in .root");
        }
        return argb;
    }

    private static void assignFields() {
        SURFACE = color("surface");
        TEXT = color("text");
        MUTED = color("muted");
        ACCENT = color("accent");
        DANGER = color("danger");
        TRACK = color("track");
        GRID = color("grid");
        AXIS = color("axis");
        FRAME = color("frame");
        PLOT = color("plot");
        WRITE = color("write");
        KEEP = color("keep");
        TRAINING = color("training");
        VALIDATION = color("validation");
    }

    /** The colour {@code -gs-name}, for Java2D. */
    public static Color color(String name) {
        return new Color(argb(name), true);
    }

    /** The colour of the {@code i}-th unit ({@code -gs-unit-i}, cycling), as 0xAARRGGBB. */
    public static int unitArgb(int i) {
        return argb("unit-" + Math.floorMod(i, UNIT_COLOURS));
    }

    /** The {@code i}-th unit's hue dark enough for text on the surfaces ({@code -gs-unit-text-i}), as 0xAARRGGBB. */
    public static int unitTextArgb(int i) {
        return argb("unit-text-" + Math.floorMod(i, UNIT_COLOURS));
    }

    /**
     * WCAG 2's contrast ratio of two opaque colours 0xAARRGGBB (alpha ignored): 1 to 21; AA asks
     * 4.5 for text.
     */
    public static double contrast(int argb1, int argb2) {
        double l1 = luminance(argb1);
        double l2 = luminance(argb2);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /** WCAG 2's relative luminance of the sRGB colour {@code argb}. */
    static double luminance(int argb) {
        return 0.2126 * linear(argb >> 16 & 0xFF) + 0.7152 * linear(argb >> 8 & 0xFF) + 0.0722 * linear(argb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** {@code argb} painted over the opaque {@code ground}: what the eye sees of a translucent colour. */
    public static int over(int argb, int ground) {
        double a = (argb >>> 24) / 255.0;
        int r = (int) Math.round(a * (argb >> 16 & 0xFF) + (1 - a) * (ground >> 16 & 0xFF));
        int g = (int) Math.round(a * (argb >> 8 & 0xFF) + (1 - a) * (ground >> 8 & 0xFF));
        int b = (int) Math.round(a * (argb & 0xFF) + (1 - a) * (ground & 0xFF));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Every {@code -gs-*} colour the stylesheet declares, by name without the prefix. */
    public static java.util.Set<String> names() {
        return colours.keySet();
    }

    /** The names of the colours {@code chosen} declares differently from the standard palette. */
    public static java.util.Set<String> overriddenBy(Palette chosen) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        PALETTES.get(chosen).forEach((name, argb) -> {
            if (!argb.equals(PALETTES.get(Palette.STANDARD).get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static String read() {
        try (InputStream in = Theme.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet " + STYLESHEET + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code -gs-*} declarations of the {@code .root} block, references resolved. */
    static Map<String, Integer> parse(String css) {
        return parsePalettes(css).get(Palette.STANDARD);
    }

    /**
     * Each palette's colours: the {@code .root} block's, and for another palette those with its
     * {@code .root.palette-NAME} block's declarations put over them, references resolved in the
     * merged set (so {@code -gs-write: -gs-unit-text-1} follows an overridden unit colour).
     */
    static Map<Palette, Map<String, Integer>> parsePalettes(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher root = ROOT.matcher(plain);
        if (!root.find()) {
            throw new IllegalStateException("the stylesheet has no .root block");
        }
        Map<String, String> standard = declarations(root.group(1));
        Map<Palette, Map<String, Integer>> palettes = new java.util.EnumMap<>(Palette.class);
        for (Palette p : Palette.values()) {
            palettes.put(p, resolveAll(standard));
        }
        Matcher block = PALETTE_BLOCK.matcher(plain);
        while (block.find()) {
            Palette p = Palette.fromId(block.group(1)).orElseThrow(() -> new IllegalStateException(
                    "the stylesheet declares an unknown palette .root.palette-" + block.group(1)));
            Map<String, String> merged = new HashMap<>(standard);
            Map<String, String> overrides = declarations(block.group(2));
            for (String name : overrides.keySet()) {
                if (!standard.containsKey(name)) {
                    throw new IllegalStateException("-gs-" + name + " of .root.palette-" + p.id()
                            + " overrides nothing in .root");
                }
            }
            merged.putAll(overrides);
            palettes.put(p, resolveAll(merged));
        }
        return Map.copyOf(palettes);
    }

    private static Map<String, String> declarations(String block) {
        Map<String, String> values = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(block);
        while (declaration.find()) {
            values.put(declaration.group(1), declaration.group(2).strip());
        }
        return values;
    }

    private static Map<String, Integer> resolveAll(Map<String, String> values) {
        Map<String, Integer> colours = new HashMap<>();
        for (String name : values.keySet()) {
            colours.put(name, resolve(name, values, 0));
        }
        return Map.copyOf(colours);
    }

    private static int resolve(String name, Map<String, String> values, int depth) {
        String value = values.get(name);
        if (value == null || depth > values.size()) {
            throw new IllegalStateException("-gs-" + name + " is not a colour of .root (or refers in a circle)");
        }
        Matcher hex = HEX.matcher(value);
        if (hex.matches()) {
            int rgb = Integer.parseInt(hex.group(1), 16);
            int alpha = hex.group(2) == null ? 0xFF : Integer.parseInt(hex.group(2), 16);
            return alpha << 24 | rgb;
        }
        if (value.startsWith("-gs-")) {
            return resolve(value.substring(4), values, depth + 1);
        }
        throw new IllegalStateException("-gs-" + name + ": " + value + " is neither #rrggbb[aa] nor -gs-name");
    }
}
