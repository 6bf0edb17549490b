package org.gatescope.ui.export;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.gatescope.engine.Trace;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.export.SlideExport;
import org.gatescope.render.export.SlideExportException;
import org.gatescope.render.export.SlideFormat;
import org.gatescope.render.export.SlideRequest;
import org.gatescope.render.export.SlideView;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * The window's "Export for slides": what to draw (view, format, scale, GIF speed) and, from the explorer,
 * the state it is drawn in — the main cell's trace, the current token, the unit in the diagram, the units
 * on the timeline. It hands a {@link SlideRequest} to {@link SlideExport}, the command line's {@code export}
 * service: the same state gives the same file. Files are made and written on the file lane, completely or
 * not at all; a problem becomes the window's one-line error.
 */
public final class SlideExportViewModel {

    private final ExplorerViewModel explorer;
    private final ObjectProperty<SlideView> view = new SimpleObjectProperty<>(this, "view", SlideView.DIAGRAM);
    private final ObjectProperty<SlideFormat> format = new SimpleObjectProperty<>(this, "format", SlideFormat.SVG);
    private final IntegerProperty scale = new SimpleIntegerProperty(this, "scale", 2);
    private final IntegerProperty delay = new SimpleIntegerProperty(this, "delay", SlideRequest.DEFAULT_DELAY);

    public SlideExportViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
    }

    public ObjectProperty<SlideView> viewProperty() {
        return view;
    }

    public ObjectProperty<SlideFormat> formatProperty() {
        return format;
    }

    /** 1, 2 or 3: pixels per px of a PNG or GIF. */
    public IntegerProperty scaleProperty() {
        return scale;
    }

    /** A GIF frame's time in ms. */
    public IntegerProperty delayProperty() {
        return delay;
    }

    /** What would be exported now, or null when nothing is traced. */
    public SlideRequest request() {
        CellViewModel cell = explorer.primary();
        Trace trace = cell.getTrace();
        if (trace == null) {
            return null;
        }
        int step = Math.max(0, Math.min(explorer.getStep(), trace.length() - 1));
        int unit = Math.max(0, Math.min(cell.getPrimaryUnit(), trace.hidden() - 1));
        List<Integer> units = cell.selectedUnits().stream().filter(u -> u >= 0 && u < trace.hidden()).toList();
        return new SlideRequest(trace, ChartTitle.modelName(cell.modelNameProperty().get()), view.get(), format.get(),
                step, scale.get(), unit, units, delay.get());
    }

    /** The file name the save dialog suggests, e.g. "gatescope-diagram-step6@2x.png". */
    public String suggestedName() {
        SlideRequest request = request();
        return request == null ? "gatescope." + format.get().id() : SlideExport.suggestedName(request);
    }

    /** Writes the export to {@code target} on the file lane; "Saved …" or the reason in the window. */
    public void export(Path target) {
        SlideRequest request = request();
        if (request == null || target == null) {
            explorer.showError("Nothing to export: type a sentence first");
            return;
        }
        try {
            request.validated();
        } catch (SlideExportException e) {
            explorer.showError("Cannot export: " + e.getMessage());
            return;
        }
        explorer.showStatus("Saving " + target.getFileName() + " \u2026");
        explorer.executor().files().submit(() -> {
            SlideExport.write(request, target);
            return target;
        }, written -> explorer.showStatus("Saved " + written.getFileName() + " to " + written.toAbsolutePath().getParent()),
                failure -> {
                    explorer.showStatus("");
                    explorer.showError("Cannot save " + target + ": " + reason(failure));
                });
    }

    /** Draws the chosen view at the current token (as a PNG would be) and puts it on the clipboard. */
    public void copyImage() {
        SlideRequest request = request();
        if (request == null) {
            explorer.showError("Nothing to copy: type a sentence first");
            return;
        }
        SlideRequest png = new SlideRequest(request.trace(), request.modelName(), request.view(), SlideFormat.PNG,
                request.step(), request.scale(), request.unit(), request.units(), request.delayMillis());
        explorer.executor().submit(() -> SlideExport.image(png),
                image -> {
                    explorer.clipboard().put(image);
                    explorer.showStatus("Copied the " + png.view().id() + " (" + image.getWidth() + "\u00D7"
                            + image.getHeight() + " px) to the clipboard");
                },
                failure -> explorer.showError("Cannot copy the image: " + reason(failure)));
    }

    /** One line for the user: the export's own message, or the file system's reason. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof OutOfMemoryError) {
            return "not enough memory; export a smaller scale or a shorter text";
        }
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
