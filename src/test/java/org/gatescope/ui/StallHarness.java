package org.gatescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.gatescope.engine.Trace;
import org.gatescope.ui.app.ExplorerView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenViewport;

/**
 * Measures how long the FX thread stalls while a long text is pasted, traced and shown, and
 * while the timeline and heatmaps are scrolled through it: an {@link AnimationTimer} notes
 * the wall-clock time of every frame, and the longest gap between two frames is the longest
 * time the window could not respond. Driven from a thread other than the FX thread.
 */
public final class StallHarness {

    /** What was measured. */
    public record Result(int tokens, double loadStallMs, double loadBusyMs, long loadMillis, double scrollStallMs,
                  double scrollBusyMs, int scrollFrames, double scrollSeconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d tokens: longest gap between frames while pasting and tracing "
                    + "%.1f ms (FX thread busy at most %.1f ms of it; text shown after %,d ms); while scrolling "
                    + "%.1f ms (busy %.1f ms; %d frames in %.1f s, %.0f fps)",
                    tokens, loadStallMs, loadBusyMs, loadMillis, scrollStallMs, scrollBusyMs, scrollFrames,
                    scrollSeconds, scrollFrames / scrollSeconds);
        }
    }

    /**
     * Frame gaps since {@link #reset}: the longest in wall-clock time, and the most CPU time the FX
     * thread itself spent between two frames (the part that is ours, not a busy machine's).
     */
    public static final class FrameMeter extends AnimationTimer {
        private final CpuClock cpuClock = new CpuClock();
        private long last = -1;
        private long lastCpu;
        private long longest;
        private long busiest;
        private int frames;

        @Override
        public void handle(long now) {
            long time = System.nanoTime();
            long cpu = cpuClock.now();
            if (last >= 0) {
                longest = Math.max(longest, time - last);
                busiest = Math.max(busiest, cpu - lastCpu);
            }
            last = time;
            lastCpu = cpu;
            frames++;
        }

        public void reset() {
            last = -1;
            longest = 0;
            busiest = 0;
            frames = 0;
        }

        public double longestMillis() {
            return longest / 1e6;
        }

        public double busiestMillis() {
            return busiest / 1e6;
        }
    }

    private StallHarness() {
    }

    /**
     * The calling thread's CPU time, from java.management's ThreadMXBean. Reached reflectively: the
     * tests compile inside the application's module, which has no reason to read java.management.
     */
    public static final class CpuClock {
        private final Object bean;
        private final java.lang.reflect.Method cpuTime;

        CpuClock() {
            try {
                bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                        .invoke(null);
                cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no thread CPU clock", e);
            }
        }

        public long now() {
            try {
                return (Long) cpuTime.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code count} words of the vocabulary in a random order with punctuation, as a pasted text. */
    public static String text(List<String> vocabulary, int count, long seed) {
        List<String> words = new ArrayList<>();
        for (String token : vocabulary) {
            if (!token.startsWith("<")) {
                words.add(token);
            }
        }
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        return text.toString();
    }

    /**
     * Pastes {@code text} into the sentence field, waits until it is traced and drawn, then
     * scrolls the token axis across it for {@code scrollSeconds}, stepping now and then.
     */
    public static Result run(ExplorerView view, ExplorerViewModel explorer, String text, int expectedTokens,
                      double scrollSeconds) throws Exception {
        FrameMeter meter = new FrameMeter();
        fx(() -> {
            meter.start();
            return null;
        });
        Thread.sleep(600);
        fx(() -> {
            meter.reset();
            return null;
        });

        long start = System.nanoTime();
        fx(() -> {
            view.sentenceField().replaceText(0, view.sentenceField().getLength(), text); // as a paste does
            return null;
        });
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Trace trace = fx(() -> explorer.primary().getTrace());
            if (trace != null && trace.length() == expectedTokens) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the text was not traced within two minutes");
            }
            Thread.sleep(10);
        }
        long shown = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(700); // the first paints of the long text
        double loadStall = fx(meter::longestMillis);
        double loadBusy = fx(meter::busiestMillis);

        fx(() -> {
            meter.reset();
            return null;
        });
        CountDownLatch done = new CountDownLatch(1);
        long scrollNanos = (long) (scrollSeconds * 1e9);
        fx(() -> {
            new AnimationTimer() {
                private long began = -1;
                private int frame;

                @Override
                public void handle(long now) {
                    if (began < 0) {
                        began = now;
                    }
                    frame++;
                    TokenViewport axis = view.mainAxis();
                    axis.scrollBy(frame % 200 < 100 ? 90 : 150);
                    if (frame % 45 == 0) {
                        explorer.jumpTo(axis.firstVisible() + 5); // a click in the heatmap
                    }
                    if (frame % 120 == 0) {
                        axis.zoom(frame % 240 == 0 ? 2.5 : 0.4, 200); // Ctrl + wheel
                    }
                    if (now - began > scrollNanos) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scrolling did not finish");
        }
        double scrollStall = fx(meter::longestMillis);
        double scrollBusy = fx(meter::busiestMillis);
        int frames = fx(() -> meter.frames);
        fx(() -> {
            meter.stop();
            return null;
        });
        return new Result(expectedTokens, loadStall, loadBusy, shown, scrollStall, scrollBusy, frames, scrollSeconds);
    }

    /** Runs {@code action} on the FX thread and waits for its value. */
    public static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
