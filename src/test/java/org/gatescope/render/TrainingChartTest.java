package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gatescope.render.TrainingChart.Curves;
import org.gatescope.render.TrainingChart.Point;
import org.junit.jupiter.api.Test;

/**
 * The training curves' PNG: fixed size, the same pixels for the same curves, each curve where the
 * axes say, and no failure on what a run can produce before and while it goes (nothing, one
 * point, NaN). Set {@code shot.trainingChart} to a PNG path to keep the chart of a realistic run.
 */
class TrainingChartTest {

    private static final String TITLE = "lstm, 16 hidden units, seed 1 \u2014 epoch 3/3";

    private static Curves curves(long totalSteps, List<Point> trainingLoss, List<Point> validationLoss,
                                 List<Point> validationAccuracy) {
        return new Curves(TITLE, "embedding 16 \u00b7 learning rate 0.01", totalSteps, trainingLoss,
                validationLoss, validationAccuracy);
    }

    /** Three epochs of 1,000 steps: the loss falls from about 4 to 1.2, agreement rises from chance to 1. */
    static Curves realisticRun() {
        Random noise = new Random(7);
        List<Point> training = new ArrayList<>();
        for (long step = 10; step <= 1000; step += 10) {
            double loss = 1.2 + 2.8 * Math.exp(-step / 180.0) + 0.08 * noise.nextGaussian();
            training.add(new Point(step, loss));
        }
        List<Point> validation = List.of(new Point(333, 1.78), new Point(666, 1.36), new Point(1000, 1.27));
        List<Point> accuracy = List.of(new Point(333, 0.58), new Point(666, 0.87), new Point(1000, 1.0));
        return curves(1000, training, validation, accuracy);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static boolean near(Color drawn, Color expected) {
        return Math.abs(drawn.getRed() - expected.getRed()) < 50 && Math.abs(drawn.getGreen() - expected.getGreen()) < 50
                && Math.abs(drawn.getBlue() - expected.getBlue()) < 50;
    }

    private static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    @Test
    void chartHasItsFixedSize() {
        BufferedImage image = TrainingChart.render(realisticRun());
        assertEquals(TrainingChart.WIDTH, image.getWidth());
        assertEquals(TrainingChart.HEIGHT, image.getHeight());
    }

    @Test
    void sameCurvesGiveSamePixelsAndOtherCurvesOthers() {
        assertArrayEquals(pixels(TrainingChart.render(realisticRun())), pixels(TrainingChart.render(realisticRun())));
        Curves shorter = curves(1000, realisticRun().trainingLoss().subList(0, 50), List.of(), List.of());
        assertFalse(java.util.Arrays.equals(pixels(TrainingChart.render(realisticRun())),
                pixels(TrainingChart.render(shorter))));
    }

    @Test
    void stepAxisSpansTheWholeRunFromItsStart() {
        Curves early = curves(1000, List.of(new Point(10, 4.0), new Point(50, 3.5)), List.of(), List.of());
        TrainingChart.Layout layout = TrainingChart.layout(early);
        assertEquals(1000, layout.lastStep());
        assertEquals(100, layout.stepTick());
        assertEquals(layout.plotX(), layout.x(0));
        assertEquals(layout.plotX() + layout.plotWidth(), layout.x(1000));
    }

    @Test
    void trainingLossIsDrawnWhereTheAxesSay() {
        Curves line = curves(1000, List.of(new Point(0, 4.0), new Point(1000, 1.0)), List.of(), List.of());
        TrainingChart.Layout layout = TrainingChart.layout(line);
        assertEquals(1.0, layout.lossLow());
        assertEquals(4.0, layout.lossHigh());
        BufferedImage image = TrainingChart.render(line);

        // Halfway along, the line is at loss 2.5: the middle of the plot.
        double x = layout.plotX() + layout.plotWidth() / 2.0;
        double y = layout.lossTop() + layout.lossHeight() / 2.0;
        assertEquals(x, layout.x(500), 1e-9);
        assertEquals(y, layout.lossY(2.5), 1e-9);
        assertTrue(near(at(image, x, y), TrainingChart.TRAINING), "training colour on the line: " + at(image, x, y));
        assertFalse(near(at(image, x, layout.lossY(3.5)), TrainingChart.TRAINING), "nothing drawn off the line");
    }

    @Test
    void validationAccuracyIsDrawnOnTheFixedZeroToOneAxis() {
        Curves accuracy = curves(1000, List.of(new Point(1000, 2.0)), List.of(),
                List.of(new Point(250, 0.6), new Point(750, 1.0)));
        TrainingChart.Layout layout = TrainingChart.layout(accuracy);
        assertEquals(layout.accuracyTop(), layout.accuracyY(1.0), 1e-9);
        assertEquals(layout.accuracyTop() + layout.accuracyHeight(), layout.accuracyY(0.0), 1e-9);
        BufferedImage image = TrainingChart.render(accuracy);

        Color midway = at(image, layout.x(500), layout.accuracyY(0.8));
        assertTrue(near(midway, TrainingChart.VALIDATION), "validation colour between the two points: " + midway);
        assertFalse(near(at(image, layout.x(500), layout.accuracyY(0.3)), TrainingChart.VALIDATION));
    }

    @Test
    void nothingYetDrawsEmptyPanelsWithoutThrowing() {
        Curves nothing = curves(0, List.of(), List.of(), List.of());
        assertTrue(nothing.isEmpty());
        BufferedImage image = TrainingChart.render(nothing);
        assertEquals(TrainingChart.WIDTH, image.getWidth());
        long inked = java.util.Arrays.stream(pixels(image)).filter(p -> (p & 0xFFFFFF) != 0xFFFFFF).count();
        assertTrue(inked > 1000, "title, frames and the message are drawn");
    }

    @Test
    void nonFiniteValuesAreSkipped() {
        Curves clean = curves(1000, List.of(new Point(0, 4.0), new Point(1000, 1.0)), List.of(new Point(500, 2.0)),
                List.of(new Point(500, 0.7)));
        Curves dirty = curves(1000,
                List.of(new Point(0, 4.0), new Point(300, Double.NaN), new Point(600, Double.POSITIVE_INFINITY),
                        new Point(1000, 1.0)),
                List.of(new Point(100, Double.NEGATIVE_INFINITY), new Point(500, 2.0)),
                List.of(new Point(500, 0.7), new Point(800, Double.NaN)));
        assertEquals(TrainingChart.layout(clean), TrainingChart.layout(dirty));
        assertArrayEquals(pixels(TrainingChart.render(clean)), pixels(TrainingChart.render(dirty)));
    }

    @Test
    void onlyNonFiniteValuesDrawLikeNothingYet() {
        Curves nothing = curves(1000, List.of(), List.of(), List.of());
        Curves nans = curves(1000, List.of(new Point(10, Double.NaN)), List.of(), List.of(new Point(10, Double.NaN)));
        assertArrayEquals(pixels(TrainingChart.render(nothing)), pixels(TrainingChart.render(nans)));
    }

    @Test
    void aSinglePointIsADotOnAUsableAxis() {
        Curves one = curves(1000, List.of(new Point(200, 3.7)), List.of(), List.of());
        TrainingChart.Layout layout = TrainingChart.layout(one);
        assertTrue(layout.lossLow() < 3.7 && 3.7 < layout.lossHigh(), "a flat range is widened: " + layout);
        BufferedImage image = TrainingChart.render(one);
        Color dot = at(image, layout.x(200), layout.lossY(3.7));
        assertTrue(near(dot, TrainingChart.TRAINING), "the lone point is drawn: " + dot);
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, TrainingChart.niceStep(0.6), 1e-12);
        assertEquals(0.05, TrainingChart.niceStep(0.03), 1e-12);
        assertEquals(100, TrainingChart.niceStep(100), 1e-9);
        assertEquals(200, TrainingChart.niceStep(101), 1e-9);
        assertEquals(500, TrainingChart.niceStep(250), 1e-9);
        assertEquals(10, TrainingChart.niceStep(7), 1e-9);
    }

    @Test
    void realisticRunIsWrittenAsAPng() throws Exception {
        BufferedImage image = TrainingChart.render(realisticRun());
        byte[] png = PngExport.toPng(image);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String shot = System.getProperty("shot.trainingChart");
        if (shot != null) {
            PngExport.write(image, Path.of(shot));
        }
    }

    @Test
    void heightIsTheSumOfItsPanelsAsBefore() {
        assertEquals(664, TrainingChart.HEIGHT);
    }
}
