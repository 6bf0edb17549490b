package org.gatescope.ui.diagram;

import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.DiagramLayout;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;

/**
 * Throwaway preview, not a test: renders the diagram of every cell kind into
 * /tmp/diagram_&lt;cell&gt;.png so a person can look at it. Run headless under Monocle or Xvfb:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * org.gatescope.ui.diagram.DiagramPreview [w=1100] [h=500] [step=1] [unit=3] [hover=nodeId] [suffix=_x] [textbook]};
 * {@code textbook} draws lstm and gru from assets/models/*_textbook.safetensors instead of random models.
 */
public final class DiagramPreview {

    static final List<String> CAT = List.of("the", "cat", ",", "which", "already", "ate", "...", ",", "was", "full", ".");

    private static boolean textbook;

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int width = Integer.parseInt(options.getOrDefault("w", "1100"));
        int height = Integer.parseInt(options.getOrDefault("h", "500"));
        int step = Integer.parseInt(options.getOrDefault("step", "1"));
        int unit = Integer.parseInt(options.getOrDefault("unit", "3"));
        String hover = options.get("hover");
        String suffix = options.getOrDefault("suffix", "");
        textbook = options.containsKey("textbook");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                render(CellKind.LSTM, null, "lstm", width, height, step, unit, hover, suffix);
                render(CellKind.PEEPHOLE_LSTM, null, "peephole_lstm", width, height, step, unit, hover, suffix);
                render(CellKind.GRU, GruReset.BEFORE, "gru", width, height, step, unit, hover, suffix);
                render(CellKind.GRU, GruReset.AFTER, "gru_after", width, height, step, unit, hover, suffix);
                render(CellKind.GRU_SIMPLE, null, "gru_simple", width, height, step, unit, hover, suffix);
                render(CellKind.RNN, null, "rnn", width, height, step, unit, hover, suffix);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }

    private static void render(CellKind cell, GruReset reset, String name, int width, int height, int step, int unit,
                               String hover, String suffix) throws Exception {
        Model model = TestModels.random(cell, reset == null ? GruReset.AFTER : reset, 16, 8, 16, 7);
        if (textbook && (name.equals("lstm") || name.equals("gru"))) {
            model = org.gatescope.io.ModelFiles.read(java.nio.file.Path.of("assets/models/" + name + "_textbook.safetensors"));
        }
        Trace trace = Tracer.trace(model, CAT);
        unit = Math.min(unit, trace.hidden() - 1);
        CellDiagramView view = new CellDiagramView();
        view.setAnimated(false);
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(view), width, height));
        stage.show();
        view.show(trace, step, unit);
        view.applyCss();
        view.layout();
        if (hover != null && !hover.isEmpty()) {
            DiagramLayout layout = new DiagramLayout(CellStructure.of(cell, reset), view.getWidth(), view.getHeight());
            try {
                DiagramLayout.Box box = layout.box(hover);
                view.hover(box.cx(), box.cy());
            } catch (IllegalArgumentException ignored) {
                // this cell has no such node
            }
        }
        view.paintNow();
        WritableImage image = view.getScene().getRoot().snapshot(null, null);
        write(image, new File("/tmp/diagram_" + name + suffix + ".png"));
        stage.close();
    }

    static void write(WritableImage image, File file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file);
    }
}
