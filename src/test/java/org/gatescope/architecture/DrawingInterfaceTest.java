package org.gatescope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decision 0019 written down: the drawing interface knows nothing of what is drawn, the painters
 * nothing of files or slides, and only the window's canvas package draws with JavaFX.
 */
class DrawingInterfaceTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        ImportOption mainClassesOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(mainClassesOnly).importPackages("org.gatescope");
    }

    @Test
    void theDrawingInterfaceKnowsNothingItDraws() {
        noClasses().that().resideInAPackage("org.gatescope.render.draw..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatescope.engine..", "org.gatescope.io..",
                        "org.gatescope.text..", "org.gatescope.render.diagram..", "org.gatescope.render.timeline..",
                        "org.gatescope.render.export..", "javafx..")
                .check(classes);
    }

    @Test
    void thePaintersKnowNoFilesAndNoSlides() {
        noClasses().that().resideInAnyPackage("org.gatescope.render.diagram..", "org.gatescope.render.timeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatescope.io..",
                        "org.gatescope.render.export..", "java.awt.image..", "javax.imageio..")
                .check(classes);
    }

    @Test
    void onlyTheCanvasPackageAdaptsThePainterToJavaFx() {
        noClasses().that().resideInAPackage("org.gatescope.ui..").and().resideOutsideOfPackage("org.gatescope.ui.canvas..")
                .should().implement(org.gatescope.render.draw.Painter.class)
                .because("a view hands its GraphicsContext to ui.canvas.FxPainter: one JavaFX back end")
                .check(classes);
    }
}
