package org.hazefuse.gui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.hazefuse.gui.ViewModels;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ExportViewModelTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private ExportViewModel export;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        export = vm.export();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    private InputPair load() {
        InputPair pair = TestPairs.msrs(dir.resolve("in"));
        vm.pairList().addFiles(List.of(pair.visible(), pair.infrared()));
        return pair;
    }

    @Test
    void exportWritesTheThreeOutputsAsPngOfTheInputSize() throws IOException {
        load();
        Path out = dir.resolve("out");
        assertThat(export.exportCurrentTo(out)).isTrue();

        for (String suffix : List.of("_dehazed.png", "_density.png", "_fused.png")) {
            BufferedImage img = ImageIO.read(out.resolve("00001D" + suffix).toFile());
            assertThat(img).as(suffix).isNotNull();
            assertThat(img.getWidth()).isEqualTo(128);
            assertThat(img.getColorModel().getComponentSize(0)).isEqualTo(8);
        }
        assertThat(ImageIO.read(out.resolve("00001D_density.png").toFile()).getColorModel().getNumComponents())
                .isEqualTo(1);
        assertThat(ImageIO.read(out.resolve("00001D_density_color.png").toFile()).getColorModel().getNumComponents())
                .isEqualTo(3);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(t.dialogs.errors).isEmpty();
    }

    @Test
    void sixteenBitExportKeepsSixteenBitsAndTheHazyInput() throws IOException {
        load();
        vm.haze().enabledProperty().set(true);
        export.sixteenBitProperty().set(true);
        Path out = dir.resolve("out16");
        export.exportCurrentTo(out);

        BufferedImage fused = ImageIO.read(out.resolve("00001D_fused.png").toFile());
        assertThat(fused.getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(out.resolve("00001D_hazy.png")).exists();
    }

    @Test
    void existingOutputsAreReplacedOnlyWhenTheUserAgrees() throws IOException {
        load();
        Path out = dir.resolve("out");
        export.exportCurrentTo(out);
        Path fused = out.resolve("00001D_fused.png");
        FileTime old = FileTime.fromMillis(1000);
        Files.setLastModifiedTime(fused, old);

        t.dialogs.confirmAnswer = false;
        assertThat(export.exportCurrentTo(out)).isFalse();
        assertThat(t.dialogs.questions).singleElement().extracting(q -> q.text()).asString().contains("4 files");
        assertThat(Files.getLastModifiedTime(fused)).isEqualTo(old);

        t.dialogs.confirmAnswer = true;
        assertThat(export.exportCurrentTo(out)).isTrue();
        assertThat(Files.getLastModifiedTime(fused)).isNotEqualTo(old);
    }

    @Test
    void inputsAreNeverOverwritten() {
        Path input = dir.resolve("x/a_fused.png");
        assertThat(ExportPlan.clashesWithInputs(ExportPlan.names(dir.resolve("x"), "a", false),
                Set.of(dir.resolve("x/../x/a_fused.png")))).containsExactly(input);
    }

    @Test
    void batchExportRunsEveryPairAndWritesMetricsCsv() throws IOException {
        TestPairs.msrs(dir.resolve("set"));
        TestPairs.roadscene(dir.resolve("set"));
        vm.pairList().addFiles(List.of(dir.resolve("set")));
        Path out = dir.resolve("batch");

        assertThat(export.exportAllTo(out)).isTrue();

        assertThat(out.resolve("00001D_fused.png")).exists();
        assertThat(out.resolve("FLIR_00006_density.png")).exists();
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("pair,mean density");
        assertThat(csv.get(2)).startsWith("FLIR_00006,0.");
        assertThat(export.batchRunningProperty().get()).isFalse();
        assertThat(export.batchProgressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void metricsOfTheCurrentPairGoToCsv() throws IOException {
        load();
        Path csv = dir.resolve("m/current.csv");
        Files.createDirectories(csv.getParent());
        assertThat(export.exportMetricsTo(csv)).isTrue();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("pair,mean density");
        assertThat(lines.get(1)).startsWith("00001D,0.");
    }
}
