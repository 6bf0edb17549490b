package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.analysis.NetworkAblation;
import org.gatescope.engine.analysis.NetworkOutputs;
import org.gatescope.engine.analysis.NetworkReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.ReachChart;

/**
 * {@code reach}: the memory reach of a text's default target (the agreeing verb, else its last
 * token) as a PNG, and with {@code --silence} a unit ablation's before and after: the window's
 * "Export memory reach", the same pixels ({@link ReachChart#forExport}). A model trained elsewhere
 * is differentiated on the layer direction {@code --layer} names, for the output {@code --output}
 * read after {@code --step} (defaults: the last layer, the token read next or the model's choice).
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
        return "reach --model M (--text \"...\" | --text-file FILE|- | --ids 1,5,9 | --input-csv FILE) [--vocab FILE]"
                + " [--head softmax|sigmoid|none] --out FILE.png [--layer N[b]] [--step S] [--output K] [--silence UNIT [--from STEP]]"
                + ImageOutput.PALETTE_USAGE;
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "text", "text-file", "out", "silence", "from",
                "vocab", "ids", "input-csv", "layer", "step", "output", "head", "palette"), Set.of());
        ImageOutput.usePalette(name(), options);
        String outFile = options.require("out");
        boolean silence = options.has("silence");
        if (options.has("from") && !silence) {
            throw new UsageException(name() + ": --from needs --silence UNIT (it is the step the unit is silenced from)");
        }
        int unit = options.intValue("silence", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int from = options.intValue("from", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        String modelName = options.require("model");
        if (!ModelLibrary.isGateScopeModel(modelName) || options.has("ids") || options.has("layer")
                || options.has("step") || options.has("output")) {
            return runNetwork(options, modelName, silence, unit, from, in, err);
        }
        if (options.has("vocab") || options.has("input-csv")) {
            throw new UsageException(name() + ": " + modelName + " is a GateScope model with its own vocabulary;"
                    + " give it --text or --ids");
        }
        String text = TextInput.read(name(), options, in);
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

    /**
     * The reach of a network's output (a model trained elsewhere, or GateScope's own read as one) on one layer
     * direction, and the ablation of one of its units.
     */
    private int runNetwork(Options options, String modelName, boolean silence, int unit, int from, InputStream in,
                           PrintStream err) throws Exception {
        Network network = ModelLibrary.isGateScopeModel(modelName) ? Network.of(ModelLibrary.load(modelName))
                : ImportedModelOptions.read(name(), options, modelName);
        NetworkInput.Traced traced = NetworkInput.trace(name(), options, in, network);
        NetworkTrace trace = traced.trace();
        int steps = trace.length();
        if (steps > ReachChart.MAX_TOKENS) {
            throw new UsageException(name() + ": " + ReachChart.tooManyTokens(steps));
        }
        int direction = LayerOption.direction(name(), trace, options.get("layer"));
        NetworkTrace.LayerTrace layer = trace.layers().get(direction);
        boolean everyStep = network.readout() == Network.Readout.EVERY_STEP;
        if (options.has("step") && !everyStep) {
            throw new UsageException(name() + ": --step: this model reads its output once, after the whole input"
                    + " (a sequence classifier)");
        }
        // a next-token model's default: the last token, predicted after the one before it
        int fallback = everyStep && NetworkOutputs.predictsInput(network) && steps >= 2 ? steps - 2 : steps - 1;
        int step = options.intValue("step", fallback, 0, steps - 1);
        int output = options.intValue("output", NetworkOutputs.defaultOutput(network, trace, step), 0,
                network.outputSize() - 1);
        int hidden = layer.layer().hiddenSize();
        if (silence && (unit < 0 || unit >= hidden)) {
            throw new UsageException(name() + ": --silence " + unit + " is not a unit of " + layer.label() + ": its units"
                    + " are 0 to " + (hidden - 1));
        }
        if (silence && (from < 0 || from >= steps)) {
            throw new UsageException(name() + ": --from " + from + " lies outside the input's " + steps
                    + " steps (0 to " + (steps - 1) + ")");
        }
        if (!traced.unknownWords().isEmpty()) {
            err.println(name() + ": left out words the vocabulary does not know: "
                    + String.join(", ", traced.unknownWords()));
        }
        MemoryReach reach = NetworkReach.of(network, trace, direction, step, output);
        Ablation ablation = silence ? NetworkAblation.silence(network, trace, direction, unit, from, step) : null;
        ImageOutput.useHeadlessGraphics();
        BufferedImage image = ReachChart.forExport(modelName, layer.trace(), reach, ablation);
        String note = String.format(Locale.ROOT, "reach of %s %s on %s", reach.objective(),
                everyStep ? "after step " + reach.position() + " (\"" + layer.trace().tokens().get(reach.position()) + "\")"
                        : "after the whole input", layer.label());
        if (ablation != null) {
            note += String.format(Locale.ROOT, "; unit %d silenced from step %d", unit, from);
        }
        ImageOutput.write(name(), image, options.require("out"), err, note);
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
