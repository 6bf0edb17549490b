/** GateScope: see how gated recurrent cells move information through a sentence. */
module org.gatescope {
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    requires transitive java.desktop;
    requires transitive javafx.controls;
    requires java.logging;
    requires io.jhdf;
    // the register-tiled products (decision 0025); optional: without it the other kernels run
    requires static jdk.incubator.vector;

    exports org.gatescope;
    exports org.gatescope.engine;
    exports org.gatescope.engine.analysis;
    exports org.gatescope.engine.cell;
    exports org.gatescope.engine.intervention;
    exports org.gatescope.engine.train;
    exports org.gatescope.text;
    exports org.gatescope.io;
    exports org.gatescope.render;
    exports org.gatescope.render.draw;
    exports org.gatescope.render.diagram;
    exports org.gatescope.render.timeline;
    exports org.gatescope.render.export;
    exports org.gatescope.cli;
    // JavaFX starts the Application subclass reflectively; the window's packages stay internal.
    exports org.gatescope.ui.app to javafx.graphics;
}
