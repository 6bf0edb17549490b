package org.gatescope.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;

/** What {@code info} says of a model trained elsewhere: its input, layers with the conventions found, and head. */
final class NetworkDescription {

    private NetworkDescription() {
    }

    static void print(String name, Network network, PrintStream out) {
        out.printf("model       %s%n", name);
        Map<String, String> provenance = network.provenance();
        out.printf("format      %s%n", provenance.getOrDefault("format", "GateScope network"));
        out.printf("input       %s%n", switch (network.inputKind()) {
            case TOKEN_IDS -> "token ids into an embedding of " + network.inputSize() + " rows × "
                    + network.stepWidth() + (network.maskZero() ? " (id 0 is padding: mask_zero)" : "");
            case ONE_HOT -> "one-hot vectors of " + network.inputSize();
            case FEATURES -> "rows of " + network.inputSize() + " numbers per step";
        });
        out.println("layers");
        int k = 1;
        for (Network.Level level : network.levels()) {
            describe(out, k, level.forward(), level.bidirectional() ? "forward" : null);
            if (level.bidirectional()) {
                describe(out, k, level.backward(), "backward");
                out.printf("              directions joined by %s%n", level.merge().name().toLowerCase(Locale.ROOT));
            }
            k++;
        }
        out.println("head");
        if (network.head().isEmpty()) {
            out.println("  none: the last layer's state is the output");
        }
        for (Network.Dense dense : network.head()) {
            out.printf("  dense %d -> %d, %s%n", dense.weight().numCols, dense.weight().numRows,
                    dense.activation().name().toLowerCase(Locale.ROOT));
        }
        out.printf("read at     %s%n", network.readout() == Network.Readout.EVERY_STEP
                ? "every step (the output after the last step is the model's output)"
                : network.levels().get(network.levels().size() - 1).bidirectional()
                ? "the ends of the input (the forward direction's last step, the backward direction's first)"
                : "the end of the input (a sequence classifier)");
        out.printf("labels      %s%n", network.outputLabels().isEmpty() ? "none (give --vocab for a next-token model)"
                : network.outputLabels().size() + " output labels");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(provenance).entrySet()) {
            if (!e.getKey().equals("format")) {
                out.printf("  %-20s %s%n", e.getKey(), e.getValue());
            }
        }
    }

    private static void describe(PrintStream out, int level, NetworkLayer layer, String direction) {
        out.printf("  %d%s  %s, %d -> %d units%s; %s%n", level, direction == null ? "" : " " + direction,
                layer.cell().displayName(), layer.inputSize(), layer.hiddenSize(),
                layer.cell() == CellKind.GRU ? ", reset " + layer.gruReset().id() : "", layer.conventions());
    }
}
