package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.SaturationChart;
import org.gatescope.text.Tokenizer;

/**
 * {@code saturation}: the gate-saturation scatter of a model over the held-out agreement
 * sentences the window counts over (or over a given text) as a PNG: the saturation window's
 * export, the same pixels ({@link SaturationChart#forExport}). A cell without gates (the
 * vanilla RNN) gets the chart that says so, and exit status 0.
 */
final class SaturationCommand implements Command {

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String summary() {
        return "draw how often each gate unit is shut or open (Karpathy et al. 2015) into a PNG";
    }

    @Override
    public String usage() {
        return "saturation --model M [--text \"...\" | --text-file FILE|-] --out FILE.png" + ImageOutput.PALETTE_USAGE;
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "text", "text-file", "out", "palette"), Set.of());
        ImageOutput.usePalette(name(), options);
        String outFile = options.require("out");
        boolean ownText = options.has("text") || options.has("text-file");
        List<List<String>> texts;
        String source;
        if (ownText) {
            List<String> tokens = Tokenizer.tokenize(TextInput.read(name(), options, in));
            if (tokens.isEmpty()) {
                throw new UsageException(name() + ": the text is empty: give a sentence, or leave out --text to "
                        + "count over the " + GateSaturation.HELD_OUT_SENTENCES + " held-out agreement sentences");
            }
            texts = List.of(tokens);
            source = SaturationChart.TEXT_SOURCE;
        } else {
            texts = GateSaturation.heldOutSentences();
            source = SaturationChart.HELD_OUT_SOURCE;
        }
        String modelName = options.require("model");
        Model model = ModelLibrary.load(modelName);
        List<GateSaturation.Point> points = GateSaturation.count(model, texts);

        ImageOutput.useHeadlessGraphics();
        BufferedImage image = SaturationChart.forExport(points, model, modelName, source);
        ImageOutput.write(name(), image, outFile, err, points.isEmpty()
                ? "the " + model.cell().displayName() + " has no gates: the chart says so"
                : points.size() + " gate units over " + (ownText ? "the text's " + texts.get(0).size() + " tokens"
                        : "the " + texts.size() + " held-out agreement sentences"));
        return 0;
    }
}
