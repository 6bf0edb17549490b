package org.gatescope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.text.Vocabulary;

/**
 * Loads and saves models as safetensors files as docs/model-format.md describes them: PyTorch
 * tensor names and shapes, and {@code __metadata__} keys {@code cell}, {@code gru_reset},
 * {@code vocab} and {@code tokenizer}. A file that breaks a rule is refused with a message
 * that names the tensor or key, what it holds and what was expected.
 */
public final class ModelFiles {

    static final String CELL = "cell";
    static final String GRU_RESET = "gru_reset";
    static final String VOCAB = "vocab";
    static final String TOKENIZER = "tokenizer";
    private static final Set<String> RESERVED_KEYS = Set.of(CELL, GRU_RESET, VOCAB, TOKENIZER);

    private ModelFiles() {
    }

    /**
     * Reads a model. Metadata keys other than the four above are kept in {@link Model#metadata()}.
     *
     * @throws ModelFileException naming the problem
     */
    public static Model read(Path path) throws ModelFileException {
        return model(path, SafeTensors.read(path));
    }

    /**
     * Reads a model file held in memory (a bundled model) as {@link #read(Path)} reads one on disk;
     * {@code name} names it in messages.
     *
     * @throws ModelFileException naming the problem
     */
    public static Model read(Path name, byte[] bytes) throws ModelFileException {
        return model(name, SafeTensors.read(name, bytes));
    }

    private static Model model(Path path, SafeTensorsFile file) throws ModelFileException {
        Map<String, String> metadata = file.metadata();
        CellKind cell = cell(path, metadata.get(CELL));
        GruReset reset = gruReset(path, cell, metadata.get(GRU_RESET));
        Vocabulary vocabulary = vocabulary(path, metadata.get(VOCAB));
        String tokenizer = tokenizer(path, metadata.get(TOKENIZER));
        Weights weights = new ShapeCheck(path, cell, reset, vocabulary.size(), file.tensors()).weights();
        Map<String, String> extra = new LinkedHashMap<>(metadata);
        extra.keySet().removeAll(RESERVED_KEYS);
        return new Model(weights.spec(), vocabulary, tokenizer, weights, extra);
    }

    /** Writes {@code model} with F32 tensors (docs/model-format.md); see {@link #write(Path, Model, DType)}. */
    public static void write(Path path, Model model) throws ModelFileException {
        write(path, model, DType.F32);
    }

    /**
     * Writes {@code model} atomically. F64 keeps every bit, for exact round trips.
     *
     * @throws ModelFileException if a weight is NaN or infinite (the file could not be read back)
     *     or the file cannot be written
     */
    public static void write(Path path, Model model, DType dtype) throws ModelFileException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Weights.Parameter p : model.weights().parameters()) {
            double[] data = Arrays.copyOf(p.values().data, p.values().getNumElements());
            checkFinite(path, "cannot save: tensor " + p.name(), p.shape(), data);
            tensors.put(p.name(), new Tensor(p.name(), dtype, p.shape(), data));
        }
        SafeTensors.write(path, new SafeTensorsFile(metadata(model), tensors));
    }

    private static Map<String, String> metadata(Model model) {
        Map<String, String> metadata = new LinkedHashMap<>(model.metadata());
        metadata.keySet().removeAll(RESERVED_KEYS);
        metadata.put(CELL, model.cell().id());
        if (model.cell() == CellKind.GRU) {
            metadata.put(GRU_RESET, model.spec().gruReset().id());
        }
        metadata.put(VOCAB, vocabJson(model.vocabulary().tokens()));
        metadata.put(TOKENIZER, model.tokenizer());
        return metadata;
    }

    private static String vocabJson(List<String> tokens) {
        StringBuilder json = new StringBuilder();
        JsonWriter writer = new JsonWriter(json, true);
        try {
            writer.beginArray();
            for (String token : tokens) {
                writer.value(token);
            }
            writer.endArray();
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return json.toString();
    }

    private static CellKind cell(Path path, String id) throws ModelFileException {
        String known = Arrays.stream(CellKind.values()).map(CellKind::id).collect(Collectors.joining(", "));
        if (id == null) {
            throw new ModelFileException(path, "metadata has no \"cell\"; expected one of " + known);
        }
        return CellKind.fromId(id).orElseThrow(() -> new ModelFileException(path,
                "unknown cell \"" + id + "\"; expected one of " + known));
    }

    private static GruReset gruReset(Path path, CellKind cell, String id) throws ModelFileException {
        if (id == null) {
            return GruReset.AFTER;
        }
        if (cell != CellKind.GRU) {
            throw new ModelFileException(path, "metadata gru_reset is for cell gru only, but cell is " + cell.id());
        }
        return GruReset.fromId(id).orElseThrow(() -> new ModelFileException(path,
                "metadata gru_reset is \"" + id + "\"; expected after or before"));
    }

    private static Vocabulary vocabulary(Path path, String json) throws ModelFileException {
        if (json == null) {
            throw new ModelFileException(path, "metadata has no \"vocab\" (a JSON array of the V token strings)");
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (JsonException e) {
            throw new ModelFileException(path, "metadata vocab is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof List<?> items)) {
            throw new ModelFileException(path,
                    "metadata vocab must be a JSON array of strings, but is " + Json.describe(parsed));
        }
        List<String> tokens = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String token)) {
                throw new ModelFileException(path, "metadata vocab must be a JSON array of strings, but item "
                        + tokens.size() + " is " + Json.describe(item));
            }
            tokens.add(token);
        }
        try {
            return new Vocabulary(tokens);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
    }

    private static String tokenizer(Path path, String name) throws ModelFileException {
        if (name == null || name.equals(Model.LOWER_WORDS)) {
            return Model.LOWER_WORDS;
        }
        throw new ModelFileException(path, "unsupported tokenizer \"" + name + "\"; GateScope knows "
                + Model.LOWER_WORDS);
    }

    /**
     * @param what how a message names the tensor ("tensor head.bias")
     * @throws ModelFileException at the first NaN or infinity, giving its index
     */
    static void checkFinite(Path path, String what, int[] shape, double[] data) throws ModelFileException {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new ModelFileException(path, what + " holds " + data[i] + " at index " + index(shape, i));
            }
        }
    }

    /** The row-major multi-index of flat index {@code flat}, as "[2, 5]". */
    private static String index(int[] shape, int flat) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = rest % shape[d];
            rest /= shape[d];
        }
        return Arrays.toString(index);
    }
}
