package org.gatescope.render.diagram;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.TextAlign;

/**
 * Draws labels in the lecture's notation through a {@link Painter}, with subscripts and superscripts as in
 * Γ<sub>u</sub> and c̃<sup>&lt;t&gt;</sup>. Markup: {@code _} starts a subscript, {@code ^} a
 * superscript, each to the next space: {@code "Γ_u"}, {@code "c\u0303^<t-1>"}, {@code "W_hn"},
 * {@code "a^<t> = c^<t>"}. A combining tilde (U+0303) after a letter is drawn as a tilde over
 * it, which fonts place unreliably. Single Latin letters (the variables c, a, x, y, W) are set
 * in italic, as in the slides.
 */
public final class MathText {

    private static final char COMBINING_TILDE = '\u0303';
    private static final double SCRIPT_SCALE = 0.64;

    /** One stretch of a label: plain text, a subscript or a superscript. */
    public record Run(String text, Script script) {
    }

    public enum Script {
        NONE, SUB, SUP
    }

    private MathText() {
    }

    public static DrawFont font(double size, boolean bold) {
        return DrawFont.of(size, bold);
    }

    public static DrawFont italic(double size, boolean bold) {
        return DrawFont.italic(size, bold);
    }

    /**
     * Splits markup into runs: {@code _} starts a subscript and {@code ^} a superscript, each
     * running to the next space, {@code _} or {@code ^}; e.g. "a^<t> = c^<t>", "Γ_u", "W_hn".
     */
    public static List<Run> parse(String markup) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Script script = Script.NONE;
        for (int i = 0; i < markup.length(); i++) {
            char ch = markup.charAt(i);
            boolean starts = ch == '_' || ch == '^';
            boolean ends = script != Script.NONE && ch == ' ';
            if (starts || ends) {
                if (current.length() > 0) {
                    runs.add(new Run(current.toString(), script));
                    current.setLength(0);
                }
                script = ch == '_' ? Script.SUB : ch == '^' ? Script.SUP : Script.NONE;
                if (ends) {
                    current.append(ch);
                }
                continue;
            }
            current.append(ch);
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), script));
        }
        return runs;
    }

    /** The label as plain text, e.g. "c̃<t>" or "Γu", for tooltips and tests. */
    public static String plain(String markup) {
        StringBuilder text = new StringBuilder();
        for (Run run : parse(markup)) {
            text.append(run.text());
        }
        return text.toString();
    }

    /** The width of {@code markup} as {@code g} measures it. */
    public static double width(Painter g, String markup, double size, boolean bold) {
        return layOut(g, false, markup, 0, 0, size, bold);
    }

    /**
     * Draws {@code markup} with its baseline at {@code baseline}, aligned on {@code x} as
     * {@code align} says. The fill colour is the context's.
     */
    public static void draw(Painter g, String markup, double x, double baseline, double size, boolean bold,
                            TextAlign align) {
        double total = width(g, markup, size, bold);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - total / 2;
            case RIGHT -> x - total;
        };
        layOut(g, true, markup, left, baseline, size, bold);
    }

    /** Measures or ({@code paint}) draws the runs from {@code left}; returns the width. */
    private static double layOut(Painter g, boolean paint, String markup, double left, double baseline, double size,
                                 boolean bold) {
        double x = left;
        double scriptStart = Double.NaN;
        Script previous = Script.NONE;
        for (Run run : parse(markup)) {
            if (run.script() == Script.NONE) {
                for (String word : words(run.text())) {
                    DrawFont font = wordFont(word, size, bold);
                    String shown = stripTilde(word);
                    if (paint) {
                        g.setFont(font);
                        g.fillText(shown, x, baseline);
                        for (int index : tildePositions(word)) {
                            double from = x + g.textWidth(shown.substring(0, index), font);
                            double charWidth = g.textWidth(shown.substring(index, index + 1), font);
                            drawTilde(g, from + charWidth * 0.5 + size * 0.06, baseline - size * 0.74,
                                    charWidth * 0.8, size);
                        }
                    }
                    x += g.textWidth(shown, font);
                }
                previous = Script.NONE;
                continue;
            }
            DrawFont script = font(size * SCRIPT_SCALE, bold);
            boolean stacked = previous != Script.NONE && previous != run.script();
            double start = stacked ? scriptStart : x + size * 0.04;
            double y = run.script() == Script.SUB ? baseline + size * 0.22 : baseline - size * 0.42;
            if (paint) {
                g.setFont(script);
                g.fillText(run.text(), start, y);
            }
            double end = start + g.textWidth(run.text(), script);
            x = stacked ? Math.max(x, end) : end;
            scriptStart = start;
            previous = run.script();
        }
        return x - left;
    }

    /** Words and the spaces between them, so single-letter variables can be set in italic. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ' ') {
                if (current.length() > 0) {
                    words.add(current.toString());
                    current.setLength(0);
                }
                words.add(" ");
            } else {
                current.append(ch);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }

    private static DrawFont wordFont(String word, double size, boolean bold) {
        String letters = stripTilde(word);
        boolean variable = letters.length() == 1 && (letters.charAt(0) < 0x0370 && Character.isLetter(letters.charAt(0)));
        return variable ? italic(size, bold) : font(size, bold);
    }

    private static void drawTilde(Painter g, double centreX, double y, double width, double size) {
        double half = Math.max(width, size * 0.3) / 2;
        double amplitude = size * 0.07;
        g.save();
        g.setStroke(g.getFill());
        g.setLineWidth(Math.max(1, size * 0.075));
        g.beginPath();
        g.moveTo(centreX - half, y + amplitude * 0.6);
        g.bezierCurveTo(centreX - half * 0.45, y - amplitude * 1.8, centreX + half * 0.45, y + amplitude * 1.8,
                centreX + half, y - amplitude * 0.6);
        g.stroke();
        g.restore();
    }

    private static String stripTilde(String text) {
        return text.replace(String.valueOf(COMBINING_TILDE), "");
    }

    private static List<Integer> tildePositions(String text) {
        List<Integer> positions = new ArrayList<>();
        int stripped = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == COMBINING_TILDE) {
                positions.add(stripped - 1);
            } else {
                stripped++;
            }
        }
        return positions;
    }

}
