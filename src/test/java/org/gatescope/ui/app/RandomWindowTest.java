package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window under a few hundred random actions, as a restless student drives it: stepping,
 * playing, switching cells, comparing, typing (nothing, unknown words, a long text), opening
 * bundled models and good and broken model files, resizing, opening and closing the train and
 * saturation windows; on the real background threads. No exception may escape on any thread,
 * nothing may be logged as a bug, and whenever the window is idle ({@link BackgroundExecutor#whenIdle})
 * the {@link WindowInvariants} hold: every view shows the same model, cell and token.
 *
 * <p>Seeded: a failure names its seed and replays with {@code -Dgatescope.random.seed=N};
 * {@code -Dgatescope.random.actions=10000} runs longer (docs/testing.md).
 */
@ExtendWith(ApplicationExtension.class)
class RandomWindowTest {

    private static final long SEED = Long.getLong("gatescope.random.seed", 20261202L);
    private static final int ACTIONS = Integer.getInteger("gatescope.random.actions", 300);
    /** A long run says how far it is every this many actions. */
    private static final int PROGRESS_EVERY = 1000;
    /** How long one action may take to settle: a long text's trace, the saturation count. */
    private static final long SETTLE_SECONDS = 60;
    /** Waits for quiet pulses at most this often before checking: a view that never stops repainting fails. */
    private static final int MAX_SETTLE_ROUNDS = 20;
    /** The window sizes a class meets: a small laptop to a full-HD projector. */
    private static final int[][] SIZES = {{1024, 640}, {1280, 720}, {1366, 768}, {1400, 900}, {1600, 1000},
            {1920, 1080}};
    private static final String[] WORDS = {"the", "cat", "cats", "which", "already", "ate", "was", "were", "full",
            ",", ".", "dog", "keys", "to", "cabinet", "are", "is", "on", "table"};
    private static final String[] UNKNOWN = {"zyzzyva", "qwxp", "\u00E9t\u00E9", "\u4F60\u597D", "c\u0303",
            "42", "!!!", "ÅÆØ"};

    @TempDir
    Path folder;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final List<String> bugsLogged = new CopyOnWriteArrayList<>();
    private final Deque<String> recent = new ArrayDeque<>();
    /** Exceptions JavaFX catches and prints itself (its render thread does), seen on System.err. */
    private final List<String> printedExceptions = new CopyOnWriteArrayList<>();
    private java.io.PrintStream previousErr;
    private Thread.UncaughtExceptionHandler previousDefault;
    private Thread.UncaughtExceptionHandler previousFx;
    private final Handler logWatch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                bugsLogged.add(record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private BackgroundExecutor executor;
    private ExplorerViewModel explorer;
    private ExplorerView view;
    private WindowInvariants invariants;
    private Stage stage;
    private Random random;
    private List<Path> goodFiles;
    private List<Path> brokenFiles;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        // every thread: the workers, the file lane, the timer, the render thread
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(new IllegalStateException(
                "uncaught on " + thread.getName(), e)));
        // The FX thread has its own handler (JavaFX hands listeners' exceptions to it): replace it too.
        previousFx = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> uncaught.add(new IllegalStateException(
                "uncaught on the FX thread", e)));
        Logger.getLogger("org.gatescope").addHandler(logWatch);
        previousErr = System.err;
        System.setErr(new java.io.PrintStream(new ExceptionWatch(previousErr, printedExceptions), true));

        executor = new BackgroundExecutor();
        explorer = new ExplorerViewModel(executor, ModelCatalog.library(), new HeatmapExportService(), image -> { });
        GateScopeApp.show(stage, explorer);
        view = (ExplorerView) stage.getScene().getRoot();
        view.diagram().diagram().setAnimated(false); // the diagram settles at once
        invariants = new WindowInvariants(view, explorer);
        explorer.start();
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> {
            explorer.pause();
            closeOtherWindows();
            Thread.currentThread().setUncaughtExceptionHandler(previousFx);
        });
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        System.setErr(previousErr);
        Logger.getLogger("org.gatescope").removeHandler(logWatch);
        UiTestModels.releaseStage(robot, stage);
        executor.close();
    }

    @Test
    void everyViewShowsTheSameModelCellAndTokenThroughRandomActions() throws Exception {
        random = new Random(SEED);
        makeModelFiles();
        check("opening");
        long start = System.nanoTime();
        for (int i = 1; i <= ACTIONS; i++) {
            String action = act();
            remember(i + ": " + action);
            check("after action " + i + " (" + action + ")");
            if (i % PROGRESS_EVERY == 0 && i < ACTIONS) {
                System.out.printf(java.util.Locale.ROOT, "RandomWindowTest: %d of %d actions, %.1f s%n", i, ACTIONS,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "RandomWindowTest: %d actions, seed %d, %.1f s%n", ACTIONS, SEED,
                (System.nanoTime() - start) / 1e9);
    }

    private void makeModelFiles() throws IOException {
        goodFiles = new ArrayList<>();
        for (String name : List.of("gru", "rnn")) {
            Path file = folder.resolve("my " + name + ".safetensors");
            try {
                ModelFiles.write(file, ModelLibrary.load(name));
            } catch (org.gatescope.io.ModelFileException e) {
                throw new IOException(e);
            }
            goodFiles.add(file);
        }
        byte[] good = Files.readAllBytes(goodFiles.get(0));
        brokenFiles = List.of(
                UiTestModels.broken(folder),
                Files.write(folder.resolve("empty.safetensors"), new byte[0]),
                Files.write(folder.resolve("cut in half.safetensors"), java.util.Arrays.copyOf(good, good.length / 2)),
                Files.writeString(folder.resolve("notes.txt"), "not a model"),
                folder.resolve("no such file.safetensors"),
                folder);
    }

    /** Does one random action; returns what it did, for the replay log. */
    private String act() {
        int dice = random.nextInt(100);
        if (dice < 14) {
            return key(KeyCode.RIGHT);
        } else if (dice < 22) {
            return key(KeyCode.LEFT);
        } else if (dice < 25) {
            return key(KeyCode.HOME);
        } else if (dice < 28) {
            return key(KeyCode.END);
        } else if (dice < 33) {
            return key(KeyCode.SPACE);
        } else if (dice < 43) {
            KeyCode[] cells = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
            return key(cells[random.nextInt(cells.length)]);
        } else if (dice < 46) {
            return key(KeyCode.C);
        } else if (dice < 49) {
            return key(random.nextBoolean() ? KeyCode.UP : KeyCode.DOWN);
        } else if (dice < 60) {
            return type();
        } else if (dice < 66) {
            return delete();
        } else if (dice < 70) {
            String name = explorer.bundledModels().get(random.nextInt(explorer.bundledModels().size()));
            onFx(() -> explorer.openModel(name));
            return "File > Bundled models > " + name;
        } else if (dice < 73) {
            Path file = goodFiles.get(random.nextInt(goodFiles.size()));
            onFx(() -> explorer.openModel(file.toString()));
            return "Open model... " + file.getFileName();
        } else if (dice < 79) {
            Path file = brokenFiles.get(random.nextInt(brokenFiles.size()));
            onFx(() -> explorer.openModel(file.toString()));
            return "Open model... " + file.getFileName() + " (broken)";
        } else if (dice < 87) {
            int[] size = SIZES[random.nextInt(SIZES.length)];
            onFx(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            return "resize to " + size[0] + " x " + size[1];
        } else if (dice < 89) {
            onFx(() -> explorer.dismissError());
            return "dismiss the banner";
        } else if (dice < 90) {
            return teach();
        } else if (dice < 95) {
            return key(random.nextBoolean() ? KeyCode.R : KeyCode.A); // reach row, a<t> lines
        } else if (dice < 97) {
            return otherWindow("train", KeyCode.SHORTCUT, KeyCode.T);
        } else if (dice < 99) {
            return otherWindow("saturation", KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S);
        } else {
            return key(random.nextBoolean() ? KeyCode.PLUS : KeyCode.MINUS); // playback speed
        }
    }

    /** A Teach menu key: flip the number, shut the diagram unit's Γu here, memory from here, or clear the clamps. */
    private String teach() {
        int kind = random.nextInt(4);
        if (kind == 3) {
            onFx(() -> explorer.teaching().clearClamps());
            return "Teach > Clear clamps";
        }
        KeyCode[][] keys = {{KeyCode.SHORTCUT, KeyCode.D}, {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.K},
            {KeyCode.SHORTCUT, KeyCode.M}};
        onFx(() -> {
            view.requestFocus();
            press(keys[kind]);
        });
        return "Teach key " + java.util.Arrays.toString(keys[kind]);
    }

    /** A key pressed with the focus on the window, not in the sentence field. */
    private String key(KeyCode code) {
        onFx(() -> {
            view.requestFocus();
            press(code);
        });
        return "key " + code;
    }

    /**
     * Presses and releases keys at the focus owner, through the scene's dispatch chain (its key
     * filters and accelerators), as the keyboard would: on the FX thread, with no robot's waits.
     */
    private void press(KeyCode... keys) {
        boolean shortcut = List.of(keys).contains(KeyCode.SHORTCUT);
        boolean shift = List.of(keys).contains(KeyCode.SHIFT);
        KeyCode code = keys[keys.length - 1];
        javafx.scene.Node target = stage.getScene().getFocusOwner() != null ? stage.getScene().getFocusOwner() : view;
        for (javafx.event.EventType<KeyEvent> type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED)) {
            javafx.event.Event.fireEvent(target, new KeyEvent(type, "", "", code, shift, shortcut && !isMac(), false,
                    shortcut && isMac()));
        }
    }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
    }

    /** Types at a random place in the sentence: a word, unknown words, a long text, or Enter. */
    private String type() {
        TextField field = view.sentenceField();
        int kind = random.nextInt(10);
        String text;
        if (kind < 5) {
            text = " " + WORDS[random.nextInt(WORDS.length)];
        } else if (kind < 7) {
            text = " " + UNKNOWN[random.nextInt(UNKNOWN.length)];
        } else if (kind < 8) {
            text = " The cats, which already ate, were full.".repeat(1 + random.nextInt(60));
        } else {
            text = null;
        }
        onFx(() -> {
            field.requestFocus();
            if (text == null) {
                field.fireEvent(new javafx.event.ActionEvent()); // Enter: trace now
            } else {
                field.insertText(random.nextInt(field.getLength() + 1), text);
            }
        });
        return text == null ? "Enter in the sentence" : "type \"" + abbreviate(text) + "\"";
    }

    /** Deletes part of the sentence, or all of it. */
    private String delete() {
        TextField field = view.sentenceField();
        boolean all = random.nextInt(4) == 0;
        int[] range = new int[2];
        onFx(() -> {
            field.requestFocus();
            int length = field.getLength();
            range[0] = all ? 0 : random.nextInt(length + 1);
            range[1] = all ? length : Math.min(length, range[0] + 1 + random.nextInt(12));
            field.deleteText(range[0], range[1]);
        });
        return all ? "delete the whole sentence" : "delete characters " + range[0] + "-" + range[1];
    }

    /** Opens the train or saturation window by its shortcut, lets it settle, checks, closes it. */
    private String otherWindow(String name, KeyCode... shortcut) {
        onFx(() -> {
            view.requestFocus();
            press(shortcut);
        });
        awaitIdle();
        List<Window> others = new ArrayList<>();
        onFx(() -> others.addAll(Window.getWindows().stream().filter(w -> w != stage).toList()));
        if (others.isEmpty()) {
            fail(replay(name + " window did not open"));
        }
        onFx(this::closeOtherWindows);
        return "open and close the " + name + " window";
    }

    /** Runs {@code action} on the FX thread and waits for it alone (the idle wait follows in check). */
    private void onFx(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(SETTLE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(replay("the action failed on the FX thread: " + e), e);
        }
    }

    private void closeOtherWindows() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window != stage && window instanceof Stage other) {
                other.close();
            }
        }
    }

    /** Waits until the window is idle, then checks that nothing escaped and every invariant holds. */
    private void check(String when) throws Exception {
        List<String> problems = awaitIdle();
        if (!uncaught.isEmpty()) {
            Throwable first = uncaught.get(0);
            throw new AssertionError(replay(when + ": " + uncaught.size() + " uncaught exception(s), first " + first),
                    first);
        }
        if (!printedExceptions.isEmpty()) {
            fail(replay(when + ": JavaFX printed " + printedExceptions));
        }
        if (!bugsLogged.isEmpty()) {
            fail(replay(when + ": logged as a bug: " + bugsLogged));
        }
        if (!problems.isEmpty()) {
            fail(replay(when + ": " + String.join("; ", problems)));
        }
    }

    /**
     * The invariants' violations, read on the FX thread once the window is idle: no task pending
     * and the pulses quiet ({@link BackgroundExecutor#whenIdle}), and no canvas with a repaint
     * still queued (a layout in the last pulse may have resized one), unless playback is moving
     * the token on.
     */
    private List<String> awaitIdle() {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Platform.runLater(() -> whenSettled(result, 0));
        try {
            return result.get(SETTLE_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(replay("the window did not become idle within " + SETTLE_SECONDS
                    + " s (" + executor.pendingTasks() + " tasks pending)"), e);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(replay("the invariant check failed: " + e), e);
        }
    }

    private void whenSettled(CompletableFuture<List<String>> result, int rounds) {
        executor.whenIdle(() -> Platform.runLater(() -> { // between pulses: the last one's layout is done
            try {
                if (rounds < MAX_SETTLE_ROUNDS && !explorer.playingProperty().get() && repaintQueued(view)) {
                    whenSettled(result, rounds + 1);
                } else {
                    result.complete(invariants.violations());
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }));
    }

    private static boolean repaintQueued(javafx.scene.Parent root) {
        for (javafx.scene.Node node : root.getChildrenUnmodifiable()) {
            if (node instanceof org.gatescope.ui.canvas.CanvasRegion canvas && canvas.isRepaintPending()
                    || node instanceof javafx.scene.Parent parent && repaintQueued(parent)) {
                return true;
            }
        }
        return false;
    }

    private void remember(String action) {
        recent.addLast(action);
        if (recent.size() > 25) {
            recent.removeFirst();
        }
    }

    /** The failure's message: what broke, the seed that replays it, and the last actions. */
    private String replay(String problem) {
        return problem + "\n  replay with -Dgatescope.random.seed=" + SEED + " -Dgatescope.random.actions=" + ACTIONS
                + "\n  last actions:\n    " + String.join("\n    ", recent);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "... (" + text.length() + " chars)";
    }

    /**
     * Passes everything on to the real System.err and keeps the lines that start a stack trace
     * ("java.util.ConcurrentModificationException", "Exception in thread …"): JavaFX prints what
     * its render thread throws instead of handing it to an uncaught-exception handler.
     */
    private static final class ExceptionWatch extends java.io.OutputStream {

        private static final java.util.regex.Pattern STACK_TRACE_HEAD =
                java.util.regex.Pattern.compile("(Exception in thread .*|([a-z]\\w*\\.)+[A-Z]\\w*(Exception|Error)\\b.*)");

        /**
         * What Monocle's headless screen prints when a frame is uploaded while the window changes
         * size (the frame is dropped; the next one is whole): JavaFX's QueuedPixelSource and
         * UploadingPainter, not GateScope. See docs/testing.md.
         */
        private static final java.util.regex.Pattern HEADLESS_RESIZE = java.util.regex.Pattern.compile(
                "java\\.nio\\.BufferOverflowException|java\\.lang\\.IllegalArgumentException: Too small int buffer size .*");

        private final java.io.PrintStream out;
        private final List<String> seen;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        ExceptionWatch(java.io.PrintStream out, List<String> seen) {
            this.out = out;
            this.seen = seen;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            if (b == '\n') {
                String text = line.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
                if (STACK_TRACE_HEAD.matcher(text).matches() && !HEADLESS_RESIZE.matcher(text).matches()) {
                    seen.add(text);
                }
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
