package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The shared pairing table ({@code pairing/cases.csv}) against core: {@link PairFinder#ofDropped}, which the GUI's
 * pair list calls, and {@link PairFinder#ofFiles} / {@link PairFinder#inFolder}, which {@code fuse} calls. The app's
 * {@code PairingTableGuiTest} holds a drop on the GUI to the same rows.
 */
class PairingTableTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/pairing/cases.csv", numLinesToSkip = 1)
    void dropsAndTheCommandLinePairAlike(String name, String files, String dropped, String pairs, String undecided,
                                         int problems, String cli) throws IOException {
        for (Path file : paths(files)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
        List<PairPaths> expected = list(pairs).stream().map(this::pair).toList();

        DroppedPairs drop = PairFinder.ofDropped(paths(dropped));
        assertThat(drop.pairs()).isEqualTo(expected);
        assertThat(drop.undecided()).isEqualTo(paths(undecided));
        assertThat(drop.problems()).hasSize(problems);

        List<Path> given = paths(dropped);
        switch (cli) {
            case "files" -> assertThat(PairFinder.ofFiles(expected.get(0).visible(), expected.get(0).infrared()).pairs())
                    .isEqualTo(expected);
            case "folder" -> {
                FoundPairs found = PairFinder.inFolder(given.get(0));
                assertThat(found.pairs()).isEqualTo(expected);
                assertThat(found.warnings()).hasSize(problems);
            }
            case "refused" -> assertThatThrownBy(() -> PairFinder.ofFiles(given.get(0), given.get(1)))
                    .isInstanceOf(BadInputException.class);
            default -> assertThat(cli).isEqualTo("-");
        }
    }

    private static List<String> list(String cell) {
        return cell == null ? List.of() : Stream.of(cell.split(";")).map(String::strip).toList();
    }

    private List<Path> paths(String cell) {
        return list(cell).stream().map(dir::resolve).toList();
    }

    /** {@code name:visible:infrared[:clear]}. */
    private PairPaths pair(String cell) {
        String[] p = cell.split(":");
        Optional<Path> clear = p.length > 3 ? Optional.of(dir.resolve(p[3])) : Optional.empty();
        return new PairPaths(p[0], dir.resolve(p[1]), dir.resolve(p[2]), clear);
    }
}
