package org.gatescope.io;

import java.io.IOException;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.text.UnknownWord;

/**
 * Writes a trace as the JSON object of docs/cli.md, "trace output":
 * {@code {"cell", "hidden", "tokens", "unknown", "steps": [{"u": [...H], ..., "probs": {...}}]}}.
 * Keys of quantities a cell lacks are absent. Streams: nothing is built in memory.
 */
public final class TraceJson {

    private TraceJson() {
    }

    /**
     * @param out appended to, never closed
     * @param withProbabilities whether each step carries the head's softmax as {@code "probs"}
     */
    public static void write(Trace trace, Appendable out, boolean withProbabilities) throws IOException {
        write(trace, null, out, withProbabilities);
    }

    /**
     * As {@link #write(Trace, Appendable, boolean)}, and with a reach: a top-level
     * {@code "reach_target": {"position", "token"}} and per step {@code "reach": [‖∂ log p/∂c<t>‖,
     * ‖∂ log p/∂x<t>‖]}.
     *
     * @param reach the gradient reach of this trace's text, or null for none
     */
    public static void write(Trace trace, MemoryReach reach, Appendable out, boolean withProbabilities)
            throws IOException {
        write(trace, reach, null, out, withProbabilities);
    }

    /**
     * As {@link #write(Trace, MemoryReach, Appendable, boolean)}, with the whole network's layers
     * (docs/cli.md): a top-level {@code "layers"} list (kind, direction, units, conventions), per step
     * {@code "layers"} with each layer direction's quantities under the same keys, and the model's
     * own {@code "output"} after the whole input with {@code "output_activation"} and, where known,
     * {@code "output_labels"}. {@code trace} is the one today's keys describe (the last layer's
     * forward direction).
     *
     * @param network the trace of every layer, or null for a single-layer description only
     */
    public static void write(Trace trace, MemoryReach reach, NetworkTrace network, Appendable out,
                             boolean withProbabilities) throws IOException {
        write(trace, reach, network, null, null, out, withProbabilities);
    }

