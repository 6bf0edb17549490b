package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.HeatmapOptions;
import org.gatescope.render.ImageTooLargeException;

/** {@code heatmap}: gate heatmaps (units × tokens) of a model on a text, as a PNG drawn by render/. */
final class HeatmapCommand implements Command {

    private static final String ALL = "all";

    @Override
    public String name() {
        return "heatmap";
    }

    @Override
    public String summary() {
        return "draw gate heatmaps (units × tokens) of a model on a text into a PNG";
    }

    @Override
    public String usage() {
        return "heatmap --model M (--text \"...\" | --text-file FILE|- | --ids 1,5,9 | --input-csv FILE) [--vocab FILE]"
                + " [--head softmax|sigmoid|none]"
                + " --gate u|r|f|o|c_tilde|c|a|all --out FILE.png [--first N] [--count K] [--layer N[b]]"
                + ImageOutput.PALETTE_USAGE;
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "text", "text-file", "gate", "out", "first", "count", "vocab", "ids", "input-csv", "layer", "head", "palette"),
                Set.of());
        ImageOutput.usePalette(name(), options);
        String outFile = options.require("out");
        List<String> gates = gates(options.require("gate"));
        int first = options.intValue("first", 0, 0, Integer.MAX_VALUE);
        int count = options.intValue("count", HeatmapOptions.TO_END, 1, Integer.MAX_VALUE);
        String modelName = options.require("model");
        Trace trace;
        if (ModelLibrary.isGateScopeModel(modelName) && !options.has("ids") && !options.has("layer")) {
            Model model = ModelLibrary.loadTested(modelName);
            trace = Tracer.trace(model, TextInput.tokens(name(), TextInput.read(name(), options, in), "draw"));
        } else {
            Network network = ModelLibrary.isGateScopeModel(modelName) ? Network.of(ModelLibrary.load(modelName))
                    : ImportedModelOptions.read(name(), options, modelName);
            trace = layer(NetworkInput.trace(name(), options, in, network).trace(), options.get("layer"));
        }
        List<Quantity> quantities = quantities(trace, gates);
        if (first >= trace.length()) {
            throw new UsageException(name() + ": --first " + first + " lies beyond the text's " + trace.length()
                    + " tokens (--first counts from 0)");
        }

        ImageOutput.useHeadlessGraphics();
        HeatmapOptions heatmap = HeatmapOptions.defaults().withQuantities(quantities).withTokenRange(first, count)
                .withTitle(ChartTitle.modelName(modelName) + (options.has("layer") ? " · layer " + options.get("layer") : ""));
        BufferedImage image;
        try {
            image = HeatmapImage.render(trace, heatmap);
        } catch (ImageTooLargeException e) {
            throw new UsageException(name() + ": " + tooLarge(e));
        }
        ImageOutput.write(name(), image, outFile, err, null);
        return 0;
    }

    /** The layer direction {@code --layer} names ("2" for layer 2's forward direction, "2b" for its backward one). */
    private Trace layer(NetworkTrace network, String layer) throws UsageException {
        return network.layers().get(LayerOption.direction(name(), network, layer)).trace();
    }

    /** The --gate value as keys: "all", one key, or several separated by commas. */
    private List<String> gates(String value) throws UsageException {
        List<String> keys = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String key = part.strip().toLowerCase(Locale.ROOT);
            if (!key.equals(ALL) && Quantity.fromKey(key).isEmpty()) {
                throw new UsageException(name() + ": --gate must be one of "
                        + String.join(", ", Arrays.stream(Quantity.values()).map(Quantity::key).toList())
                        + " or all (several: u,f,c), got '" + part.strip() + "'");
            }
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private List<Quantity> quantities(Trace trace, List<String> keys) throws UsageException {
        if (keys.contains(ALL)) {
            return trace.quantities();
        }
        List<Quantity> quantities = new ArrayList<>();
        for (String key : keys) {
            Quantity quantity = Quantity.fromKey(key).orElseThrow();
            if (!trace.has(quantity)) {
                throw new UsageException(name() + ": " + trace.cell().id() + " has no " + key + " (its gates: "
                        + String.join(", ", trace.quantities().stream().map(Quantity::key).toList()) + ")");
            }
            quantities.add(quantity);
        }
        return quantities;
    }

    private static String tooLarge(ImageTooLargeException e) {
        String size = String.format(Locale.ROOT, "the image would be %,d × %,d px, more than %,d px a side or %,d Mpx",
                e.width(), e.height(), HeatmapImage.MAX_SIDE, HeatmapImage.MAX_PIXELS / 1_000_000);
        if (e.maxTokens() == 0) {
            return size + "; draw fewer gates (--gate u,f,c)";
        }
        return size + String.format(Locale.ROOT, "; draw at most %,d tokens at a time (--first N --count %d)",
                e.maxTokens(), e.maxTokens());
    }
}
