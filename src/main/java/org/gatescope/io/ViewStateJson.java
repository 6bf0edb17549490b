package org.gatescope.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.gatescope.state.ClampRef;
import org.gatescope.state.ModelRef;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;

/**
 * The fields a lesson step and a session share, read from and written to their JSON object: {@code model},
 * {@code text}, {@code token}, {@code units}, {@code compare}, {@code compare_model}, {@code reach},
 * {@code activation}, {@code memory_from}, {@code clamps}, {@code counterfactual}, {@code silence}. A field
 * left out is "as it is" (null in {@link ViewState}); {@code null} or {@code []} is "none".
 */
final class ViewStateJson {

    static final Set<String> FIELDS = Set.of("model", "text", "token", "units", "compare", "compare_model", "reach",
            "activation", "memory_from", "clamps", "counterfactual", "silence");

    private ViewStateJson() {
    }

    /**
     * Reads the shared fields of {@code object}.
     *
     * @param resolvePath makes a model file's path as written into the path to open (a lesson's relative path
     *     is relative to the lesson)
     * @throws IOException with the field's name and what is wrong
     */
    static ViewState read(Map<?, ?> object, UnaryOperator<String> resolvePath) throws IOException {
        return new ViewState(
                model(object, "model", resolvePath),
                object.containsKey("text") ? string(object.get("text"), "text") : null,
                object.containsKey("token") ? token(object.get("token"), "token") : null,
                object.containsKey("units") ? units(object.get("units")) : null,
                bool(object, "compare"),
                model(object, "compare_model", resolvePath),
                bool(object, "reach"),
                bool(object, "activation"),
                object.containsKey("memory_from") ? Optional.ofNullable(object.get("memory_from") == null ? null
                        : token(object.get("memory_from"), "memory_from")) : null,
                object.containsKey("clamps") ? clamps(object.get("clamps")) : null,
                object.containsKey("counterfactual") ? counterfactual(object.get("counterfactual")) : null,
                object.containsKey("silence") ? silence(object.get("silence")) : null);
    }

    /**
     * Writes the fields {@code state} says (null fields are left out).
     *
     * @param modelsAsObjects true writes {@code {"bundled": "gru"}} / {@code {"file": "…"}} (sessions), false
     *     the name or path alone (lessons, written by hand)
     */
    static void write(JsonWriter json, ViewState state, boolean modelsAsObjects) throws IOException {
        if (state.model() != null) {
            json.name("model");
            model(json, state.model(), modelsAsObjects);
        }
        if (state.text() != null) {
            json.name("text").value(state.text());
        }
        if (state.token() != null) {
            json.name("token");
            token(json, state.token());
        }
        if (state.units() != null) {
            json.name("units").beginArray();
            for (UnitRef unit : state.units()) {
                if (unit.numberRank() == 0) {
                    json.value(unit.unit());
                } else {
                    json.value(unit.toString());
                }
            }
            json.endArray();
        }
        if (state.compare() != null) {
            json.name("compare").value(state.compare());
        }
        if (state.compareModel() != null) {
            json.name("compare_model");
            model(json, state.compareModel(), modelsAsObjects);
        }
        if (state.reach() != null) {
            json.name("reach").value(state.reach());
        }
        if (state.activation() != null) {
            json.name("activation").value(state.activation());
        }
        if (state.memoryFrom() != null) {
            json.name("memory_from");
            if (state.memoryFrom().isPresent()) {
                token(json, state.memoryFrom().get());
            } else {
                json.nullValue();
            }
        }
        if (state.clamps() != null) {
            json.name("clamps").beginArray();
            for (ClampRef clamp : state.clamps()) {
                json.value(clamp.spec());
            }
            json.endArray();
        }
        if (state.counterfactual() != null) {
            json.name("counterfactual");
            if (state.counterfactual().isPresent()) {
                ViewState.Replacement replacement = state.counterfactual().get();
                json.beginObject().name("at");
                token(json, replacement.at());
                json.name("word").value(replacement.word()).endObject();
            } else {
                json.nullValue();
            }
        }
        if (state.silence() != null) {
            json.name("silence");
            if (state.silence().isPresent()) {
                ViewState.Silence silence = state.silence().get();
                json.beginObject().name("unit");
                if (silence.unit().numberRank() == 0) {
                    json.value(silence.unit().unit());
                } else {
                    json.value(silence.unit().toString());
                }
                json.name("from");
                token(json, silence.from());
                json.endObject();
            } else {
                json.nullValue();
            }
        }
    }

    private static void model(JsonWriter json, ModelRef model, boolean asObject) throws IOException {
        if (asObject) {
            json.beginObject().name(model.file() ? "file" : "bundled").value(model.value()).endObject();
        } else {
            json.value(model.value());
        }
    }

    private static void token(JsonWriter json, TokenRef token) throws IOException {
        if (token.word() == null) {
            json.value(token.position());
        } else {
            json.value(token.word());
        }
    }

