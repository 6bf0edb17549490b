package org.gatescope.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.analysis.Pca;

/**
 * A PCA basis saved to be used again ({@code states --save-basis}, the trajectory window's "Save basis…"),
 * so that sentences traced another day land in the same plane. JSON:
 * <pre>
 * {"format": "gatescope-pca-basis", "version": 1, "hidden": 16, "quantity": "c", "layer": "layer 1",
 *  "fitted_on": "agreement corpus, 300 held-out sentences", "samples": 4518,
 *  "mean": [...H], "components": [[...H], ...], "explained_variance": [...], "explained_variance_ratio": [...]}
 * </pre>
 */
public final class PcaBasisFile {

    public static final String FORMAT = "gatescope-pca-basis";
    public static final int VERSION = 1;
    /** A basis file is a few kilobytes; a larger one is not ours. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A basis with what it was fitted on. */
    public record Basis(Pca pca, String quantity, String layer, String fittedOn) {
    }

    private PcaBasisFile() {
    }

    /** Writes atomically: on failure the old file is as it was. */
    public static void write(Basis basis, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            Pca pca = basis.pca();
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("version").value(VERSION);
            json.name("hidden").value(pca.hidden());
            json.name("quantity").value(basis.quantity());
            json.name("layer").value(basis.layer());
            json.name("fitted_on").value(basis.fittedOn());
            json.name("samples").value(pca.samples());
            json.name("mean");
            array(json, pca.mean());
            json.name("components").beginArray();
            for (double[] row : pca.components()) {
                array(json, row);
            }
            json.endArray();
            json.name("explained_variance");
            array(json, pca.explainedVariance());
            json.name("explained_variance_ratio");
            array(json, pca.explainedVarianceRatio());
            json.endObject();
            writer.write('\n');
            writer.flush();
        });
    }

    private static void array(JsonWriter json, double[] values) throws IOException {
        json.beginArray();
        for (double v : values) {
            json.value(v);
        }
        json.endArray();
    }

    /**
     * @throws IOException with one line for the user: unreadable, not JSON, not a basis, inconsistent sizes
     */
    public static Basis read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new IOException(name + " is not a file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(name + " is too large for a basis file");
        }
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new IOException(name + " is not a basis file (not JSON: " + e.getMessage() + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(name + " is not a basis file (not UTF-8 text)");
        }
        if (!(parsed instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
            throw new IOException(name + " is not a GateScope basis file (no \"format\": \"" + FORMAT + "\")");
        }
        try {
            double[] mean = numbers(map.get("mean"), "mean");
            Object rows = map.get("components");
            if (!(rows instanceof List<?> list) || list.isEmpty()) {
                throw new IOException("\"components\" is not a list of rows");
            }
            double[][] components = new double[list.size()][];
            for (int i = 0; i < components.length; i++) {
                components[i] = numbers(list.get(i), "components[" + i + "]");
            }
            double[] variance = numbers(map.get("explained_variance"), "explained_variance");
            double[] ratio = numbers(map.get("explained_variance_ratio"), "explained_variance_ratio");
            Object samples = map.get("samples");
            Pca pca = new Pca(mean, components, variance, ratio, samples instanceof Number n ? n.intValue() : 0);
            Object hidden = map.get("hidden");
            if (hidden instanceof Number h && h.intValue() != mean.length) {
                throw new IOException("\"hidden\" says " + h + " units, the mean has " + mean.length);
            }
            return new Basis(pca, string(map.get("quantity"), "c"), string(map.get("layer"), ""),
                    string(map.get("fitted_on"), ""));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(name + " is a damaged basis file: " + e.getMessage());
        }
    }

    private static double[] numbers(Object value, String key) throws IOException {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IOException("\"" + key + "\" is not a list of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IOException("\"" + key + "\" holds something that is not a number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static String string(Object value, String fallback) {
        return value instanceof String s ? s : fallback;
    }
}
