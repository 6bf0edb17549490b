package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;
import org.gatescope.io.TraceCsv;
import org.gatescope.io.TraceJson;

/** {@code trace}: every gate, c̃, c and a per token, as JSON or CSV. */
final class TraceCommand implements Command {

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "print every gate, c̃, c and a of a model on a text (JSON or CSV)";
    }

    @Override
    public String usage() {
        return "trace --model M (--text \"...\" | --text-file FILE|-) [--format json|csv] [--probs] [--reach] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "text", "text-file", "format", "out"),
                Set.of("probs", "reach"));
        String format = options.choice("format", "json", Set.of("json", "csv"));
        String text = TextInput.read(name(), options, in);
        Model model = ModelLibrary.loadTested(options.require("model"));
        List<String> tokens = TextInput.tokens(name(), text, "trace");
        Trace trace = Tracer.trace(model, tokens);
        boolean probs = options.has("probs");
        if (options.has("reach") && format.equals("csv")) {
            throw new UsageException(name() + ": --reach is written into JSON only (use --format json)");
        }
        MemoryReach reach = options.has("reach") ? MemoryReach.defaultTarget(model, tokens) : null;
        OutputTarget.write(name(), options.get("out"), out, writer -> {
            if (format.equals("csv")) {
                TraceCsv.write(trace, writer, probs);
            } else {
                TraceJson.write(trace, reach, writer, probs);
            }
        });
        return 0;
    }
}
