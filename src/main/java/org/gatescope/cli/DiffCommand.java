package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.io.CounterfactualJson;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.CounterfactualChart;

/**
 * {@code diff}: a counterfactual — the text traced as written and with one token replaced, their
 * difference per unit and step, the shift in the prediction — as text, JSON, and with {@code --out} the
 * window's counterfactual chart ({@link CounterfactualChart#forExport}, the same pixels).
 */
final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "replace one token (cat -> cats) and show what changes in every unit and the prediction";
    }

    @Override
    public String usage() {
        return "diff --model M (--text \"...\" | --text-file FILE|-) --replace POSITION=WORD [--format text|json]"
                + " [--out FILE.png]" + ImageOutput.PALETTE_USAGE;
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "text", "text-file", "replace", "format", "out", "palette"), Set.of());
        ImageOutput.usePalette(name(), options);
        String format = options.choice("format", "text", Set.of("text", "json"));
        String replace = options.require("replace");
        int equals = replace.indexOf('=');
        if (equals <= 0 || equals == replace.length() - 1) {
            throw new UsageException(name() + ": --replace takes POSITION=WORD (e.g. 1=cats, positions from 0), got '"
                    + replace + "'");
        }
        int position;
        try {
            position = Integer.parseInt(replace.substring(0, equals).strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name() + ": --replace " + replace + ": '" + replace.substring(0, equals)
                    + "' is not a token position (a whole number from 0)");
        }
        String word = replace.substring(equals + 1).strip();
        String modelName = options.require("model");
        if (!ModelLibrary.isGateScopeModel(modelName)) {
            throw new UsageException(name() + ": diff needs a GateScope next-token model (bundled, trained or"
                    + " imported with gatescope import); " + modelName + " is not one");
        }
        String text = TextInput.read(name(), options, in);
        Model model = ModelLibrary.loadTested(modelName);
        List<String> tokens = TextInput.tokens(name(), text, "compare");
        if (options.has("out") && tokens.size() > CounterfactualChart.MAX_TOKENS) {
            throw new UsageException(name() + ": the chart shows at most " + CounterfactualChart.MAX_TOKENS
                    + " tokens; this text has " + tokens.size() + " (drop --out for JSON or text)");
        }
        Counterfactual cf;
        try {
            cf = Counterfactual.replace(model, tokens, position, word);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": --replace " + replace + ": " + e.getMessage());
        }
        if (options.has("out")) {
            ImageOutput.useHeadlessGraphics();
            BufferedImage image = CounterfactualChart.forExport(modelName, cf);
            ImageOutput.write(name(), image, options.get("out"), err, cf.describe());
        }
        if (format.equals("json")) {
            StringBuilder json = new StringBuilder();
            CounterfactualJson.write(cf, CounterfactualChart.CARRIERS, json);
            out.print(json);
        } else {
            out.print(summary(cf));
        }
        return 0;
    }

    /** What the chart's header says, as lines of text. */
    static String summary(Counterfactual cf) {
        StringBuilder text = new StringBuilder();
        text.append(cf.describe()).append(" (position ").append(cf.position()).append(")\n");
        text.append("prediction  ").append(CounterfactualChart.predictionSummary(cf)).append('\n');
        text.append("units       ").append(CounterfactualChart.carrierSummary(cf,
                cf.carriers(Math.min(CounterfactualChart.CARRIERS, cf.before().hidden())))).append('\n');
        text.append("largest |\u0394|");
        for (Quantity q : CounterfactualChart.panels(cf.before())) {
            text.append(String.format(Locale.ROOT, "  %s %.3f", q.symbol(), cf.maxAbsDelta(q)));
        }
        text.append('\n');
        return text.toString();
    }
}
