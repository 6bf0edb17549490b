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
import org.gatescope.engine.train.AgreementTask;
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
        return "info --model M [--vocab FILE] [--head softmax|sigmoid|none]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "vocab", "head"), Set.of());
        String name = options.require("model");
        if (!ModelLibrary.isGateScopeModel(name)) {
            NetworkDescription.print(name, ImportedModelOptions.read(name(), options, name), out);
            return 0;
        }
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
        AgreementTask.lexiconOf(model).ifPresent(source -> out.printf("lexicon     %s%n", source));
        AgreementTask.signaturesOf(model).ifPresent(signatures -> out.printf("unknown     %s%n", signatures));
        if (model.metadata().containsKey("covers")) {
            out.printf("covers      %s%n", model.metadata().get("covers"));
        }
        out.printf("parameters  %,d%n", model.weights().count());
        out.println("tensors");
        for (Weights.Parameter parameter : model.weights().parameters()) {
            out.printf("  %-20s %s%n", parameter.name(), Arrays.toString(parameter.shape()));
        }
        printNumberUnits(model, out);
        if (!model.metadata().isEmpty()) {
            out.println("metadata");
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(model.metadata()).entrySet()) {
                out.printf("  %-20s %s%n", entry.getKey(), abbreviate(entry.getValue()));
            }
        }
        return 0;
    }

    /** The number-unit test, its thresholds, and every candidate's figures: what earns the badge. */
    private static void printNumberUnits(Model model, PrintStream out) {
        String state = spec(model).cell() == CellKind.RNN ? "a<t>" : "c<t>";
        out.printf(Locale.ROOT, "number-unit test  a unit passes when the sign of its %s names the subject's number"
                        + " >= %.0f%% of the time%n", state, 100 * NumberUnits.MIN_SIGN_ACCURACY);
        out.printf(Locale.ROOT, "                  and silencing it lowers agreement by >= %.0f points"
                + " (alone, or after the other units whose sign passes)%n", 100 * NumberUnits.MIN_AGREEMENT_DROP);
        out.printf(Locale.ROOT, "                  (%,d held-out sentences, seed %d; docs/decisions/0010)%n",
                NumberUnits.TEST_SENTENCES, NumberUnits.TEST_SEED);
        List<NumberUnits.Candidate> candidates = NumberUnits.test(model);
        String claimed = model.metadata().getOrDefault(Model.NUMBER_UNITS_KEY, "");
        if (candidates.isEmpty()) {
            out.println("  not testable: the vocabulary lacks the agreement verbs (was/were, is/are, has/have)");
        } else {
            out.println("  unit  sign names the number  agreement intact -> silenced  change    with the others  passes");
            for (NumberUnits.Candidate c : candidates) {
                out.printf(Locale.ROOT, "  %-4d  %20.1f%%  %15.1f%% -> %5.1f%%  %+6.1f pt  %15s  %s%n", c.unit(),
                        100 * c.signAccuracy(), 100 * c.agreementBefore(), 100 * c.agreementAfter(),
                        points(-c.agreementDrop()), Double.isNaN(c.groupDrop()) ? "-"
                                : String.format(Locale.ROOT, "%+.1f pt", points(-c.groupDrop())), verdict(c));
            }
        }
        List<String> passing = candidates.stream().filter(NumberUnits.Candidate::passes)
                .map(c -> Integer.toString(c.unit())).toList();
        out.println("number units      " + (passing.isEmpty() ? "none" : String.join(", ", passing))
                + (claimed.isBlank() ? "" : "   (the file names: " + claimed + ")"));
    }

    /** A share as percentage points to one decimal, without a "-0.0". */
    private static double points(double share) {
        return Math.round(1000 * share) / 10.0 + 0.0;
    }

    private static ModelSpec spec(Model model) {
        return model.spec();
    }

    private static String verdict(NumberUnits.Candidate c) {
        if (c.passes()) {
            return "yes";
        }
        return "no (" + (c.passesSign() ? "" : "sign") + (c.passesSign() || c.passesAblation() ? "" : ", ")
                + (c.passesAblation() ? "" : "ablation") + ")";
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 97) + "...";
    }
}
