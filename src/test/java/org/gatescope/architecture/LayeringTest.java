package org.gatescope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of docs/architecture.md, written down: ui → render → engine ← io, cli; the engine knows no GUI. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Not Predefined.DO_NOT_INCLUDE_TESTS: it expects test classes under target/, and builds may
        // use another output folder (-Dgatescope.buildDir).
        ImportOption mainClassesOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(mainClassesOnly).importPackages("org.gatescope");
    }

    @Test
    void engineUsesNoGuiToolkit() {
        noClasses().that().resideInAPackage("org.gatescope.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                        "javax.imageio..")
                .check(classes);
    }

    @Test
    void engineAndTextKnowNothingOfFilesCommandsOrViews() {
        noClasses().that().resideInAnyPackage("org.gatescope.engine..", "org.gatescope.text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatescope.io..", "org.gatescope.cli..",
                        "org.gatescope.ui..", "org.gatescope.render..")
                .check(classes);
    }

    @Test
    void renderIsSharedByWindowAndCommandLineSoItUsesNoJavaFx() {
        noClasses().that().resideInAPackage("org.gatescope.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.gatescope.ui..",
                        "org.gatescope.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void headlessCommandsNeverTouchJavaFx() {
        noClasses().that().resideInAPackage("org.gatescope.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.gatescope.ui..")
                .check(classes);
    }

    @Test
    void sessionsAndLessonsAreDataThatKnowNoFilesOrViews() {
        noClasses().that().resideInAPackage("org.gatescope.state..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "org.gatescope.io..",
                        "org.gatescope.ui..", "org.gatescope.cli..", "org.gatescope.render..")
                .because("io reads and writes them and ui applies them: both depend on state, never the reverse")
                .check(classes);
    }

    @Test
    void ioDoesNotDependOnViews() {
        noClasses().that().resideInAPackage("org.gatescope.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.gatescope.ui..",
                        "org.gatescope.cli..")
                .check(classes);
    }
}
