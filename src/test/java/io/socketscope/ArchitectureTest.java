package io.socketscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the walls standing, read from the compiled classes (ArchUnit): data flows one way (server → model →
 * ui, with layout beside the ui and app on top), no package cycle, and the server, the model and the layout
 * never touch JavaFX (nor does machine, this host's sockets read through OSHI), so each is testable alone.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.socketscope");

    @Test
    void serverModelAndLayoutUseNoJavaFx() {
        noClasses().that().resideInAnyPackage("io.socketscope.server..", "io.socketscope.model..",
                        "io.socketscope.layout..", "io.socketscope.machine..", "io.socketscope.session..", "io.socketscope.learn..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(MAIN);
    }

    @Test
    void dataFlowsOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("io.socketscope.app..")
                .layer("ui").definedBy("io.socketscope.ui..")
                .layer("layout").definedBy("io.socketscope.layout..")
                .layer("model").definedBy("io.socketscope.model..")
                .layer("learn").definedBy("io.socketscope.learn..")
                .layer("session").definedBy("io.socketscope.session..")
                .layer("machine").definedBy("io.socketscope.machine..")
                .layer("server").definedBy("io.socketscope.server..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("layout").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("learn").mayOnlyBeAccessedByLayers("ui", "app")
                .whereLayer("session").mayOnlyBeAccessedByLayers("ui", "app")
                .whereLayer("model").mayOnlyBeAccessedByLayers("learn", "session", "ui", "app")
                .whereLayer("machine").mayOnlyBeAccessedByLayers("ui", "app")
                .whereLayer("server").mayOnlyBeAccessedByLayers("model", "machine", "learn", "session", "ui", "app")
                .check(MAIN);
    }

    /** The window's features, each a package of its own under {@code ui}. */
    private static final List<String> FEATURES = List.of("graph", "sockets", "machine", "learn", "session");

    @Test
    void theWindowsPackagesHaveNoCycles() {
        slices().matching("io.socketscope.ui.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void featuresTalkThroughTheViewModelNotToEachOther() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> "io.socketscope.ui." + f + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.socketscope.ui." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a feature reaches another only through the view model and the model")
                    .check(MAIN);
        }
    }

    @Test
    void onlyTheWindowsShellPutsTheFeaturesTogether() {
        // The shell (io.socketscope.ui itself: the main window and view, the ports bar, the connect panel,
        // presenter mode) uses the features; no feature and not the view model uses the shell.
        noClasses().that().resideInAPackage("io.socketscope.ui.*..")
                .should().dependOnClassesThat().resideInAPackage("io.socketscope.ui")
                .check(MAIN);
        String[] features = FEATURES.stream().map(f -> "io.socketscope.ui." + f + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.socketscope.ui.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage(features)
                .because("the view model knows the model and the server, not how they are drawn")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.socketscope.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
