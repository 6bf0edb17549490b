package org.gatescope.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JavaFX text is laid out on the FX thread only (issue 10): the code that runs on the workers
 * (the task executor's lanes and what they call: render, the engine, text, io) touches no
 * JavaFX scene, text or font, and the one measuring cache of the canvases is the only place
 * outside a view that makes a JavaFX {@code Text}; it refuses any thread but the FX thread.
 */
class TextOnTheFxThreadTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.gatescope");
    }

    @Test
    void workOffTheFxThreadTouchesNoJavaFxSceneOrText() {
        noClasses().that().resideInAnyPackage("org.gatescope.ui.task..", "org.gatescope.render..",
                        "org.gatescope.engine..", "org.gatescope.text..", "org.gatescope.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("their code runs on worker threads, and JavaFX text and nodes are not thread-safe")
                .check(classes);
    }

    @Test
    void onlyViewsAndTheCanvasesMeasuringCacheMakeJavaFxText() {
        noClasses().that().resideInAPackage("org.gatescope..").and().areNotAssignableTo(javafx.scene.Node.class)
                .and().doNotHaveFullyQualifiedName("org.gatescope.ui.canvas.TextWidths")
                .and().resideOutsideOfPackage("org.gatescope.ui.app..") // the help dialogs, built on the FX thread
                .should().callConstructorWhere(target(owner(type(javafx.scene.text.Text.class))))
                .because("a JavaFX Text is laid out where it is made: in a view, on the FX thread")
                .check(classes);
    }
}
