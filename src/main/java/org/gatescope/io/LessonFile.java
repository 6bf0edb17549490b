package org.gatescope.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.gatescope.state.Lesson;
import org.gatescope.state.LessonStep;
import org.gatescope.state.LessonText;
import org.gatescope.state.ViewState;

/**
 * A guided lesson as a JSON file a teacher writes by hand (docs/lessons.md):
 * <pre>
 * {"format": "gatescope-lesson", "version": 1, "title": "…", "summary": "…",
 *  "steps": [{"type": "show", "title": "…", "model": "gru", "text": "The cat …", "token": 1,
 *             "units": ["number1"], "say": "Γu of unit {unit} is {u} here: …"}, …]}
 * </pre>
 * A step says only what changes ({@link ViewState}'s fields); its {@code "type"} is {@code show} or
 * {@code play}. Anything else — an unknown type or field, a placeholder that cannot be read — is refused
 * with one line naming the step.
 */
public final class LessonFile {

    public static final String FORMAT = "gatescope-lesson";
    public static final int VERSION = 1;
    /** A lesson is a few kilobytes of text. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final Set<String> TOP = Set.of("format", "version", "title", "summary", "steps");
    private static final Set<String> STEP;

    static {
        Set<String> step = new HashSet<>(ViewStateJson.FIELDS);
        step.addAll(Set.of("type", "title", "say"));
        STEP = Set.copyOf(step);
    }

    private LessonFile() {
    }

    /**
     * Reads a lesson file; a model file it names by a relative path is found beside the lesson.
     *
     * @throws IOException with one line for the user (without the file's name)
     */
    public static Lesson read(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        return lesson(ViewStateJson.parse(file, MAX_BYTES, "lesson file"),
                path -> folder == null ? path : folder.resolve(path).normalize().toString());
    }

    /** Reads a lesson from its text (a built-in lesson); model paths are taken as they are. */
    public static Lesson parse(String text) throws IOException {
        return lesson(ViewStateJson.parseText(text, "lesson file"), UnaryOperator.identity());
    }

    private static Lesson lesson(Object parsed, UnaryOperator<String> resolvePath) throws IOException {
        ViewStateJson.checkFormat(parsed, FORMAT, VERSION, "lesson");
        Map<?, ?> map = (Map<?, ?>) parsed;
        ViewStateJson.onlyKnownFields(map, TOP, "");
        String title = map.containsKey("title") ? ViewStateJson.string(map.get("title"), "title") : "";
        String summary = map.containsKey("summary") ? ViewStateJson.string(map.get("summary"), "summary") : "";
        if (!(map.get("steps") instanceof List<?> list) || list.isEmpty()) {
            throw new IOException("\"steps\" is " + Json.describe(map.get("steps")) + ", not a list of steps");
        }
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "step " + (i + 1) + ": ";
            if (!(list.get(i) instanceof Map<?, ?> step)) {
                throw new IOException(where + "is " + Json.describe(list.get(i)) + ", not an object");
            }
            try {
                steps.add(step(step, resolvePath));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(where + e.getMessage());
            }
        }
        try {
            return new Lesson(title, summary, steps);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static LessonStep step(Map<?, ?> step, UnaryOperator<String> resolvePath) throws IOException {
        Object type = step.get("type");
        if (!(type instanceof String key)) {
            throw new IOException("\"type\" is " + Json.describe(type) + ": write \"show\" or \"play\"");
        }
        LessonStep.Kind kind = LessonStep.Kind.fromKey(key).orElseThrow(() -> new IOException(
                "unknown step type \"" + key + "\" (known: show, play)"));
        ViewStateJson.onlyKnownFields(step, STEP, "");
        String say = step.containsKey("say") ? ViewStateJson.string(step.get("say"), "say") : "";
        LessonText.check(say);
        String title = step.containsKey("title") ? ViewStateJson.string(step.get("title"), "title") : "";
        return new LessonStep(kind, title, say, ViewStateJson.read(step, resolvePath));
    }

    /** Writes {@code lesson} atomically: on failure the old file is as it was. */
    public static void write(Lesson lesson, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("version").value(VERSION);
            json.name("title").value(lesson.title());
            json.name("summary").value(lesson.summary());
            json.name("steps").beginArray();
            for (LessonStep step : lesson.steps()) {
                json.beginObject();
                json.name("type").value(step.kind().key());
                json.name("title").value(step.title());
                ViewStateJson.write(json, step.sets(), false);
                json.name("say").value(step.say());
                json.endObject();
            }
            json.endArray();
            json.endObject();
            writer.write('\n');
            writer.flush();
        });
    }
}
