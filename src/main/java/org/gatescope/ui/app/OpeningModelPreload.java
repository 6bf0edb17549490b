package org.gatescope.ui.app;

import org.gatescope.engine.Model;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.explorer.ModelSource;

/**
 * Reads the model the window opens on, and traces the lecture sentence with it, while JavaFX starts:
 * the toolkit and the window's controls keep the FX thread busy for a second or more, while reading
 * the bundled model (its header, its 7,330-word vocabulary, its tensors) and tracing the sentence need
 * no toolkit. Run on a second core, the trace is ready when the window opens ({@link #awaitOpening}),
 * so its first frame shows it instead of a frame without it followed by
 * one with it once a background request has read and traced; the model stays in
 * {@code ModelLibrary}'s once-per-run cache. A failure here is left for the window's own request to
 * report, as is a trace not ready in time (the window then asks for it as for any model). The English
 * lexicons are not read here: nothing in the opening frame uses them, and reading them (0.17 s of CPU)
 * took the second core from JavaFX's start; the window's search for the sentence's verbs reads them in
 * the background once the window is open, the Teach menu when it first opens (decision 0028).
 */
final class OpeningModelPreload {

    private static volatile CellViewModel.Prepared opening;
    private static volatile boolean started;
    /** Open once the trace is made, or the preload has given up. */
    private static final java.util.concurrent.CountDownLatch TRACED = new java.util.concurrent.CountDownLatch(1);

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
     * preload {@link #start() started} and still at work: it usually ends before JavaFX has started, and
     * the window would wait for the same read and trace anyway.
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
        } catch (Exception e) { // a model file problem or any other: not this thread's to show
            // the window's own request reads it again and shows the problem
        } finally {
            TRACED.countDown();
        }
    }
}
