package org.gatescope.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.gatescope.engine.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the house (docs/architecture.md), written down: the window's features talk to
 * each other only through the explorer's view models, view models hold state without touching
 * the scene graph, the cell diagram stands alone, and the engine's parts depend one way.
 */
class FeaturePackagesTest {

    private static final String UI = "org.gatescope.ui.";
    private static final String[] FEATURES = {UI + "timeline..", UI + "heatmap..", UI + "train..", UI + "saturation..",
        UI + "states..", UI + "probe..", UI + "reading..", UI + "counterfactual..", UI + "lesson..", UI + "session.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.gatescope");
    }

    @Test
    void viewModelsHoldStateWithoutTouchingTheSceneGraph() {
        noClasses().that().resideInAPackage("org.gatescope.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void viewsNeverTouchFiles() {
        noClasses().that().resideInAPackage("org.gatescope.ui..").and(are(not(viewModelOrModelCatalog())))
                .should().dependOnClassesThat().resideInAPackage("org.gatescope.io..")
                .because("files are read and written by view models and services, on the file lane")
                .check(classes);
    }

    @Test
    void featuresTalkToEachOtherOnlyThroughTheExplorer() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage(feature)
                    .should().dependOnClassesThat().resideInAnyPackage(others(feature))
                    .because("a feature reaches the others through the explorer's view models")
                    .check(classes);
        }
    }

    @Test
    void theExplorerKnowsNoFeatureBuiltOnIt() {
        noClasses().that().resideInAPackage(UI + "explorer..")
                .should().dependOnClassesThat().resideInAnyPackage(UI + "app..", UI + "timeline..", UI + "heatmap..",
                        UI + "train..", UI + "saturation..", UI + "states..", UI + "probe..", UI + "reading..",
                        UI + "analysis..", UI + "counterfactual..", UI + "lesson..", UI + "session..")
                .check(classes);
    }

    @Test
    void windowPackagesFormNoCycles() {
        slices().matching("org.gatescope.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCellDiagramStandsAlone() {
        noClasses().that().resideInAPackage(UI + "diagram..")
                .should().dependOnClassesThat().resideInAnyPackage(UI + "app..", UI + "task..", UI + "explorer..",
                        UI + "timeline..", UI + "heatmap..", UI + "train..", UI + "saturation..", "org.gatescope.io..",
                        "org.gatescope.cli..", "org.gatescope.text..")
                .check(classes);
    }

    @Test
    void threadsAndCanvasesAreSharedToolsThatKnowNoFeature() {
        noClasses().that().resideInAnyPackage(UI + "task..", UI + "canvas..")
                .should().dependOnClassesThat().resideInAnyPackage(UI + "app..", UI + "explorer..", UI + "timeline..",
                        UI + "heatmap..", UI + "train..", UI + "saturation..", UI + "diagram..")
                .check(classes);
    }

    @Test
    void theTaskExecutorIsTheOnlyDoorToThreads() {
        noClasses().that().resideInAPackage("org.gatescope.ui..").and().resideOutsideOfPackage(UI + "task..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .check(classes);
    }

    @Test
    void cellsKnowNothingOfTrainingOrAnalysis() {
        noClasses().that().resideInAPackage("org.gatescope.engine.cell..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatescope.engine.train..",
                        "org.gatescope.engine.analysis..", "org.gatescope.engine.intervention..")
                .because("a clamp reaches a cell through the GateOverride hook only")
                .check(classes);
        noClasses().that().resideInAPackage("org.gatescope.engine.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.gatescope.engine.train..")
                .check(classes);
    }

    @Test
    void onlyTheEngineReadsAModelsOwnWeights() {
        noClasses().that().resideOutsideOfPackage("org.gatescope.engine..")
                .should().callMethod(Model.class, "sharedWeights")
                .because("everyone else gets a copy, so a model never changes under a trace")
                .check(classes);
    }

    @Test
    void theEngineSubpackagesFormNoCycles() {
        slices().matching("org.gatescope.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheApplicationPackageStartsTheWindow() {
        classes().that().areAssignableTo("javafx.application.Application")
                .should().resideInAPackage(UI + "app")
                .check(classes);
    }

    /** View models and the model catalogue, with their nested and anonymous classes. */
    private static DescribedPredicate<JavaClass> viewModelOrModelCatalog() {
        return DescribedPredicate.describe("view models or the model catalogue", type -> {
            JavaClass top = type;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().endsWith("ViewModel") || top.getSimpleName().equals("ModelCatalog");
        });
    }

    private static String[] others(String feature) {
        return java.util.Arrays.stream(FEATURES).filter(f -> !f.equals(feature))
                .toArray(String[]::new);
    }
}
