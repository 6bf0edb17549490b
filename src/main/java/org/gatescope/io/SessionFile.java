package org.gatescope.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gatescope.state.LessonPosition;
import org.gatescope.state.ModelRef;
import org.gatescope.state.Session;
import org.gatescope.state.ViewState;

/**
 * A saved session, a {@code .gatescope} file (docs/sessions.md): what the window showed and where in a
 * lesson it was.
 * <pre>
 * {"format": "gatescope-session", "version": 1, "model": {"bundled": "gru"}, "text": "The cat …", "token": 1,
 *  "units": [29, 23, 42], "compare": false, "compare_model": {"bundled": "lstm"}, "reach": true,
 *  "activation": false, "memory_from": null, "clamps": ["u:29:1-1=0"], "counterfactual": {"at": 1, "word": "cats"},
 *  "silence": null, "lesson": {"source": "builtin:gru-update-gate", "step": 2}}
 * </pre>
 * Written atomically; a model file's path is written absolute, and a relative one is read against the
 * session's folder (a session and its model shared as one folder).
 */
public final class SessionFile {

    public static final String FORMAT = "gatescope-session";
    public static final int VERSION = 1;
    /** The extension GateScope gives a session, and the file manager's association opens. */
    public static final String EXTENSION = ".gatescope";
    static final long MAX_BYTES = 1024 * 1024;

    private static final Set<String> FIELDS;

    static {
        Set<String> fields = new HashSet<>(ViewStateJson.FIELDS);
        fields.addAll(Set.of("format", "version", "lesson"));
        FIELDS = Set.copyOf(fields);
    }

    private SessionFile() {
    }

    /** @throws IOException with one line for the user (without the file's name) */
    public static Session read(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Object parsed = ViewStateJson.parse(file, MAX_BYTES, "GateScope session");
        ViewStateJson.checkFormat(parsed, FORMAT, VERSION, "session");
        Map<?, ?> map = (Map<?, ?>) parsed;
        ViewStateJson.onlyKnownFields(map, FIELDS, "");
        try {
            ViewState state = ViewStateJson.read(map, path -> folder == null ? path
                    : folder.resolve(path).normalize().toString());
            return new Session(state, lesson(map.get("lesson")));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static LessonPosition lesson(Object value) throws IOException {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map && map.get("source") instanceof String source
                && map.get("step") instanceof Long step && step >= 0 && step < Integer.MAX_VALUE && !source.isBlank()) {
            return new LessonPosition(source, step.intValue());
        }
        throw new IOException("\"lesson\" is " + Json.describe(value)
                + ": write {\"source\": LESSON, \"step\": STEP from 0} or null");
    }

    private static ModelRef absolute(ModelRef file) {
        return ModelRef.file(Path.of(file.value()).toAbsolutePath().toString());
    }

    /** Writes {@code session} atomically: on failure the old file is as it was. */
    public static void write(Session session, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("version").value(VERSION);
            ViewState state = session.state();
            if (state.model().file()) { // absolute, so the session opens from anywhere
                state = state.withModel(absolute(state.model()));
            }
            if (state.compareModel() != null && state.compareModel().file()) {
                state = state.withCompareModel(absolute(state.compareModel()));
            }
            ViewStateJson.write(json, state, true);
            json.name("lesson");
            LessonPosition lesson = session.lesson();
            if (lesson == null) {
                json.nullValue();
            } else {
                json.beginObject().name("source").value(lesson.source()).name("step").value(lesson.step()).endObject();
            }
            json.endObject();
            writer.write('\n');
            writer.flush();
        });
    }
}
