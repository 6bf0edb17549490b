package org.gatescope.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The window's own settings, in {@code settings.json} under the user's configuration folder: the recently
 * opened sessions and lessons (newest first) and whether the last session is restored at start (off unless
 * the user turns it on). A missing or damaged file reads as the defaults: settings never keep the window from
 * opening.
 */
public final class SettingsFile {

    public static final String FORMAT = "gatescope-settings";
    public static final int VERSION = 1;
    /** How many recent files are kept. */
    public static final int RECENT = 10;
    /** The file name of the last session, saved at exit when restoring it is on. */
    public static final String LAST_SESSION = "last-session" + SessionFile.EXTENSION;

    private static final System.Logger LOG = System.getLogger(SettingsFile.class.getName());

    /** The settings: recent files (newest first), and whether the last session opens at start. */
    public record Settings(List<Path> recent, boolean restoreLastSession) {
        public static final Settings DEFAULTS = new Settings(List.of(), false);

        public Settings {
            recent = List.copyOf(recent.subList(0, Math.min(RECENT, recent.size())));
        }

        /** {@code file} first, then the others without it. */
        public Settings withRecent(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            List<Path> files = new ArrayList<>();
            files.add(absolute);
            recent.stream().filter(p -> !p.equals(absolute)).forEach(files::add);
            return new Settings(files, restoreLastSession);
        }

        public Settings withRestoreLastSession(boolean restore) {
            return new Settings(recent, restore);
        }
    }

    private SettingsFile() {
    }

    /**
     * GateScope's configuration folder: the system property {@code gatescope.configDir} if set (tests), else
     * {@code $XDG_CONFIG_HOME/gatescope}, else {@code ~/.config/gatescope}.
     */
    public static Path folder() {
        String own = System.getProperty("gatescope.configDir");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("gatescope");
    }

    /** The settings in {@code folder}; the defaults when there are none or they cannot be read. */
    public static Settings read(Path folder) {
        Path file = folder.resolve("settings.json");
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            Object parsed = ViewStateJson.parse(file, 64 * 1024, "settings file");
            ViewStateJson.checkFormat(parsed, FORMAT, VERSION, "settings file");
            Map<?, ?> map = (Map<?, ?>) parsed;
            List<Path> recent = new ArrayList<>();
            if (map.get("recent") instanceof List<?> list) {
                for (Object each : list) {
                    if (each instanceof String path) {
                        try {
                            recent.add(Path.of(path));
                        } catch (InvalidPathException e) {
                            // a path this system cannot use: left out
                        }
                    }
                }
            }
            return new Settings(recent, Boolean.TRUE.equals(map.get("restore_last_session")));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring " + file + ": " + e.getMessage());
            return Settings.DEFAULTS;
        }
    }

    /** Writes {@code settings} to {@code folder} atomically, making the folder if needed. */
    public static void write(Settings settings, Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve("settings.json"), out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("version").value(VERSION);
            json.name("restore_last_session").value(settings.restoreLastSession());
            json.name("recent").beginArray();
            for (Path path : settings.recent()) {
                json.value(path.toString());
            }
            json.endArray();
            json.endObject();
            writer.write('\n');
            writer.flush();
        });
    }
}
