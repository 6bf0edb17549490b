package org.gatescope.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;

/**
 * A lesson step's text with its live numbers filled in from the trace shown: "Γu of unit {unit} is {u} here"
 * becomes "Γu of unit 29 is 0.00 here". A placeholder is {@code {WHAT [unit U] [at T] [from F] [SOURCE]}}:
 *
 * <ul>
 *   <li>WHAT: a gate or state ({@code u r f o c a c_tilde}; {@code gate u} and {@code Γu} also read), the memory
 *       account ({@code kept written survival}), {@code reach} (‖∂ log p(verb) / ∂c&lt;t&gt;‖), {@code p WORD}
 *       (the probability that WORD comes next), {@code token} (the word) or {@code unit} (its number;
 *       {@code {unit number2}} the model's second number unit's);</li>
 *   <li>U a unit or {@code numberK} (the model's k-th number unit), T and F a token position from 0 or a word
 *       of the text; by default the step's first unit, its token and its memory band's token;</li>
 *   <li>SOURCE which trace: the one shown (by default), {@code intact} (without the clamps), {@code replaced}
 *       (the counterfactual's) or {@code silenced} (the ablation's).</li>
 * </ul>
 *
 * A number whose trace is still being computed shows as "…", one that does not apply (Γf of a GRU) as "—".
 * {@code {{} writes a brace.
 */
public final class LessonText {

    /** Still being computed. */
    public static final String PENDING = "\u2026";
    /** Does not apply here. */
    public static final String MISSING = "\u2014";

    /** Which trace a placeholder reads. */
    public enum Source { SHOWN, INTACT, REPLACED, SILENCED }

    /**
     * What the numbers are read from. Any trace but {@code shown} may be null (not made, or not yet).
     *
     * @param unit the step's unit (-1 for none), {@code at} its token, {@code memoryFrom} its memory band's token
     */
    public record Facts(Trace shown, Trace intact, Trace replaced, Trace silenced, MemoryReach reach, int unit, int at,
                        int memoryFrom) {

        Trace of(Source source) {
            return switch (source) {
                case SHOWN -> shown;
                case INTACT -> intact != null ? intact : shown; // without clamps, the shown trace is intact
                case REPLACED -> replaced;
                case SILENCED -> silenced;
            };
        }
    }

    /** One placeholder, read. */
    private record Placeholder(String what, String word, UnitRef unit, TokenRef at, TokenRef from, Source source) {
    }

    private LessonText() {
    }

    /**
     * Checks every placeholder of {@code template}.
     *
     * @throws IllegalArgumentException naming the first placeholder that cannot be read, and why
     */
    public static void check(String template) {
        for (String inside : placeholders(template)) {
            parse(inside);
        }
    }

