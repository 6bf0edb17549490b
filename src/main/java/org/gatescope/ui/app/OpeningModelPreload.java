package org.gatescope.ui.app;

import org.gatescope.engine.Model;
import org.gatescope.text.EnglishLexicon;
import org.gatescope.text.Lexicon;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.explorer.ModelSource;

/**
 * Reads the model the window opens on, and traces the lecture sentence with it, while JavaFX starts:
 * the toolkit and the window's controls keep the FX thread busy for a second or more, while reading
 * the bundled model (its header, its 7,330-word vocabulary, its tensors) and tracing the sentence need
 * no toolkit. Run on a second core, the trace is ready when the window
 * opens ({@link #awaitOpening}), so its first frame shows it instead of a frame without it followed by
 * one with it once a background request has read and traced; the model stays in
 * {@code ModelLibrary}'s once-per-run cache. A failure here is left for the window's own request to
 * report, as is a trace not ready in time (the window then asks for it as for any model). The English
 * lexicons follow once the whole window is laid out ({@link #windowLaidOut}).
 */
final class OpeningModelPreload {

    private static volatile CellViewModel.Prepared opening;
    private static volatile boolean started;
    /** Open once the trace is made, or the preload has given up. */
    private static final java.util.concurrent.CountDownLatch TRACED = new java.util.concurrent.CountDownLatch(1);
    /** Open once the whole window has been laid out: the lexicons are read then, not while it is being made. */
    private static final java.util.concurrent.CountDownLatch WINDOW_LAID_OUT = new java.util.concurrent.CountDownLatch(1);
    /** How long the lexicons wait for the window, at most (a window that never opens, a test). */
    private static final long LEXICONS_WAIT_SECONDS = 10;

    private OpeningModelPreload() {
    }

    /** Starts reading the {@link ModelCatalog#library() library}'s opening model on a daemon thread. */
    static void start() {
        started = true;
        Thread thread = new Thread(OpeningModelPreload::load, "gatescope-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The opening model's trace of the lecture sentence, or null; waiting at most {@code millis} for a
     * preload {@link #start() started} and still at work: it usually ends before JavaFX has started, and the window would wait for the same
     * read and trace anyway.
     */
    static CellViewModel.Prepared awaitOpening(long millis) {
        if (!started) {
            return null;
        }
        try {
            TRACED.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return opening;
    }

    /**
     * The whole window has been through its first layout: the preload reads the lexicons now, on the second
     * core while the render thread draws the window (before, they took that core from JavaFX's start and the
     * opening frame, ~0.1 s of its first frame). The Teach menu reads them when it first opens.
     */
    static void windowLaidOut() {
        WINDOW_LAID_OUT.countDown();
    }

    private static void load() {
        try {
            ModelCatalog library = ModelCatalog.library();
            ModelSource source = ExplorerViewModel.openingSource(library);
            if (source != null) { // the same read, and the same once-per-run cache, as the window's request
                Model model = library.load(source.key());
                StartupLog.mark("opening model read (preload)");
                opening = CellViewModel.prepare(source, model, Tokenizer.tokenize(ExplorerViewModel.LECTURE_SENTENCE));
                StartupLog.mark("lecture sentence traced (preload)");
            }
            TRACED.countDown();
            // the Teach menu's "flip the number of this token" reads the agreement lexicon made from it
            if (!WINDOW_LAID_OUT.await(LEXICONS_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                return; // no window: whoever needs them reads them
            }
            EnglishLexicon.bundled();
            Lexicon.MAIN_VERBS.size();
            StartupLog.mark("lexicons read (preload)");
        } catch (Exception e) { // a model file problem or any other: not this thread's to show
            // the window's own request reads it again and shows the problem
        } finally {
            TRACED.countDown();
        }
    }
}
