package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatescope.state.ClampRef;
import org.gatescope.state.LessonPosition;
import org.gatescope.state.ModelRef;
import org.gatescope.state.Session;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files round-trip, resolve a model beside them, and refuse what is not a session in one line. */
class SessionFileTest {

    @TempDir
    Path folder;

    private static ViewState state(ModelRef model) {
        return new ViewState(model, "The cats, which already ate ..., were full.", TokenRef.at(4),
                List.of(UnitRef.fixed(29), UnitRef.fixed(23)), true, ModelRef.bundled("lstm"), false, true,
                Optional.of(TokenRef.at(1)), List.of(new ClampRef("u:29:1-1=0"), new ClampRef("f:all:2-9=1")),
                Optional.of(new ViewState.Replacement(TokenRef.at(1), "cat")),
                Optional.of(new ViewState.Silence(UnitRef.fixed(23), TokenRef.at(0))));
    }

    @Test
    void aSessionWrittenReadsBackTheSame() throws IOException {
        Session session = new Session(state(ModelRef.bundled("gru")), LessonPosition.builtIn("lstm-gates", 3));
        Path file = folder.resolve("lecture.gatescope");

        SessionFile.write(session, file);

        assertEquals(session, SessionFile.read(file));
    }

    @Test
    void aSessionWithoutLessonOrExtrasReadsBackTheSame() throws IOException {
        Session session = new Session(new ViewState(ModelRef.file(folder.resolve("m.safetensors").toString()), "", TokenRef.at(0),
                List.of(), false, null, true, false, Optional.empty(), List.of(), Optional.empty(), Optional.empty()),
                null);
        Path file = folder.resolve("plain.gatescope");

        SessionFile.write(session, file);

        assertEquals(session, SessionFile.read(file));
    }

    @Test
    void aModelPathWrittenRelativeIsReadBesideTheSession() throws IOException {
        Path file = Files.writeString(folder.resolve("shared.gatescope"), """
                {"format": "gatescope-session", "version": 1, "model": {"file": "my-lstm.safetensors"},
                 "text": "the cat", "token": 1}
                """);

        assertEquals(ModelRef.file(folder.resolve("my-lstm.safetensors").toString()),
                SessionFile.read(file).state().model());
    }

    @Test
    void aNullFieldMeansNoneAsTheFormatSays() throws IOException {
        Path file = Files.writeString(folder.resolve("written-by-hand.gatescope"), """
                {"format": "gatescope-session", "version": 1, "model": {"bundled": "gru"},
                 "text": "the cat", "token": 1, "compare": false, "compare_model": null, "lesson": null}
                """);

        Session read = SessionFile.read(file);

        assertEquals(ModelRef.bundled("gru"), read.state().model());
        assertEquals(null, read.state().compareModel());
        assertEquals(null, read.lesson());
    }

    @Test
    void whatIsNoSessionIsRefusedInOneLine() throws IOException {
        String[][] cases = {
            {"not json at all", "not a GateScope session"},
            {"{\"format\": \"gatescope-lesson\", \"version\": 1}", "not a GateScope session"},
            {"{\"format\": \"gatescope-session\", \"version\": 1, \"text\": \"x\"}", "needs a model"},
            {"{\"format\": \"gatescope-session\", \"version\": 1, \"model\": \"gru\", \"clamps\": [\"q:1:1-1=0\"]}",
                "no gate"},
            {"{\"format\": \"gatescope-session\", \"version\": 1, \"model\": \"gru\", \"lesson\": {\"step\": 2}}",
                "\"lesson\""},
        };
        for (String[] each : cases) {
            Path file = Files.writeString(folder.resolve("broken.gatescope"), each[0]);
            IOException e = assertThrows(IOException.class, () -> SessionFile.read(file), each[0]);
            assertTrue(e.getMessage().contains(each[1]), e.getMessage());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldSessionWhole() throws IOException {
        Path file = folder.resolve("kept.gatescope");
        Session session = new Session(state(ModelRef.bundled("gru")), null);
        SessionFile.write(session, file);
        String before = Files.readString(file);

        assertThrows(IOException.class, () -> SessionFile.write(session, folder.resolve("no-such-folder/x.gatescope")));
        assertEquals(before, Files.readString(file));
    }

    @Test
    void settingsKeepTheRecentFilesNewestFirstAndTheRestoreOption() throws IOException {
        Path config = folder.resolve("config");
        assertEquals(SettingsFile.Settings.DEFAULTS, SettingsFile.read(config), "a first launch: the defaults");

        SettingsFile.Settings settings = SettingsFile.Settings.DEFAULTS.withRecent(folder.resolve("a.gatescope"))
                .withRecent(folder.resolve("b.json")).withRecent(folder.resolve("a.gatescope"))
                .withRestoreLastSession(true);
        SettingsFile.write(settings, config);

        SettingsFile.Settings read = SettingsFile.read(config);
        assertEquals(List.of(folder.resolve("a.gatescope"), folder.resolve("b.json")), read.recent());
        assertTrue(read.restoreLastSession());
        Files.writeString(config.resolve("settings.json"), "{broken");
        assertEquals(SettingsFile.Settings.DEFAULTS, SettingsFile.read(config), "damaged settings never stop the window");
    }
}
