package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.AnalysisException;
import org.gatescope.engine.analysis.StateSpace;
import org.gatescope.engine.analysis.UnitSearch;
import org.gatescope.io.AnalysisJson;

/**
 * {@code search}: ranks a layer's units by how well "on inside the span, off outside" describes them over
 * the text (the correlation with the span, {@link UnitSearch}), and lists the other places where the best of
 * them switch on together: the reading window's unit search.
 */
final class SearchCommand implements Command {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "rank units by how well they mark a span of a text, and find where they switch on again (JSON)";
    }

    @Override
    public String usage() {
        return "search --model M (--text \"...\" | --text-file FILE|- | --ids … | --input-csv FILE) [--vocab FILE]"
                + " --span FIRST-LAST [--layer N[b]] [--quantity a|c] [--pattern K] [--format json] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Set<String> allowed = new HashSet<>(AnalysisInput.OPTIONS);
        allowed.addAll(Set.of("span", "pattern", "format", "out"));
        Options options = Options.parse(name(), args, 0, allowed, Set.of());
        options.choice("format", "json", Set.of("json"));
        int[] span = span(options.require("span"));
        AnalysisInput input = AnalysisInput.open(name(), options);
        Trace trace = input.text(in);
        int patternUnits = options.intValue("pattern", UnitSearch.DEFAULT_PATTERN_UNITS, 1, trace.hidden());
        try {
            UnitSearch.Span checked = UnitSearch.span(span[0], span[1], trace.length());
            double[][] values = StateSpace.states(trace, input.quantity());
            List<UnitSearch.UnitScore> ranked = UnitSearch.rank(values, checked);
            List<UnitSearch.UnitScore> pattern = ranked.subList(0, patternUnits);
            List<UnitSearch.Span> matches = UnitSearch.matches(values, checked, pattern);
            String quantity = StateSpace.resolve(trace, input.quantity()).key();
            OutputTarget.write(name(), options.get("out"), out, writer -> AnalysisJson.search(trace.tokens(), checked,
                    quantity, ranked, pattern, matches, writer));
        } catch (AnalysisException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        return 0;
    }

    /** "3-5" or "3" (one token), counted from 0. */
    private int[] span(String value) throws UsageException {
        String[] parts = value.strip().split("-", -1);
        try {
            if (parts.length == 1) {
                int t = Integer.parseInt(parts[0].strip());
                return new int[] {t, t};
            }
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(name() + ": --span must be FIRST-LAST token positions counted from 0 (e.g. 1-1 or"
                + " 4-9), got '" + value + "'");
    }
}
