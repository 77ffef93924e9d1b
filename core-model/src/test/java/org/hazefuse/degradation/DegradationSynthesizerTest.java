package org.hazefuse.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;

/** Plans, their order, seeds and the modality checks. */
class DegradationSynthesizerTest {
    private static final FloatImage RGB = TestImages.textured(24, 16, 3);
    private static final FloatImage GRAY = TestImages.textured(24, 16, 1);

    @Test
    void theSameSeedAndNameGiveTheSameImageAndAnotherSeedOrNameAnother() {
        DegradationPlan plan = DegradationPlan.random(List.of(Task.LOW_LIGHT, Task.NOISE));
        float[] a = DegradationSynthesizer.degrade(RGB, "00001D", plan, 7).degraded().data();
        assertThat(DegradationSynthesizer.degrade(RGB, "00001D", plan, 7).degraded().data()).containsExactly(a);
        assertThat(DegradationSynthesizer.degrade(RGB, "00001D", plan, 8).degraded().data()).isNotEqualTo(a);
        assertThat(DegradationSynthesizer.degrade(RGB, "00002D", plan, 7).degraded().data()).isNotEqualTo(a);
    }

    @Test
    void presetsDifferOnlyInTheirNoiseRealizationBetweenSeeds() {
        DegradationPlan plan = DegradationPlan.preset(List.of(Task.IR_NOISE), Severity.MEDIUM);
        DegradationResult a = DegradationSynthesizer.degrade(GRAY, "x", plan, 1);
        DegradationResult b = DegradationSynthesizer.degrade(GRAY, "x", plan, 2);
        assertThat(b.applied()).isEqualTo(a.applied());
        assertThat(b.degraded().data()).isNotEqualTo(a.degraded().data());
    }

    @Test
    void combinationsAreAppliedInTheDocumentedOrderWhateverOrderTheyAreGivenIn() {
        DegradationPlan given = DegradationPlan.preset(List.of(Task.NOISE, Task.LOW_RESOLUTION, Task.LOW_LIGHT,
                Task.BLUR), Severity.HEAVY);
        assertThat(given.tasks()).containsExactly(Task.BLUR, Task.LOW_RESOLUTION, Task.LOW_LIGHT, Task.NOISE);
        DegradationResult result = DegradationSynthesizer.degrade(RGB, "a", given, 3);
        assertThat(result.label()).isEqualTo("blur+low-resolution+low-light+noise");
        // By hand: the same steps with the same realization seeds.
        long imageSeed = DegradationSeeds.forImage(3, "a");
        FloatImage manual = RGB;
        for (Task t : given.tasks()) {
            manual = DegradationPresets.preset(t, Severity.HEAVY).apply(manual, DegradationSeeds.realization(imageSeed, t));
        }
        assertThat(result.degraded().data()).containsExactly(manual.data());
    }

    @Test
    void addingATaskChangesNeitherTheDrawNorTheNoiseOfAnother() {
        DegradationPlan alone = DegradationPlan.random(List.of(Task.RAIN));
        DegradationPlan both = DegradationPlan.random(List.of(Task.RAIN, Task.BLUR));
        long imageSeed = DegradationSeeds.forImage(9, "img");
        assertThat(both.degradations(imageSeed)).contains(alone.degradations(imageSeed).get(0));
    }

