package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.export.SlideExport;
import org.gatescope.render.export.SlideExportException;
import org.gatescope.render.export.SlideFormat;
import org.gatescope.render.export.SlideRequest;
import org.gatescope.render.export.SlideView;
import org.gatescope.render.timeline.TimelineScene;

/**
 * {@code export}: a slide of a model on a text — the diagram, timeline or heatmaps as SVG, PNG or an
 * animated GIF, or the numbers as CSV — drawn by the same {@link SlideExport} as the window's Export.
 */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export the diagram, timeline or heatmaps for slides: SVG, PNG (1×–3×), animated GIF or CSV";
    }

    @Override
    public String usage() {
        return "export --model M (--text \"...\" | --text-file FILE|-) --view diagram|timeline|heatmaps|all"
                + " --format svg|png|gif|csv --out FILE [--step N] [--scale 1|2|3] [--unit U] [--units 3,7]"
                + " [--delay MS] [--layer N[b]] [--palette standard|colourblind]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "text", "text-file", "view", "format",
                "out", "step", "scale", "unit", "units", "delay", "layer", "palette"), Set.of());
        String outFile = options.require("out");
        ImageOutput.usePalette(name(), options);
        String modelName = options.require("model");
        SlideFormat format = SlideFormat.fromId(options.require("format")).orElseThrow(() -> new UsageException(
                name() + ": --format must be svg, png, gif or csv, got '" + options.get("format") + "'"));
        SlideView view = options.has("view") ? SlideView.fromId(options.get("view")).orElseThrow(
                () -> new UsageException(name() + ": --view must be diagram, timeline, heatmaps or all, got '"
                        + options.get("view") + "'")) : SlideView.DIAGRAM;
        int scale = options.intValue("scale", 1, SlideRequest.MIN_SCALE, SlideRequest.MAX_SCALE);
        int delay = options.intValue("delay", SlideRequest.DEFAULT_DELAY, SlideRequest.MIN_DELAY,
                SlideRequest.MAX_DELAY);
        int step = options.intValue("step", 0, 0, Integer.MAX_VALUE);

        ImageOutput.useHeadlessGraphics();
        Trace trace = trace(options, modelName, in, format);
        List<Integer> units = options.has("units") ? units(options.get("units")) : TimelineScene.defaultUnits(trace);
        int unit = options.intValue("unit", units.isEmpty() ? 0 : units.get(0), 0, Integer.MAX_VALUE);
        SlideRequest request = new SlideRequest(trace, ChartTitle.modelName(modelName), view, format, step, scale, unit,
                units, delay);
        try {
            SlideExport.write(request, Path.of(outFile));
        } catch (SlideExportException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException(name() + ": cannot write " + outFile + ": " + e.getMessage());
        }
        err.println("wrote " + outFile + " (" + describe(request) + ")");
        return 0;
    }

    private Trace trace(Options options, String modelName, InputStream in, SlideFormat format) throws Exception {
        if (ModelLibrary.isGateScopeModel(modelName) && !options.has("layer")) {
            Model model = ModelLibrary.loadTested(modelName);
            List<String> tokens = TextInput.tokens(name(), TextInput.read(name(), options, in), "draw");
            if (format == SlideFormat.GIF) {
                try {
                    SlideRequest.requireGifFrames(tokens.size()); // before a trace that may not fit in memory
                } catch (SlideExportException e) {
                    throw new UsageException(name() + ": " + e.getMessage());
                }
            }
            return Tracer.trace(model, tokens);
        }
        Network network = ModelLibrary.isGateScopeModel(modelName) ? Network.of(ModelLibrary.load(modelName))
                : ImportedModelOptions.read(name(), options, modelName);
        var traced = NetworkInput.trace(name(), options, in, network).trace();
        return traced.layers().get(LayerOption.direction(name(), traced, options.get("layer"))).trace();
    }

    private List<Integer> units(String value) throws UsageException {
        List<Integer> units = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                units.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException(name() + ": --units takes unit numbers separated by commas (3,7), got '"
                        + value + "'");
            }
        }
        return units;
    }

    private static String describe(SlideRequest request) {
        Trace trace = request.trace();
        return switch (request.format()) {
            case CSV -> String.format(Locale.ROOT, "%,d rows: %d steps × %d units", trace.length() * trace.hidden(),
                    trace.length(), trace.hidden());
            case GIF -> request.view().id() + ", " + trace.length() + " frames, " + request.delayMillis() + " ms each"
                    + (request.scale() > 1 ? ", " + request.scale() + "×" : "");
            case PNG -> request.view().id() + " at step " + request.step() + (request.scale() > 1 ? ", "
                    + request.scale() + "×" : "");
            case SVG -> request.view().id() + " at step " + request.step() + ", vector";
        };
    }
}