    /**
     * As {@link #write(Trace, MemoryReach, NetworkTrace, Appendable, boolean)}, with the clamps the trace
     * ran with (a top-level {@code "clamps"} list of their {@code GATE:UNITS:FROM-TO=VALUE}) and a memory
     * account (a top-level {@code "memory_from": {"position", "token"}}, per step {@code "kept"},
     * {@code "written"}, {@code "survival"} and {@code "surviving"}, [H] each; survival null before the
     * picked token).
     *
     * @param clamps the clamps, or null (or none) for an intact trace
     * @param memory the memory account of {@code trace}, or null for none
     */
    public static void write(Trace trace, MemoryReach reach, NetworkTrace network, GateClamps clamps,
                             MemoryAccount memory, Appendable out, boolean withProbabilities) throws IOException {
        JsonWriter json = new JsonWriter(out, true);
        json.beginObject();
        json.name("cell").value(trace.cell().id());
        if (trace.cell() == CellKind.GRU) {
            json.name("gru_reset").value(trace.gruReset().id());
        }
        json.name("hidden").value(trace.hidden());
        json.name("tokens").beginArray();
        for (String token : trace.tokens()) {
            json.value(token);
        }
        json.endArray();
        json.name("unknown").beginArray();
        for (int position : trace.unknownPositions()) {
            json.value(position);
        }
        json.endArray();
        if (trace.unknownPositions().length > 0) {
            // What each unknown word was read as: <unk>, or its signature (<unk-s>, <unk-ing>…) where the vocabulary has one.
            json.name("unknown_read_as").beginArray();
            for (int position : trace.unknownPositions()) {
                int id = trace.tokenId(position);
                json.value(id >= 0 && id < trace.vocabularySize() ? trace.vocabulary().get(id) : "<unk>");
            }
            json.endArray();
        }
        if (trace.unknownPositions().length > 0) {
            // Additive: each unknown word with its signature and what the model read (docs/cli.md).
            json.name("unknown_words").beginArray();
            for (UnknownWord word : trace.unknownWords()) {
                json.beginObject().name("position").value(word.position()).name("word").value(word.word())
                        .name("signature").value(word.signature().id()).name("read_as").value(word.readAs())
                        .endObject();
            }
            json.endArray();
        }
        int[] numberUnits = trace.numberUnits();
        if (numberUnits.length > 0) {
            json.name("number_units").beginArray();
            for (int unit : numberUnits) {
                json.value(unit);
            }
            json.endArray();
        }
        if (reach != null) {
            json.name("reach_target").beginObject().name("position").value(reach.position())
                    .name("token").value(reach.target());
            if (!reach.layer().isEmpty()) { // a model trained elsewhere: which layer, and what was differentiated
                json.name("layer").value(reach.layer()).name("objective").value(reach.objective());
            }
            json.endObject();
        }
        if (network != null) {
            writeNetwork(json, network);
        }
        if (clamps != null && !clamps.isEmpty()) {
            json.name("clamps").beginArray();
            for (GateClamp clamp : clamps.clamps()) {
                json.value(clamp.spec());
            }
            json.endArray();
        }
        if (memory != null && memory.from() >= 0) {
            json.name("memory_from").beginObject().name("position").value(memory.from())
                    .name("token").value(trace.tokens().get(memory.from())).endObject();
        }
        json.name("steps").beginArray();
        for (int t = 0; t < trace.length(); t++) {
            out.append('\n');
            json.beginObject();
            writeQuantities(json, trace, t);
            if (reach != null) {
                json.name("reach").beginArray().value(reach.memoryCell()[t]).value(reach.input()[t]).endArray();
            }
            if (memory != null) {
                writeMemory(json, memory, t);
            }
            if (network != null) {
                json.name("layers").beginArray();
                for (NetworkTrace.LayerTrace layer : network.layers()) {
                    json.beginObject();
                    writeQuantities(json, layer.trace(), t);
                    json.endObject();
                }
                json.endArray();
            }
            if (withProbabilities) {
                json.name("probs").beginObject();
                for (int v = 0; v < trace.vocabularySize(); v++) {
                    json.name(trace.vocabulary().get(v)).value(trace.probability(t, v));
                }
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
        out.append('\n');
    }

    private static void writeMemory(JsonWriter json, MemoryAccount memory, int t) throws IOException {
        int hidden = memory.trace().hidden();
        json.name("kept").beginArray();
        for (int j = 0; j < hidden; j++) {
            json.value(memory.kept(t, j));
        }
        json.endArray().name("written").beginArray();
        for (int j = 0; j < hidden; j++) {
            json.value(memory.written(t, j));
        }
        json.endArray();
        if (memory.from() >= 0) {
            json.name("survival").beginArray();
            for (int j = 0; j < hidden; j++) {
                double survival = memory.survival(t, j);
                if (Double.isNaN(survival)) {
                    json.nullValue();
                } else {
                    json.value(survival);
                }
            }
            json.endArray().name("surviving").beginArray();
            for (int j = 0; j < hidden; j++) {
                double surviving = memory.surviving(t, j);
                if (Double.isNaN(surviving)) {
                    json.nullValue();
                } else {
                    json.value(surviving);
                }
            }
            json.endArray();
        }
    }

    private static void writeQuantities(JsonWriter json, Trace trace, int t) throws IOException {
        for (Quantity quantity : Quantity.values()) {
            if (!trace.has(quantity)) {
                continue;
            }
            json.name(quantity.key()).beginArray();
            for (int j = 0; j < trace.hidden(); j++) {
                json.value(trace.value(quantity, t, j));
            }
            json.endArray();
        }
    }

    private static void writeNetwork(JsonWriter json, NetworkTrace network) throws IOException {
        json.name("layers").beginArray();
        for (NetworkTrace.LayerTrace layer : network.layers()) {
            json.beginObject()
                    .name("layer").value(layer.level())
                    .name("kind").value(layer.layer().cell().id())
                    .name("direction").value(layer.backward() ? "backward" : "forward")
                    .name("units").value(layer.layer().hiddenSize())
                    .name("conventions").value(layer.layer().conventions());
            if (layer.layer().cell() == CellKind.GRU) {
                json.name("gru_reset").value(layer.layer().gruReset().id());
            }
            json.endObject();
        }
        json.endArray();
        json.name("output").beginArray();
        for (double v : network.finalOutput()) {
            json.value(v);
        }
        json.endArray();
        json.name("output_activation").value(network.outputActivation() == Network.Activation.LINEAR ? "none"
                : network.outputActivation().name().toLowerCase(java.util.Locale.ROOT));
        if (!network.outputLabels().isEmpty()) {
            json.name("output_labels").beginArray();
            for (String label : network.outputLabels()) {
                json.value(label);
            }
            json.endArray();
        }
        boolean anyMasked = false;
        for (boolean m : network.masked()) {
            anyMasked |= m;
        }
        if (anyMasked) {
            json.name("masked").beginArray();
            for (int t = 0; t < network.masked().length; t++) {
                if (network.masked()[t]) {
                    json.value(t);
                }
            }
            json.endArray();
        }
    }
}
