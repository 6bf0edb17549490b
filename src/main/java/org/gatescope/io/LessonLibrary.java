package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gatescope.state.Lesson;

/**
 * The lessons that come with GateScope, in the lecture's order: JSON files of {@link LessonFile}'s format
 * under {@code org/gatescope/io/lessons/}, listed by {@code index.txt} (one id a line).
 */
public final class LessonLibrary {

    private static final String DIR = "/org/gatescope/io/lessons/";

    /** A built-in lesson and its id ({@code builtin:ID} in a session). */
    public record BuiltIn(String id, Lesson lesson) {
    }

    private LessonLibrary() {
    }

    /**
     * Every built-in lesson, read and checked.
     *
     * @throws IOException if one is missing or broken (a build mistake, found by the tests)
     */
    public static List<BuiltIn> all() throws IOException {
        List<BuiltIn> lessons = new ArrayList<>();
        for (String line : text("index.txt").split("\n")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                lessons.add(new BuiltIn(id, load(id)));
            }
        }
        return lessons;
    }

    /** @throws IOException naming the lesson when there is none of that id or it is broken */
    public static Lesson load(String id) throws IOException {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IOException("there is no built-in lesson \"" + id + "\"");
        }
        try {
            return LessonFile.parse(text(id + ".json"));
        } catch (IOException e) {
            throw new IOException("the built-in lesson \"" + id + "\": " + e.getMessage(), e);
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("there is no built-in lesson file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
