package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hazefuse.gui.adapters.CatalogMethodProvider;
import org.hazefuse.gui.adapters.CorePublishedWeights;
import org.hazefuse.gui.inference.MethodKind;
import org.hazefuse.gui.inference.MethodProvider;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.prefs.Setting;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The model list of issue 13 on the view models (no window): trained models first, never an untrained default,
 * an untrained model restored only when the user chose it, and earlier imported published weights listed first.
 */
class ModelChoiceTest {
    /** A catalog in the core's order, with the untrained configuration first and preferred (the old trap). */
    static final Map<String, MethodKind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("paper", MethodKind.UNTRAINED_NETWORK);
        KINDS.put("lite", MethodKind.TRAINED_NETWORK);
        KINDS.put("tiny", MethodKind.UNTRAINED_NETWORK);
        KINDS.put("dcp+gff", MethodKind.BASELINE);
        KINDS.put("none+max", MethodKind.BASELINE);
    }

    private final TestServices t = new TestServices();
    private ViewModels vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() {
        t.methods = provider(t, KINDS);
        t.published = new CorePublishedWeights(dir.resolve("home").resolve("weights"));
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    /** The fake method under every name, with the given kinds; prefers the first name, as the old default did. */
    static MethodProvider provider(TestServices t, Map<String, MethodKind> kinds) {
        return new MethodProvider() {
            @Override
            public List<String> names() {
                return List.copyOf(kinds.keySet());
            }

            @Override
            public FusionMethod open(String name) {
                return t.method;
            }

            @Override
            public Optional<String> preferred() {
                return names().stream().findFirst();
            }

            @Override
            public MethodKind kind(String name) {
                return kinds.getOrDefault(name, MethodKind.TRAINED_NETWORK);
            }
        };
    }

    // ---- order and default -----------------------------------------------------------------------------------

    @Test
    void trainedModelsComeFirstThenBaselinesThenUntrainedAndTheDefaultIsTrained() {
        assertThat(vm.session().modelNames()).containsExactly("lite", "dcp+gff", "none+max", "paper", "tiny");
        assertThat(vm.session().modelProperty().get()).isEqualTo("lite");
        assertThat(vm.models().untrainedProperty().get()).isFalse();
    }

    @Test
    void withoutATrainedNetworkTheDefaultIsABaselineNotAnUntrainedConfiguration() {
        Map<String, MethodKind> kinds = new LinkedHashMap<>(KINDS);
        kinds.remove("lite");
        t.methods = provider(t, kinds);
        ViewModels other = new ViewModels(t.services(), DensitySettings.DEFAULT);
        assertThat(other.session().modelNames()).containsExactly("dcp+gff", "none+max", "paper", "tiny");
        assertThat(other.session().modelProperty().get()).isEqualTo("dcp+gff");
    }

    @Test
    void theCoreCatalogListsTheShippedLiteFirstAndPaperAfterTheBaselines() {
        t.methods = new CatalogMethodProvider();
        ViewModels real = new ViewModels(t.services(), DensitySettings.DEFAULT);
        List<String> names = real.session().modelNames();
        assertThat(names.get(0)).isEqualTo("lite");
        assertThat(real.session().modelProperty().get()).isEqualTo("lite");
        assertThat(names.indexOf("paper")).isGreaterThan(names.indexOf("dcp+gff"));
        assertThat(real.models().isUntrained("paper")).isTrue();
        assertThat(real.models().isUntrained("lite")).isFalse();
        assertThat(real.models().isUntrained("dcp+gff")).isFalse();
    }

    @Test
    void aWeightsFileIsListedWithTheTrainedNetworksBeforeTheBaselines() {
        Path weights = dir.resolve("tuned.hzf");
        vm.models().useWeightsFile(weights);
        assertThat(vm.session().modelNames()).containsExactly("lite", weights.toString(), "dcp+gff", "none+max",
                "paper", "tiny");
    }

    @Test
    void anUntrainedModelIsRestoredOnlyWhenTheUserChoseIt() {
        // Settings from before the rule (or a default never chosen): "paper" is not restored.
        AppSettings settings = new AppSettings(t.prefs);
        settings.put(Setting.MODEL, "paper");
        assertThat(restart().session().modelProperty().get()).isEqualTo("lite");

        // Chosen by the user in the chooser: restored, and still counted as chosen at the next exit.
        vm.session().modelProperty().set("paper");
        assertThat(vm.models().chosenByUser()).isTrue();
        new SessionSettings(settings).save(vm, null);
        ViewModels second = restart();
        assertThat(second.session().modelProperty().get()).isEqualTo("paper");
        new SessionSettings(settings).save(second, null);
        assertThat(restart().session().modelProperty().get()).isEqualTo("paper");
    }

    @Test
    void theDefaultIsNotRememberedAsAChoice() {
        assertThat(vm.models().chosenByUser()).isFalse();
        new SessionSettings(new AppSettings(t.prefs)).save(vm, null);
        assertThat(new AppSettings(t.prefs).getBoolean(Setting.MODEL_CHOSEN)).isFalse();
    }

    private ViewModels restart() {
        SessionSettings settings = new SessionSettings(new AppSettings(t.prefs));
        ViewModels restarted = new ViewModels(t.services(), settings.density());
        settings.restore(restarted);
        return restarted;
    }

    @Test
    void publishedWeightsImportedEarlierAreTheDefaultWhenNothingIsRemembered() throws IOException {
        Path target = t.published.file();
        Files.createDirectories(target.getParent());
        Files.writeString(target, "x");
        ViewModels started = new ViewModels(t.services(), DensitySettings.DEFAULT);
        assertThat(started.session().modelNames()).containsExactly(target.toString(), "lite", "dcp+gff", "none+max",
                "paper", "tiny");
        assertThat(started.session().modelProperty().get()).isEqualTo(target.toString());
    }

    @Test
    void cancellingTheFileChooserImportsNothing() {
        t.dialogs.fileAnswer = Optional.empty();
        vm.models().importPublishedWeights();
        assertThat(t.dialogs.errors).isEmpty();
        assertThat(vm.session().modelNames()).hasSize(KINDS.size());
        assertThat(t.published.file()).doesNotExist();
    }
}
