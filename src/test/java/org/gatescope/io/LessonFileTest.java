package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatescope.state.ClampRef;
import org.gatescope.state.Lesson;
import org.gatescope.state.LessonStep;
import org.gatescope.state.ModelRef;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files: written by hand, read strictly, written and read back the same; the built-in ones all read. */
class LessonFileTest {

    @TempDir
    Path folder;

    static Lesson sample() {
        ViewState first = new ViewState(ModelRef.bundled("gru"), "The cat, which already ate ..., was full.",
                TokenRef.word("cat"), List.of(UnitRef.numberUnit(1), UnitRef.fixed(23)), false, null, true, false,
                Optional.of(TokenRef.at(1)), List.of(new ClampRef("u:number1:3-3=1")),
                Optional.of(new ViewState.Replacement(TokenRef.at(1), "cats")),
                Optional.of(new ViewState.Silence(UnitRef.numberUnit(2), TokenRef.at(0))));
        ViewState second = new ViewState(null, null, TokenRef.at(7), null, true, ModelRef.bundled("lstm"), null, null,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        return new Lesson("The update gate", "One gate carries the number.", List.of(
                new LessonStep(LessonStep.Kind.SHOW, "At cat", "Γu of unit {unit} is {u}.", first),
                new LessonStep(LessonStep.Kind.PLAY, "", "p(was) = {p was}", second)));
    }

    @Test
    void aLessonWrittenReadsBackTheSame() throws IOException {
        Path file = folder.resolve("lesson.json");
        LessonFile.write(sample(), file);

        assertEquals(sample(), LessonFile.read(file));
    }

    @Test
    void aStepSaysOnlyWhatChangesAndTheRestIsTheStepBefore() {
        Lesson lesson = sample();

        ViewState second = lesson.stateAt(1);
        assertEquals(ModelRef.bundled("gru"), second.model());
        assertEquals(TokenRef.at(7), second.token());
        assertEquals(List.of(), second.clamps(), "an empty list clears the clamps");
        assertEquals(Optional.empty(), second.counterfactual());
        assertEquals(ViewState.LESSON_START.reach(), lesson.stateAt(1).reach());
    }

    @Test
    void aModelFileIsFoundBesideTheLesson() throws IOException {
        Path file = Files.writeString(folder.resolve("mine.json"), """
                {"format": "gatescope-lesson", "version": 1, "title": "Mine",
                 "steps": [{"type": "show", "model": "models/my-gru.safetensors", "say": "hello"}]}
                """);

        ModelRef model = LessonFile.read(file).steps().get(0).sets().model();

        assertTrue(model.file());
        assertEquals(folder.resolve("models/my-gru.safetensors").toString(), model.value());
    }

    @Test
    void anUnknownStepTypeIsNamedWithItsStep() throws IOException {
        Path file = Files.writeString(folder.resolve("quiz.json"), """
                {"format": "gatescope-lesson", "version": 1, "title": "Quiz",
                 "steps": [{"type": "show", "model": "gru"}, {"type": "quiz", "say": "?"}]}
                """);

        IOException e = assertThrows(IOException.class, () -> LessonFile.read(file));
        assertEquals("step 2: unknown step type \"quiz\" (known: show, play)", e.getMessage());
    }

    @Test
    void brokenFilesAreRefusedWithOneLine() throws IOException {
        String[][] cases = {
            {"{\"format\": \"gatescope-lesson\", \"version\": 1, \"title\": \"x\", \"steps\": [", "not a lesson file"},
            {"{\"format\": \"gatescope-session\", \"version\": 1}", "not a GateScope lesson"},
            {"{\"format\": \"gatescope-lesson\", \"version\": 9, \"title\": \"x\", \"steps\": []}", "newer GateScope"},
            {"{\"format\": \"gatescope-lesson\", \"version\": 1, \"title\": \"x\", \"steps\": [{\"type\": \"show\","
                    + " \"model\": \"gru\", \"toekn\": 3}]}", "unknown field \"toekn\""},
            {"{\"format\": \"gatescope-lesson\", \"version\": 1, \"title\": \"x\", \"steps\": [{\"type\": \"show\","
                    + " \"model\": \"gru\", \"say\": \"{gamma}\"}]}", "step 1:"},
            {"{\"format\": \"gatescope-lesson\", \"version\": 1, \"title\": \"x\", \"steps\": [{\"type\": \"show\","
                    + " \"model\": \"gru\", \"clamps\": [\"u:number1:3-3=2\"]}]}", "between 0 and 1"},
            {"{\"format\": \"gatescope-lesson\", \"version\": 1, \"title\": \"x\", \"steps\": [{\"type\": \"show\","
                    + " \"say\": \"no model\"}]}", "the first step must name the model"},
        };
        for (String[] each : cases) {
            Path file = Files.writeString(folder.resolve("broken.json"), each[0]);
            IOException e = assertThrows(IOException.class, () -> LessonFile.read(file), each[0]);
            assertTrue(e.getMessage().contains(each[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void everyBuiltInLessonReadsAndFollowsTheLecture() throws IOException {
        List<LessonLibrary.BuiltIn> lessons = LessonLibrary.all();

        assertEquals(List.of("gru-update-gate", "rnn-forgets", "lstm-gates", "peephole", "number-units"),
                lessons.stream().map(LessonLibrary.BuiltIn::id).toList());
        for (LessonLibrary.BuiltIn each : lessons) {
            assertTrue(each.lesson().size() >= 4, each.id());
            assertFalse(each.lesson().stateAt(0).model().file(), each.id() + " runs on a bundled model");
        }
    }
}
