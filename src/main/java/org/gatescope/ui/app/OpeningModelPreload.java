package org.gatescope.ui.app;

import org.gatescope.text.EnglishLexicon;
import org.gatescope.text.Lexicon;
import org.gatescope.ui.explorer.ModelCatalog;

/**
 * Reads the model the window opens on while JavaFX starts: the toolkit and the window's
 * controls keep the FX thread busy for most of a second, while reading the bundled model (its header,
 * its 7,330-word vocabulary, its tensors) and the lexicons needs no toolkit. Run on a second
 * core, they are ready when the window asks for the model, which then comes from
 * {@code ModelLibrary}'s once-per-run cache; a failure here is left for that request to report.
 */
final class OpeningModelPreload {

    private OpeningModelPreload() {
    }

    /** Starts reading the {@link ModelCatalog#library() library}'s opening model on a daemon thread. */
    static void start() {
        Thread thread = new Thread(OpeningModelPreload::load, "gatescope-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            ModelCatalog library = ModelCatalog.library();
            String opening = library.opening();
            if (opening != null) { // the same read, and the same once-per-run cache, as the window's request
                library.load(opening);
                StartupLog.mark("opening model read (preload)");
            }
            // the verbs of the sentence's prediction are looked up in it once the trace is shown, and the
            // Teach menu's "flip the subject's number" reads the agreement lexicon made from it
            EnglishLexicon.bundled();
            Lexicon.MAIN_VERBS.size();
            StartupLog.mark("lexicons read (preload)");
        } catch (Exception e) { // a model file problem or any other: not this thread's to show
            // the window's own request reads it again and shows the problem
        }
    }
}
