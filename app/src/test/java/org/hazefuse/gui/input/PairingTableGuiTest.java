package org.hazefuse.gui.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.task.CurrentThreadTaskExecutor;
import org.hazefuse.gui.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Core's pairing table ({@code core-model/src/test/resources/pairing/cases.csv}, which core's
 * {@code PairingTableTest} holds {@code fuse}'s pairing to) dropped on the GUI's pair list: the list shows the
 * same pairs, asks about the same undecided files and reports the same number of problems.
 */
class PairingTableGuiTest {
    private final TestServices services = new TestServices();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        services.cleanUp();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../core-model/src/test/resources/pairing/cases.csv", numLinesToSkip = 1)
    void aDropListsTheTablesPairs(String name, String files, String dropped, String pairs, String undecided,
                                  int problems, String cli) throws IOException {
        for (String file : cells(files)) {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        PairListViewModel list = new PairListViewModel(new CurrentThreadTaskExecutor(), services.dialogs,
                new AppSettings(services.prefs));

        list.addFiles(cells(dropped).stream().map(dir::resolve).toList());

        assertThat(list.pairs()).containsExactlyElementsOf(cells(pairs).stream().map(this::inputPair).toList());
        assertThat(services.dialogs.chooseInfraredCalls).isEqualTo(cells(undecided).isEmpty() ? 0 : 1);
        if (problems > 0) {
            assertThat(services.dialogs.errors).singleElement()
                    .satisfies(m -> assertThat(m.text().lines()).hasSize(problems));
        } else {
            assertThat(services.dialogs.errors).isEmpty();
        }
    }

    private static List<String> cells(String cell) {
        return cell == null ? List.of() : Stream.of(cell.split(";")).map(String::strip).toList();
    }

    /** {@code name:visible:infrared[:clear]}. */
    private InputPair inputPair(String cell) {
        String[] p = cell.split(":");
        return new InputPair(p[0], dir.resolve(p[1]), dir.resolve(p[2]),
                p.length > 3 ? Optional.of(dir.resolve(p[3])) : Optional.empty());
    }
}