    /** {@code template} with its placeholders filled from {@code facts} (null facts: every number pending). */
    public static String fill(String template, Facts facts) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && template.startsWith("{{", i)) {
                out.append('{');
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    out.append(template, i, template.length());
                    break;
                }
                String value;
                try {
                    value = facts == null ? PENDING : value(parse(template.substring(i + 1, end)), facts);
                } catch (IllegalArgumentException e) {
                    value = MISSING;
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<String> placeholders(String template) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{{", i)) {
                i += 2;
            } else if (template.charAt(i) == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("a '{' without its '}': \""
                            + template.substring(i, Math.min(template.length(), i + 30)) + "\"");
                }
                found.add(template.substring(i + 1, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static Placeholder parse(String inside) {
        String[] words = inside.strip().split("\\s+");
        int k = 0;
        if (words.length > 1 && words[0].equals("gate")) {
            k++;
        }
        if (words[0].isEmpty()) {
            throw new IllegalArgumentException("an empty placeholder {}");
        }
        String what = canonical(words[k++]);
        String word = null;
        if (what.equals("p")) {
            if (k >= words.length) {
                throw new IllegalArgumentException("{" + inside + "}: p needs the word, e.g. {p was at 7}");
            }
            word = words[k++];
        }
        UnitRef unit = null;
        if (what.equals("unit") && k < words.length && words[k].matches("number\\d+|\\d+")) {
            unit = UnitRef.parse(words[k++]); // {unit number2}: the number, not the value, of that unit
        }
        TokenRef at = null;
        TokenRef from = null;
        Source source = Source.SHOWN;
        while (k < words.length) {
            String key = words[k++];
            switch (key) {
                case "intact" -> source = Source.INTACT;
                case "replaced" -> source = Source.REPLACED;
                case "silenced" -> source = Source.SILENCED;
                case "unit", "at", "from" -> {
                    if (k >= words.length) {
                        throw new IllegalArgumentException("{" + inside + "}: '" + key + "' needs a value");
                    }
                    String value = words[k++];
                    try {
                        if (key.equals("unit")) {
                            unit = UnitRef.parse(value);
                        } else if (key.equals("at")) {
                            at = token(value);
                        } else {
                            from = token(value);
                        }
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("{" + inside + "}: " + e.getMessage());
                    }
                }
                default -> throw new IllegalArgumentException("{" + inside + "}: '" + key + "' is not understood"
                        + " (after what, write unit U, at T, from F, intact, replaced or silenced)");
            }
        }
        return new Placeholder(what, word, unit, at, from, source);
    }

    /** A gate's or state's key ({@code u}, {@code c_tilde}) or one of the other names; refuses anything else. */
    private static String canonical(String what) {
        String key = switch (what) {
            case "Γu", "update" -> "u";
            case "Γr", "relevance", "reset" -> "r";
            case "Γf", "forget" -> "f";
            case "Γo", "output" -> "o";
            case "c̃", "candidate" -> "c_tilde";
            default -> what;
        };
        if (Quantity.fromKey(key).isPresent() || List.of("kept", "written", "survival", "reach", "p", "token", "unit")
                .contains(key)) {
            return key;
        }
        throw new IllegalArgumentException("{" + what + " …}: '" + what + "' is no number GateScope shows (u, r, f, o,"
                + " c, a, c_tilde, kept, written, survival, reach, p WORD, token, unit)");
    }

    private static TokenRef token(String value) {
        try {
            return TokenRef.at(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return TokenRef.word(value);
        }
    }

    /** The placeholder's value, formatted; throws IllegalArgumentException when it does not apply (shown as —). */
    private static String value(Placeholder p, Facts facts) {
        Trace trace = facts.of(p.source());
        if (trace == null) {
            return PENDING;
        }
        int unit = p.unit() == null ? facts.unit() : resolve(p.unit().resolve(trace.numberUnits(), trace.hidden()));
        int t = p.at() == null ? facts.at() : resolve(p.at().resolve(trace.tokens()));
        if (p.what().equals("unit")) {
            return unit < 0 ? MISSING : Integer.toString(unit);
        }
        if (t < 0 || t >= trace.length()) {
            return MISSING;
        }
        switch (p.what()) {
            case "token" -> {
                return trace.tokens().get(t);
            }
            case "p" -> {
                double probability = trace.probability(t, p.word().toLowerCase(Locale.ROOT));
                return Double.isNaN(probability) ? MISSING : percent(probability); // a word the model lacks
            }
            case "reach" -> {
                MemoryReach reach = facts.reach();
                if (reach == null) {
                    return PENDING;
                }
                return t < reach.memoryCell().length ? number(reach.memoryCell()[t], 3) : MISSING;
            }
            default -> {
                // every remaining WHAT is per unit
            }
        }
        if (unit < 0 || unit >= trace.hidden()) {
            return MISSING;
        }
        switch (p.what()) {
            case "kept", "written", "survival" -> {
                if (!MemoryAccount.accountable(trace.cell())) {
                    return MISSING;
                }
                int from = p.from() != null ? resolve(p.from().resolve(trace.tokens()))
                        : facts.memoryFrom() >= 0 ? facts.memoryFrom() : t;
                if (from < 0 || from >= trace.length()) {
                    return MISSING;
                }
                MemoryAccount account = new MemoryAccount(trace, from);
                double value = p.what().equals("kept") ? account.kept(t, unit)
                        : p.what().equals("written") ? account.written(t, unit) : account.survival(t, unit);
                return Double.isNaN(value) ? MISSING : number(value, 2);
            }
            default -> {
                Quantity quantity = Quantity.fromKey(p.what()).orElseThrow();
                return trace.has(quantity) ? number(trace.value(quantity, t, unit), 2) : MISSING;
            }
        }
    }

    private static int resolve(OptionalInt value) {
        return value.orElse(-1);
    }

    /** {@code digits} decimals, a true minus sign, never "−0.00". */
    static String number(double value, int digits) {
        String text = String.format(Locale.ROOT, "%." + digits + "f", value);
        if (text.matches("-0\\.0*")) {
            text = text.substring(1);
        }
        return text.replace('-', '\u2212');
    }

    /** A probability as a percentage: "99.9 %", "0.86 %" below 1 %, "< 0.01 %". */
    static String percent(double probability) {
        double p = 100 * probability;
        if (p < 0.01) {
            return "< 0.01 %";
        }
        return String.format(Locale.ROOT, p < 1 ? "%.2f %%" : "%.1f %%", p);
    }
}
