package org.gatescope.ui.analysis;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gatescope.render.PngExport;
import org.gatescope.ui.task.TaskExecutor;

/** How the unit windows save their charts: a PNG chosen in a save dialog, drawn and written on the file lane. */
public final class PngFiles {

    private PngFiles() {
    }

    /** Asks where to save a PNG; null when the user cancels. */
    public static Path chooseTarget(Window owner, String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }

    /** Asks where to save a PNG and hands the chosen file to {@code export}; nothing when the user cancels. */
    public static void chooseAndExport(Window owner, String title, String suggestedName,
                                       java.util.function.Consumer<Path> export) {
        Path file = chooseTarget(owner, title, suggestedName);
        if (file != null) {
            export.accept(file);
        }
    }

    /**
     * Draws {@code image} and writes it to {@code file} away from the FX thread, completely or not at all;
     * then "Saved NAME" goes into {@code status}, or "Could not save NAME: " and the {@code reason} into
     * {@code error} (the view model words it: views and their helpers never reach into {@code io}).
     */
    public static void write(TaskExecutor executor, Callable<BufferedImage> image, Path file, StringProperty status,
                             StringProperty error, Function<Throwable, String> reason) {
        executor.files().submit(() -> {
            PngExport.write(image.call(), file);
            return file;
        }, written -> status.set("Saved " + written.getFileName()),
                failure -> error.set("Could not save " + file.getFileName() + ": " + reason.apply(failure)));
    }
}
