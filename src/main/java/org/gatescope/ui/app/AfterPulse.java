package org.gatescope.ui.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs something on the FX thread once a scene has been through its next pulse. */
final class AfterPulse {

    private AfterPulse() {
    }

    /**
     * Calls {@code action} on the FX thread after {@code scene}'s next pulse: laid out, painted and handed
     * to the render thread, which draws that frame while {@code action} runs. Call on the FX thread.
     */
    static void next(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the pulse, not inside it: the frame is handed over at the pulse's end
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