    /** A string names a bundled model, or a file when it has a folder or an extension; an object says which. */
    private static ModelRef model(Map<?, ?> object, String field, UnaryOperator<String> resolvePath) throws IOException {
        Object value = object.get(field);
        if (value == null) {
            return null; // absent, or null: none (as a saved session writes a view without a second model)
        }
        if (value instanceof String name) {
            if (name.isBlank()) {
                throw new IOException("\"" + field + "\" is empty: name a bundled model (gru) or a model file");
            }
            boolean file = name.contains("/") || name.contains("\\") || name.lastIndexOf('.') > 0;
            return file ? ModelRef.file(resolvePath.apply(name)) : ModelRef.bundled(name);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.get("bundled") instanceof String name && !name.isBlank()) {
                return ModelRef.bundled(name);
            }
            if (map.get("file") instanceof String path && !path.isBlank()) {
                return ModelRef.file(resolvePath.apply(path));
            }
        }
        throw new IOException("\"" + field + "\" is " + Json.describe(value) + ": write a bundled model's name"
                + " (\"gru\"), a file's path, or {\"bundled\": NAME} / {\"file\": PATH}");
    }

    private static Boolean bool(Map<?, ?> object, String field) throws IOException {
        if (!object.containsKey(field)) {
            return null;
        }
        if (object.get(field) instanceof Boolean value) {
            return value;
        }
        throw new IOException("\"" + field + "\" is " + Json.describe(object.get(field)) + ", not true or false");
    }

    static String string(Object value, String field) throws IOException {
        if (value instanceof String text) {
            return text;
        }
        throw new IOException("\"" + field + "\" is " + Json.describe(value) + ", not a string");
    }

    private static TokenRef token(Object value, String field) throws IOException {
        try {
            if (value instanceof Long position) {
                return TokenRef.at(Math.toIntExact(position));
            }
            if (value instanceof String word) {
                return TokenRef.word(word);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("\"" + field + "\": " + e.getMessage());
        }
        throw new IOException("\"" + field + "\" is " + Json.describe(value)
                + ": write a token position from 0 or a word of the text");
    }

    private static UnitRef unit(Object value, String field) throws IOException {
        try {
            if (value instanceof Long unit) {
                return UnitRef.fixed(Math.toIntExact(unit));
            }
            if (value instanceof String name) {
                return UnitRef.parse(name);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("\"" + field + "\": " + e.getMessage());
        }
        throw new IOException("\"" + field + "\" is " + Json.describe(value)
                + ": write a unit counted from 0 or number1, number2, …");
    }

    private static List<UnitRef> units(Object value) throws IOException {
        if (!(value instanceof List<?> list)) {
            throw new IOException("\"units\" is " + Json.describe(value) + ", not a list of units");
        }
        List<UnitRef> units = new ArrayList<>();
        for (Object each : list) {
            units.add(unit(each, "units"));
        }
        return units;
    }

    private static List<ClampRef> clamps(Object value) throws IOException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IOException("\"clamps\" is " + Json.describe(value) + ", not a list like [\"u:29:1-1=0\"]");
        }
        List<ClampRef> clamps = new ArrayList<>();
        for (Object each : list) {
            try {
                clamps.add(new ClampRef(string(each, "clamps")));
            } catch (IllegalArgumentException e) {
                throw new IOException("\"clamps\": " + e.getMessage());
            }
        }
        return clamps;
    }

    private static Optional<ViewState.Replacement> counterfactual(Object value) throws IOException {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map && map.keySet().equals(Set.of("at", "word"))) {
            try {
                return Optional.of(new ViewState.Replacement(token(map.get("at"), "counterfactual.at"),
                        string(map.get("word"), "counterfactual.word")));
            } catch (IllegalArgumentException e) {
                throw new IOException("\"counterfactual\": " + e.getMessage());
            }
        }
        throw new IOException("\"counterfactual\" is " + Json.describe(value)
                + ": write {\"at\": TOKEN, \"word\": WORD} or null");
    }

    private static Optional<ViewState.Silence> silence(Object value) throws IOException {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map && map.keySet().equals(Set.of("unit", "from"))) {
            return Optional.of(new ViewState.Silence(unit(map.get("unit"), "silence.unit"),
                    token(map.get("from"), "silence.from")));
        }
        throw new IOException("\"silence\" is " + Json.describe(value)
                + ": write {\"unit\": UNIT, \"from\": TOKEN} or null");
    }

    /** Refuses a key that is none of {@code known}, naming the ones that are. */
    static void onlyKnownFields(Map<?, ?> object, Set<String> known, String where) throws IOException {
        for (Object key : object.keySet()) {
            if (!known.contains(key)) {
                throw new IOException(where + "unknown field \"" + key + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The {@code "format"} and {@code "version"} of a GateScope file, checked. */
    static void checkFormat(Object parsed, String format, int version, String what) throws IOException {
        if (!(parsed instanceof Map<?, ?> map) || !format.equals(map.get("format"))) {
            throw new IOException("it is not a GateScope " + what + " (no \"format\": \"" + format + "\")");
        }
        Object written = map.get("version");
        if (!(written instanceof Long v) || v < 1) {
            throw new IOException("its \"version\" is " + Json.describe(written) + ", not a version number");
        }
        if (v > version) {
            throw new IOException("it was written by a newer GateScope (" + what + " version " + v
                    + "); this one reads version " + version);
        }
    }

    /** The file's text, refused when it is too large, not UTF-8, or not JSON. */
    static Object parse(java.nio.file.Path file, long maxBytes, String what) throws IOException {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new IOException("it is a folder, not a " + what);
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new IOException("file not found");
        }
        if (java.nio.file.Files.size(file) > maxBytes) {
            throw new IOException("it is too large for a " + what + " (more than " + maxBytes / 1024 + " KB)");
        }
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException("it is not a " + what + " (not UTF-8 text)");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied");
        }
        return parseText(text, what);
    }

    static Object parseText(String text, String what) throws IOException {
        try {
            return Json.parse(text);
        } catch (JsonException e) {
            throw new IOException("it is not a " + what + " (" + e.getMessage().toLowerCase(Locale.ROOT) + ")");
        }
    }
}
