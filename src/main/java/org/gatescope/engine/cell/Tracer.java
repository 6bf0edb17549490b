package org.gatescope.engine.cell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextTooLongException;
import org.gatescope.engine.Trace;
import org.gatescope.engine.Weights;
import org.gatescope.text.Vocabulary;

/**
 * Runs a model forward over one sentence from a zero state and records a {@link Trace}.
 * Each call uses its own buffers, so traces of one model may run on several threads as
 * long as nobody writes the weights meanwhile.
 */
public final class Tracer {


    private Tracer() {
    }

    /** Traces the tokens, mapping words the vocabulary lacks to {@code <unk>}. */
    public static Trace trace(Model model, List<String> tokens) {
        return trace(model, tokens, (MemoryCellIntervention) null);
    }

    /** Traces the tokens with memory cells overridden as {@code intervention} says (e.g. a silenced unit). */
    public static Trace trace(Model model, List<String> tokens, MemoryCellIntervention intervention) {
        return trace(model, tokens, intervention, null);
    }

    /**
     * Traces the tokens with memory cells overridden as {@code intervention} says and gates replaced as
     * {@code gates} says (clamps); either may be null.
     */
    public static Trace trace(Model model, List<String> tokens, MemoryCellIntervention intervention,
                              GateOverride gates) {
        Vocabulary vocabulary = model.vocabulary();
        int[] ids = new int[tokens.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int t = 0; t < ids.length; t++) {
            String token = tokens.get(t);
            ids[t] = vocabulary.indexOf(token);
            if (!vocabulary.contains(token)) {
                unknown.add(t);
            }
        }
        return trace(model, tokens, ids, unknown.stream().mapToInt(Integer::intValue).toArray(), intervention, gates);
    }

    /** Traces vocabulary indices; the tokens are the vocabulary's strings. */
    public static Trace trace(Model model, int[] tokenIds) {
        List<String> tokens = new ArrayList<>(tokenIds.length);
        for (int id : tokenIds) {
            if (id < 0 || id >= model.spec().vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary of "
                        + model.spec().vocabSize());
            }
            tokens.add(model.vocabulary().token(id));
        }
        return trace(model, tokens, tokenIds, new int[0], null, null);
    }

    /**
     * About how many bytes tracing {@code tokens} tokens takes: the recorded gates, states,
     * pre-activations and softmax, with the cell's working buffers.
     */
    public static long estimatedBytes(ModelSpec spec, long tokens) {
        long h = spec.hiddenSize();
        long perToken = (3L * spec.gateRows() + 12 * h + spec.embedSize() + 2L * spec.vocabSize()) * Double.BYTES;
        return tokens * perToken;
    }

    /**
     * Refuses, before any work, a text whose trace would take more than half of what this
     * JVM may still use, rather than running into an OutOfMemoryError halfway.
     */
    public static void requireFitsInMemory(ModelSpec spec, long tokens) {
        long available = availableMemory();
        long needed = estimatedBytes(spec, tokens);
        if (needed > available / 2) {
            // what looks used may be garbage not yet collected: refuse only what a collection cannot free
            System.gc();
            available = availableMemory();
        }
        if (needed > available / 2) {
            throw new TextTooLongException(String.format(
                    "the text has %,d tokens; tracing it needs about %,d MB but only %,d MB are free "
                            + "(split the text, or give Java more memory with -Xmx)",
                    tokens, needed >> 20, available >> 20));
        }
    }

    /**
     * How many tokens of a text {@link #requireFitsInMemory} lets through, with a fifth to spare
     * (what is free moves with garbage not yet collected between this call and the trace): a
     * command or view that would rather trace a text's first part than refuse it cuts it there.
     */
    public static long tokensThatFit(ModelSpec spec) {
        return availableMemory() / 2 / Math.max(1, estimatedBytes(spec, 1)) * 4 / 5;
    }

    private static long availableMemory() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    private static Trace trace(Model model, List<String> tokens, int[] ids, int[] unknown,
                               MemoryCellIntervention intervention, GateOverride gates) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("nothing to trace: the text has no tokens");
        }
        requireFitsInMemory(model.spec(), ids.length);
        ModelSpec spec = model.spec();
        Weights weights = model.sharedWeights(); // read only, and no copy per trace
        int steps = ids.length;
        int hidden = spec.hiddenSize();
        double[] inputs = Embedding.lookup(weights, ids);
        RecurrentLayer layer = RecurrentLayer.create(spec);
        layer.load(weights);
        layer.setIntervention(intervention);
        layer.setGateOverride(gates);
        layer.forward(inputs, steps, 1);

        Map<Quantity, double[]> values = new EnumMap<>(Quantity.class);
        Map<Quantity, double[]> preActivations = new EnumMap<>(Quantity.class);
        for (Quantity quantity : layer.quantities()) {
            // The layer is ours alone and discarded after this call: its arrays become the trace's.
            values.put(quantity, layer.values(quantity));
            double[] pre = layer.preActivationOf(quantity);
            if (pre != null) {
                preActivations.put(quantity, pre);
            }
        }
        double[] probabilities = SoftmaxHead.probabilities(weights, layer.values(Quantity.ACTIVATION), steps);
        return new Trace(spec.cell(), spec.gruReset(), hidden, tokens, ids, unknown,
                model.vocabulary().tokens(), layer.quantities(), values, preActivations, probabilities,
                model.numberUnits());
    }

}
