package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.ReachChart;

/**
 * {@code reach}: the memory reach of a text's default target (the agreeing verb, else its last
 * token) as a PNG, and with {@code --silence} a unit ablation's before and after: the window's
 * "Export memory reach", the same pixels ({@link ReachChart#forExport}).
 */
final class ReachCommand implements Command {

    @Override
    public String name() {
        return "reach";
    }

    @Override
    public String summary() {
        return "draw how far back a text's verb prediction reaches (and a silenced unit's effect) into a PNG";
    }

    @Override
    public String usage() {
        return "reach --model M (--text \"...\" | --text-file FILE|-) --out FILE.png [--silence UNIT [--from STEP]]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "text", "text-file", "out", "silence", "from"), Set.of());
        String outFile = options.require("out");
        boolean silence = options.has("silence");
        if (options.has("from") && !silence) {
            throw new UsageException(name() + ": --from needs --silence UNIT (it is the step the unit is silenced from)");
        }
        int unit = options.intValue("silence", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int from = options.intValue("from", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        String text = TextInput.read(name(), options, in);
        String modelName = options.require("model");
        Model model = ModelLibrary.load(modelName);
        List<String> tokens = TextInput.tokens(name(), text, "draw");
        if (tokens.size() < 2) {
            throw new UsageException(name() + ": the text is one token (\"" + tokens.get(0)
                    + "\"), which predicts nothing: give at least two");
        }
        if (tokens.size() > ReachChart.MAX_TOKENS) {
            throw new UsageException(name() + ": " + ReachChart.tooManyTokens(tokens.size()));
        }
        if (silence && (unit < 0 || unit >= model.hiddenSize())) {
            throw new UsageException(name() + ": --silence " + unit + " is not a unit of "
                    + ChartTitle.modelName(modelName) + ": its units are 0 to " + (model.hiddenSize() - 1));
        }
        if (silence && (from < 0 || from >= tokens.size())) {
            throw new UsageException(name() + ": --from " + from + " lies outside the text's " + tokens.size()
                    + " tokens (steps 0 to " + (tokens.size() - 1) + ")");
        }

        Trace trace = Tracer.trace(model, tokens);
        MemoryReach reach = MemoryReach.defaultTarget(model, tokens);
        Ablation ablation = null;
        if (silence) {
            int position = MemoryReach.targetPosition(tokens, reach.position());
            if (from > position) {
                throw new UsageException(name() + ": --from " + from + " comes after the prediction of \""
                        + reach.target() + "\" at step " + position + ": silencing from there changes nothing "
                        + "(give --from " + position + " or less)");
            }
            ablation = Ablation.silence(model, tokens, unit, from, position);
        }

        ImageOutput.useHeadlessGraphics();
        BufferedImage image = ReachChart.forExport(modelName, trace, reach, ablation);
        ImageOutput.write(name(), image, outFile, err, note(tokens, reach, ablation));
        return 0;
    }

    /** "reach of log p(was) after token 7 (",")", "; unit 3 silenced from step 0". */
    private static String note(List<String> tokens, MemoryReach reach, Ablation ablation) {
        String note = String.format(Locale.ROOT, "reach of log p(%s) after token %d (\"%s\")", reach.target(),
                reach.position(), tokens.get(reach.position()));
        if (ablation != null) {
            note += String.format(Locale.ROOT, "; unit %d silenced from token %d", ablation.unit(),
                    ablation.fromStep());
        }
        return note;
    }
}
