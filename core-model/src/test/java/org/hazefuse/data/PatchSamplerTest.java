package org.hazefuse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ai.djl.ndarray.NDManager;
import org.hazefuse.runtime.Engines;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.image.Tensors;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchSamplerTest {
    private static final int W = 40;
    private static final int H = 30;
    private static final int MX = 29;
    private static final int MY = 7;
    private static final int P = 16;

    @TempDir
    Path dir;

    /** Index of the single maximum of one P×P plane, as {row, col}. */
    private static int[] argmax(float[] data, int plane) {
        int best = 0;
        for (int i = 1; i < P * P; i++) {
            if (data[plane * P * P + i] > data[plane * P * P + best]) {
                best = i;
            }
        }
        return new int[] {best / P, best % P};
    }

    /** Where the marker lands after crop, flip and counter-clockwise quarter turns. */
    private static int[] expected(PatchSample s) {
        int r = MY - s.cropY();
        int c = MX - s.cropX();
        if (s.flipped()) {
            c = P - 1 - c;
        }
        for (int k = 0; k < s.quarterTurns(); k++) {
            int nr = P - 1 - c;
            c = r;
            r = nr;
        }
        return new int[] {r, c};
    }

    private static boolean markerInside(PatchSample s) {
        return MX >= s.cropX() && MX < s.cropX() + P && MY >= s.cropY() && MY < s.cropY() + P;
    }

    @Test
    void tripletStaysAlignedThroughCropFlipAndRotation() throws IOException {
        PairPaths triplet = new PairPaths("m",
                DataFixtures.marker(dir.resolve("hazy/m.png"), W, H, MX, MY, true),
                DataFixtures.marker(dir.resolve("ir/m.png"), W, H, MX, MY, false),
                Optional.of(DataFixtures.marker(dir.resolve("gt/m.png"), W, H, MX, MY, true)));
        PatchSampler sampler = new PatchSampler(DataFixtures.set(List.of(triplet)), P, true, 11);
        Set<String> seen = new HashSet<>();
        int checked = 0;
        for (long i = 0; i < 400; i++) {
            PatchSample s = sampler.sample(i);
            if (!markerInside(s)) {
                continue;
            }
            int[] where = expected(s);
            for (int c = 0; c < 3; c++) {
                assertThat(argmax(s.hazy(), c)).as("hazy channel %d, sample %d", c, i).containsExactly(where);
                assertThat(argmax(s.clear(), c)).as("clear channel %d, sample %d", c, i).containsExactly(where);
            }
            assertThat(argmax(s.infrared(), 0)).as("infrared, sample %d", i).containsExactly(where);
            assertThat(s.hazy()[where[0] * P + where[1]]).isEqualTo(1f);
            seen.add(s.flipped() + "/" + s.quarterTurns());
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(seen).hasSize(8); // every flip × rotation combination was exercised
    }

    @Test
    void clearPairsGetHazeAndStayAligned() throws IOException {
        PairPaths pair = new PairPaths("m",
                DataFixtures.marker(dir.resolve("vis/m.png"), W, H, MX, MY, true),
                DataFixtures.marker(dir.resolve("ir/m.png"), W, H, MX, MY, false));
        PatchSampler sampler = new PatchSampler(DataFixtures.set(List.of(pair)), P, true, 5);
        int checked = 0;
        for (long i = 0; i < 200; i++) {
            PatchSample s = sampler.sample(i);
            double hazyMean = 0;
            for (float v : s.hazy()) {
                hazyMean += v;
            }
            assertThat(hazyMean / s.hazy().length).as("haze lifts a black image toward the airlight").isGreaterThan(0.1);
            if (markerInside(s)) {
                assertThat(argmax(s.clear(), 0)).containsExactly(expected(s));
                assertThat(argmax(s.infrared(), 0)).containsExactly(expected(s));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void samplesAreDeterministicPerRunSeedAndIndex() {
        List<PairPaths> pairs = DataFixtures.roadscene();
        PatchSampler a = new PatchSampler(DataFixtures.set(pairs), 64, true, 99);
        PatchSampler b = new PatchSampler(DataFixtures.set(pairs), 64, true, 99);
        PatchSampler other = new PatchSampler(DataFixtures.set(pairs), 64, true, 100);
        for (long i : new long[] {0, 1, 7, 1001}) {
            PatchSample x = a.sample(i);
            PatchSample y = b.sample(i);
            assertThat(y.hazy()).containsExactly(x.hazy());
            assertThat(y.infrared()).containsExactly(x.infrared());
            assertThat(y.clear()).containsExactly(x.clear());
        }
        assertThat(other.sample(0).hazy()).isNotEqualTo(a.sample(0).hazy());
    }

    @Test
    void everyEpochVisitsEveryPairOnce() {
        List<PairPaths> pairs = DataFixtures.msrs();
        List<PairPaths> six = List.of(pairs.get(0), pairs.get(1), pairs.get(0), pairs.get(1), pairs.get(0), pairs.get(1));
        PatchSampler sampler = new PatchSampler(DataFixtures.set(six), 8, false, 3);
        for (int epoch = 0; epoch < 3; epoch++) {
            Set<Integer> visited = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                visited.add(sampler.pairIndex(epoch * 6L + i));
            }
            assertThat(visited).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void framesSmallerThanThePatchAreEnlarged() {
        // MSRS frames are 128×128; a 160 patch needs them enlarged to 160×160 (so the crop is the whole frame).
        PatchSampler sampler = new PatchSampler(DataFixtures.set(DataFixtures.msrs()), 160, false, 1);
        PatchSample s = sampler.sample(0);
        assertThat(s.hazy()).hasSize(3 * 160 * 160);
        assertThat(s.infrared()).hasSize(160 * 160);
        assertThat(s.cropX()).isZero();
        assertThat(s.cropY()).isZero();
        for (float v : s.clear()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void framePriorIsTheWholeFramesPriorCroppedWithThePatch() {
        List<PairPaths> pairs = DataFixtures.roadscene();
        PairPaths triplet = new PairPaths("t", pairs.get(0).visible(), pairs.get(0).infrared(),
                Optional.of(pairs.get(0).visible()));
        int patch = 48;
        PatchSampler sampler = new PatchSampler(DataFixtures.set(List.of(triplet)), patch, false, 4, true);
        try (NDManager manager = Engines.cpuManager()) {
            ImagePair frame = new PairLoader().load(triplet);
            DarkChannelPrior.Estimate whole = DarkChannelPrior.estimate(
                    Tensors.fromImage(manager, frame.visible()), DensitySettings.DEFAULT);
            for (long i = 0; i < 3; i++) {
                PatchSample s = sampler.sample(i);
                float[] expected = whole.transmission().get(":, :, {}:{}, {}:{}", s.cropY(), s.cropY() + patch,
                        s.cropX(), s.cropX() + patch).toFloatArray();
                assertThat(s.prior()).containsExactly(expected, within(1e-5f));
                assertThat(s.airlight()).containsExactly(whole.airlight().toFloatArray(), within(1e-6f));
            }
        }
    }

    @Test
    void framePriorTravelsWithFlipsAndTurns() {
        // A triplet (no synthesized haze), so the plain and augmented samplers crop the same hazy frame.
        PairPaths road = DataFixtures.roadscene().get(0);
        List<PairPaths> triplet = List.of(new PairPaths("t", road.visible(), road.infrared(), Optional.of(road.visible())));
        PatchSampler plain = new PatchSampler(DataFixtures.set(triplet), 32, false, 9, true);
        PatchSampler augmented = new PatchSampler(DataFixtures.set(triplet), 32, true, 9, true);
        int checked = 0;
        for (long i = 0; i < 12; i++) {
            PatchSample a = augmented.sample(i);
            if (a.flipped() || a.quarterTurns() > 0) {
                PatchSample p = plain.sample(i);
                // Same crop and haze (same random stream); the prior must move exactly like the hazy image.
                assertThat(sorted(a.prior())).containsExactly(sorted(p.prior()));
                assertThat(a.prior()).isNotEqualTo(p.prior());
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static float[] sorted(float[] values) {
        float[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    @Test
    void withoutAFramePriorSamplesCarryNone() {
        PatchSample s = new PatchSampler(DataFixtures.set(DataFixtures.msrs()), 16, true, 1).sample(0);
        assertThat(s.prior()).isNull();
        assertThat(s.airlight()).isNull();
    }
}
