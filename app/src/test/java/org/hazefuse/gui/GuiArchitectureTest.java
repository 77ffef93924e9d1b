package org.hazefuse.gui;

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
import org.junit.jupiter.api.Test;

/**
 * Layer rules of the GUI, checked on the sources: view models never see controls, layouts or windows; only the
 * adapters in {@code gui.core} (and the pairing rules in {@code gui.input}) reach into core beyond the method API.
 */
class GuiArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/hazefuse/gui");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Set<String> CORE_API = Set.of("org.hazefuse.method.", "org.hazefuse.image.",
            "org.hazefuse.io.BadInputException", "org.hazefuse.haze.DepthMode");

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
            if (pkg.equals("core") || pkg.equals("input")) {
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
            if (file.getParent().endsWith("core")) {
                imports(file).stream().filter(i -> i.startsWith("javafx.")).forEach(i -> offences.add(file + " " + i));
            }
        }
        assertThat(offences).isEmpty();
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