    @Test
    void anInfraredTaskOnAVisibleImageIsRefusedNamingTaskAndModality() {
        assertThatThrownBy(() -> new IrStripes(0.05).apply(RGB, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task ir-stripes applies to infrared images (1 channel), not to a visible image (3 channels)");
        DegradationPlan plan = DegradationPlan.preset(List.of(Task.IR_NOISE), Severity.LIGHT);
        assertThatThrownBy(() -> DegradationSynthesizer.degrade(RGB, "a", plan, 0))
                .hasMessageContaining("ir-noise").hasMessageContaining("visible image");
    }

    @Test
    void aVisibleTaskOnAnInfraredImageIsRefusedNamingTaskAndModality() {
        for (Task task : List.of(Task.HAZE, Task.LOW_LIGHT, Task.OVER_EXPOSURE, Task.NOISE, Task.BLUR, Task.RAIN,
                Task.LOW_RESOLUTION)) {
            assertThatThrownBy(() -> DegradationPresets.preset(task, Severity.MEDIUM).apply(GRAY, 0))
                    .as(task.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("task " + task.id() + " applies to visible images (3 channels), not to an infrared image"
                            + " (1 channel)");
        }
    }

    @Test
    void theModalityIsCheckedBeforeAnyStepRuns() {
        List<Degradation> steps = List.of(new GaussianBlur(1), new IrNoise(0.1));
        assertThatThrownBy(() -> DegradationSynthesizer.apply(RGB, steps, 0)).hasMessageContaining("ir-noise");
    }

    @Test
    void plansThatNoCameraMakesAreRefused() {
        assertThatThrownBy(() -> DegradationPlan.random(List.of(Task.NOISE, Task.IR_STRIPES)))
                .hasMessage("tasks noise are visible and ir-stripes infrared; degrade each modality in its own plan");
        assertThatThrownBy(() -> DegradationPlan.random(List.of(Task.NONE, Task.BLUR))).hasMessageContaining("none");
        assertThatThrownBy(() -> DegradationPlan.random(List.of(Task.LOW_LIGHT, Task.OVER_EXPOSURE)))
                .hasMessageContaining("low-light and over-exposure");
        assertThatThrownBy(() -> DegradationPlan.random(List.of())).hasMessageContaining("known tasks: haze");
    }

    @Test
    void aPlanKnowsItsModalityAndNoneFitsBoth() {
        assertThat(DegradationPlan.random(List.of(Task.IR_STRIPES, Task.IR_NOISE)).modality())
                .contains(Modality.INFRARED);
        assertThat(DegradationPlan.random(List.of(Task.RAIN)).modality()).contains(Modality.VISIBLE);
        DegradationPlan none = DegradationPlan.preset(List.of(Task.NONE), Severity.HEAVY);
        assertThat(none.modality()).isEmpty();
        assertThat(DegradationSynthesizer.degrade(GRAY, "a", none, 0).degraded()).isSameAs(GRAY);
        assertThat(DegradationSynthesizer.degrade(RGB, "a", none, 0).degraded()).isSameAs(RGB);
    }

    @Test
    void taskIdsParseAndAnUnknownOneListsTheKnownOnes() {
        assertThat(Task.parseList("low-light, Noise")).containsExactly(Task.LOW_LIGHT, Task.NOISE);
        assertThat(Task.parse("IR-STRIPES")).isEqualTo(Task.IR_STRIPES);
        assertThatThrownBy(() -> Task.parse("fog"))
                .hasMessage("unknown task 'fog'; known tasks: haze, low-light, over-exposure, noise, blur, rain, "
                        + "low-resolution, ir-noise, ir-stripes, ir-low-contrast, none");
        assertThatThrownBy(() -> Task.parseList("noise,noise")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Task.parseList("noise,,blur")).hasMessageContaining("empty task id");
        assertThat(Severity.parse("Heavy")).isEqualTo(Severity.HEAVY);
        assertThat(Modality.parse("infrared")).isEqualTo(Modality.INFRARED);
    }

    @Test
    void imageSeedsDependOnTheNameAndTheRunSeed() {
        assertThat(DegradationSeeds.forImage(0, "a")).isEqualTo(DegradationSeeds.forImage(0, "a"))
                .isNotEqualTo(DegradationSeeds.forImage(0, "b")).isNotEqualTo(DegradationSeeds.forImage(1, "a"));
        long image = DegradationSeeds.forImage(0, "a");
        assertThat(DegradationSeeds.parameters(image, Task.NOISE)).isNotEqualTo(DegradationSeeds.realization(image, Task.NOISE))
                .isNotEqualTo(DegradationSeeds.parameters(image, Task.BLUR));
    }
}
