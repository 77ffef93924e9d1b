package org.hazefuse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layer rules of the library, checked on its compiled main classes: no GUI code, no package cycles, and every engine
 * start-up through the one gate ({@code runtime.Engines}), which applies the offline flag and the native tuning
 * before PyTorch loads.
 */
class CoreArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hazefuse");
    }

    @Test
    void neverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(core);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.hazefuse.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void onlyTheGateStartsTheEngine() {
        noClasses().that().doNotHaveFullyQualifiedName("org.hazefuse.runtime.Engines")
                .should().callMethod(Engine.class, "getInstance")
                .orShould().callMethod(Engine.class, "getEngine", String.class)
                .orShould().callMethod(NDManager.class, "newBaseManager")
                .orShould().callMethod(NDManager.class, "newBaseManager", ai.djl.Device.class)
                .orShould().callMethod(NDManager.class, "newBaseManager", ai.djl.Device.class, String.class)
                .because("the gate applies the offline flag and the native tuning before PyTorch loads")
                .check(core);
    }

    @Test
    void modelFamiliesDoNotKnowTheCatalogOrTheApplicationLayer() {
        noClasses().that().resideInAPackage("org.hazefuse.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hazefuse.catalog..", "org.hazefuse.service..")
                .check(core);
    }
}
