package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.MemoryChart;

/**
 * {@code memory}: memory accounting from one token — per unit and step, the part of c&lt;t&gt; kept
 * from c&lt;t-1&gt;, the part written, and how much of what was written at the picked token survives —
 * as a table, or with {@code --out} the window's memory chart ({@link MemoryChart#forExport}, the
 * same pixels). {@code trace --memory} gives the same numbers for every unit in JSON.
 */
final class MemoryCommand implements Command {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "from one token: what each unit keeps, writes, and how much of that token's write survives";
    }

    @Override
    public String usage() {
        return "memory --model M (--text \"...\" | --text-file FILE|-) --from POSITION [--units U,U...]"
                + " [--clamp GATE:UNITS:FROM-TO=VALUE]... [--out FILE.png] [--palette standard|colourblind]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "text", "text-file", "from", "units", "out",
                "clamp", "palette"), Set.of(), Set.of("clamp"));
        String modelName = options.require("model");
        ImageOutput.usePalette(name(), options);
        options.require("from");
        if (!ModelLibrary.isGateScopeModel(modelName)) {
            throw new UsageException(name() + ": memory needs a GateScope model (bundled, trained or imported with"
                    + " gatescope import); " + modelName + " is not one");
        }
        GateClamps clamps = TraceCommand.clampsOf(name(), options);
        Model model = ModelLibrary.loadTested(modelName);
        if (!MemoryAccount.accountable(model.cell())) {
            throw new UsageException(name() + ": the vanilla RNN has no memory cell to account for: it rewrites a<t>"
                    + " at every token");
        }
        List<String> tokens = TextInput.tokens(name(), TextInput.read(name(), options, in), "account for");
        if (options.has("out") && tokens.size() > MemoryChart.MAX_TOKENS) {
            throw new UsageException(name() + ": the chart shows at most " + MemoryChart.MAX_TOKENS
                    + " tokens; this text has " + tokens.size() + " (drop --out for the table)");
        }
        int from = options.intValue("from", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (from < 0 || from >= tokens.size()) {
            throw new UsageException(name() + ": --from " + from + " lies outside the text's " + tokens.size()
                    + " tokens (positions 0 to " + (tokens.size() - 1) + ")");
        }
        Trace trace = Tracer.trace(model, tokens, null,
                clamps.isEmpty() ? null : TraceCommand.checked(name(), clamps, model, tokens.size()));
        List<Integer> units = unitsOf(options, trace);
        MemoryAccount account = new MemoryAccount(trace, from);
        if (options.has("out")) {
            ImageOutput.useHeadlessGraphics();
            ImageOutput.write(name(), MemoryChart.forExport(modelName, account, units), options.get("out"), err,
                    "memory from \"" + trace.tokens().get(from) + "\", units " + joined(units));
        } else {
            out.print(table(account, units));
        }
        return 0;
    }

    /** --units, else the model's number units (what the window selects), else units 0 and 1. */
    private List<Integer> unitsOf(Options options, Trace trace) throws UsageException {
        if (!options.has("units")) {
            int[] number = trace.numberUnits();
            List<Integer> units = number.length > 0 ? Arrays.stream(number).boxed().toList()
                    : List.of(0, Math.min(1, trace.hidden() - 1)).stream().distinct().toList();
            return units.subList(0, Math.min(MemoryChart.MAX_UNITS, units.size()));
        }
        List<Integer> units = new ArrayList<>();
        for (String part : options.get("units").split(",")) {
            try {
                int unit = Integer.parseInt(part.strip());
                if (unit < 0 || unit >= trace.hidden()) {
                    throw new NumberFormatException();
                }
                if (!units.contains(unit)) {
                    units.add(unit);
                }
            } catch (NumberFormatException e) {
                throw new UsageException(name() + ": --units takes units 0 to " + (trace.hidden() - 1)
                        + " separated by commas, got '" + part.strip() + "'");
            }
        }
        if (units.size() > MemoryChart.MAX_UNITS) {
            throw new UsageException(name() + ": --units: at most " + MemoryChart.MAX_UNITS + " units, got "
                    + units.size());
        }
        return units;
    }

    /** One block per unit: each step's keep gate, kept, written, c<t>, and the share of the picked write left. */
    static String table(MemoryAccount account, List<Integer> units) {
        Trace trace = account.trace();
        String keep = trace.cell().isLstm() ? "\u0393f" : "1-\u0393u";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "memory from \"%s\" (position %d); c<t> = kept + written, kept = (%s)"
                + " \u2299 c<t-1>, written = \u0393u \u2299 c\u0303<t>%n", trace.tokens().get(account.from()),
                account.from(), keep));
        int width = Math.max(5, trace.tokens().stream().mapToInt(String::length).max().orElse(5));
        for (int unit : units) {
            text.append(String.format(Locale.ROOT, "%nunit %d%n%4s  %-" + width + "s  %7s  %8s  %8s  %8s  %9s%n", unit,
                    "t", "token", keep, "kept", "written", "c<t>", "surviving"));
            double[] survivals = account.survivals(unit);
            for (int t = 0; t < trace.length(); t++) {
                String surviving = Double.isNaN(survivals[t]) ? "" : String.format(Locale.ROOT, "%8.1f%%",
                        100 * survivals[t]);
                text.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %7.3f  %+8.3f  %+8.3f  %+8.3f  %9s%n",
                        t, trace.tokens().get(t), account.keepGate(t, unit), account.kept(t, unit),
                        account.written(t, unit), trace.value(Quantity.MEMORY_CELL, t, unit),
                        surviving));
            }
        }
        return text.toString();
    }

    private static String joined(List<Integer> units) {
        return String.join(", ", units.stream().map(String::valueOf).toList());
    }
}
