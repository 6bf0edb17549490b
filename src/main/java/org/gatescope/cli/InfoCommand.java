package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.engine.analysis.NumberUnits;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelLibrary;

/** {@code info}: what a model file holds — its cell, sizes, tensors and metadata. */
final class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "describe a model: cell, sizes, tensors, vocabulary, metadata";
    }

    @Override
    public String usage() {
        return "info --model M";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model"), Set.of());
        String name = options.require("model");
        Model model = ModelLibrary.load(name);
        ModelSpec spec = model.spec();
        out.printf("model       %s%n", name);
        out.printf("cell        %s (%s)%s%n", spec.cell().id(), spec.cell().displayName(),
                spec.cell() == CellKind.GRU ? ", reset " + spec.gruReset().id()
                        + (spec.gruReset().id().equals("before") ? " (lecture, Cho et al. 2014)" : " (PyTorch)")
                        : "");
        out.printf("hidden      H = %d units%n", spec.hiddenSize());
        out.printf("embedding   D = %d%n", spec.embedSize());
        out.printf("vocabulary  V = %d tokens (%s tokenizer)%n", spec.vocabSize(), model.tokenizer());
        out.printf("parameters  %,d%n", model.weights().count());
        out.println("tensors");
        for (Weights.Parameter parameter : model.weights().parameters()) {
            out.printf("  %-20s %s%n", parameter.name(), Arrays.toString(parameter.shape()));
        }
        List<NumberUnits.UnitScore> units = NumberUnits.stored(model);
        if (!units.isEmpty()) {
            out.println("number units (c<t> carries the subject's number from subject to verb)");
            for (NumberUnits.UnitScore unit : units) {
                out.printf(Locale.ROOT, "  unit %-3d sign of c<t> names the number %.1f%% of the time;"
                                + " silencing it: agreement %.1f%% -> %.1f%%%n", unit.unit(),
                        100 * unit.encodingAccuracy(), 100 * unit.agreementBefore(), 100 * unit.agreementAfter());
            }
        } else if (model.metadata().containsKey(Model.NUMBER_UNITS_KEY)) {
            out.println("number units  " + model.metadata().get(Model.NUMBER_UNITS_KEY));
        }
        if (!model.metadata().isEmpty()) {
            out.println("metadata");
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(model.metadata()).entrySet()) {
                out.printf("  %-20s %s%n", entry.getKey(), abbreviate(entry.getValue()));
            }
        }
        return 0;
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 97) + "...";
    }
}
