package org.hazefuse.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Layer rules of the GUI. On the sources: view models never see controls, layouts or windows; only the adapters in
 * {@code gui.adapters} (and the pair list in {@code gui.input}, which calls core's pairing) reach into core beyond the
 * method API and a few value types. On the classes (ArchUnit): the sub-packages form no cycle and never use the root
 * package, which only wires them ({@link ViewModels}, {@link MainWindow}, {@link HazeFuseApp}).
 */
class GuiArchitectureTest {
    private static final JavaClasses GUI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hazefuse.gui");

    private static final Path SOURCES = Path.of("src/main/java/org/hazefuse/gui");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Set<String> CORE_API = Set.of("org.hazefuse.method.", "org.hazefuse.image.",
            "org.hazefuse.io.BadInputException", "org.hazefuse.io.PairPaths", "org.hazefuse.io.OutputNames",
            "org.hazefuse.haze.DepthMode", "org.hazefuse.haze.HazeSettings", "org.hazefuse.service.FineTuning",
            "org.hazefuse.service.PreviewedRun", "org.hazefuse.service.ReducedPreview");

    @Test
    void viewModelsDoNotTouchControlsOrWindows() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            if (file.getFileName().toString().endsWith("ViewModel.java")) {
                for (String imported : imports(file)) {
                    if (imported.startsWith("javafx.scene.control") || imported.startsWith("javafx.scene.layout")
                            || imported.startsWith("javafx.stage")) {
                        offences.add(file.getFileName() + " imports " + imported);
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void onlyAdaptersReachBeyondTheMethodApi() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = SOURCES.relativize(file.getParent()).toString();
            if (pkg.equals("adapters") || pkg.equals("input")) {
                continue;
            }
            for (String imported : imports(file)) {
                if (imported.startsWith("org.hazefuse.") && !imported.startsWith("org.hazefuse.gui.")
                        && CORE_API.stream().noneMatch(imported::startsWith)) {
                    offences.add(file.getFileName() + " imports " + imported);
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void adaptersHaveNoJavaFx() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            if (file.getParent().endsWith("adapters")) {
                imports(file).stream().filter(i -> i.startsWith("javafx.")).forEach(i -> offences.add(file + " " + i));
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void guiPackagesHaveNoCycles() {
        slices().matching("org.hazefuse.gui.(*)..").should().beFreeOfCycles().check(GUI);
    }

    @Test
    void subPackagesDoNotUseTheRootPackageThatWiresThem() {
        noClasses().that().resideInAPackage("org.hazefuse.gui.*..")
                .should().dependOnClassesThat().resideInAPackage("org.hazefuse.gui")
                .because("the root package (ViewModels, MainWindow, HazeFuseApp) imports every sub-package")
                .check(GUI);
    }

    @Test
    void thereIsNoMainViewModelAnyMore() {
        assertThat(GUI.stream().map(JavaClass::getSimpleName)).doesNotContain("MainViewModel");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(files).hasSizeGreaterThan(30);
            return files;
        }
    }

    private static List<String> imports(Path file) throws IOException {
        Matcher m = IMPORT.matcher(Files.readString(file));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }
}
