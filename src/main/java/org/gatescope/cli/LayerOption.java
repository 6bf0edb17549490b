package org.gatescope.cli;

import org.gatescope.engine.NetworkTrace;

/** {@code --layer N[b]}: layer N's forward direction, or with "b" its backward one (counted from 1). */
final class LayerOption {

    private LayerOption() {
    }

    /**
     * The index in {@code network}'s layer directions that {@code layer} names; the last layer's forward
     * direction when null.
     */
    static int direction(String command, NetworkTrace network, String layer) throws UsageException {
        if (layer == null) {
            for (int k = network.layers().size() - 1; k >= 0; k--) {
                if (!network.layers().get(k).backward()) {
                    return k;
                }
            }
        }
        String value = layer == null ? "" : layer.strip();
        boolean backward = value.endsWith("b");
        try {
            int level = Integer.parseInt(backward ? value.substring(0, value.length() - 1) : value) - 1;
            for (int k = 0; k < network.layers().size(); k++) {
                NetworkTrace.LayerTrace t = network.layers().get(k);
                if (t.level() == level && t.backward() == backward) {
                    return k;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(command + ": --layer " + layer + " is not a layer of this model (layers: "
                + String.join(", ", network.layers().stream()
                .map(t -> (t.level() + 1) + (t.backward() ? "b" : "")).toList()) + ")");
    }
}
