/** GateScope: see how gated recurrent cells move information through a sentence. */
module org.gatescope {
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    requires transitive java.desktop;
    requires transitive javafx.controls;

    exports org.gatescope;
    exports org.gatescope.engine;
    exports org.gatescope.text;
    exports org.gatescope.io;
    exports org.gatescope.render;
    exports org.gatescope.cli;
    exports org.gatescope.ui;
}
