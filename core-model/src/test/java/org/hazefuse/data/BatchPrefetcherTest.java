package org.hazefuse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hazefuse.runtime.Engines;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.PairPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPrefetcherTest {
    @TempDir
    Path dir;

    @Test
    void yieldsNchwBatchesInStepOrder() {
        PatchSampler sampler = new PatchSampler(DataFixtures.set(DataFixtures.roadscene()), 32, true, 8);
        List<Batch> batches = new ArrayList<>();
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(sampler, 3, 0, 4, 2, 3)) {
            prefetcher.forEachRemaining(batches::add);
            assertThat(prefetcher.hasNext()).isFalse();
        }
        assertThat(batches).extracting(Batch::step).containsExactly(0L, 1L, 2L, 3L);
        Batch b = batches.get(2);
        assertThat(b.hazy()).hasSize(3 * 3 * 32 * 32);
        assertThat(b.infrared()).hasSize(3 * 32 * 32);
        assertThat(b.clear()).hasSize(3 * 3 * 32 * 32);
        assertThat(b.visibleShape()).isEqualTo(new Shape(3, 3, 32, 32));
        assertThat(b.infraredShape()).isEqualTo(new Shape(3, 1, 32, 32));
        try (NDManager manager = Engines.cpuManager()) {
            NDList arrays = b.toNDList(manager);
            assertThat(arrays).extracting(a -> a.getShape())
                    .containsExactly(new Shape(3, 3, 32, 32), new Shape(3, 1, 32, 32), new Shape(3, 3, 32, 32));
        }
        // slot 1 of step 2 is sample 2·3 + 1
        PatchSample seventh = sampler.sample(7);
        float[] slot = java.util.Arrays.copyOfRange(b.hazy(), 3 * 32 * 32, 2 * 3 * 32 * 32);
        assertThat(slot).containsExactly(seventh.hazy());
    }

    @Test
    void resumingFromAStepGivesTheSameBatches() {
        PatchSampler first = new PatchSampler(DataFixtures.set(DataFixtures.msrs()), 24, true, 21);
        PatchSampler resumed = new PatchSampler(DataFixtures.set(DataFixtures.msrs()), 24, true, 21);
        Batch third;
        try (BatchPrefetcher p = new BatchPrefetcher(first, 2, 0, 3, 2, 2)) {
            p.next();
            p.next();
            third = p.next();
        }
        try (BatchPrefetcher p = new BatchPrefetcher(resumed, 2, 2, Long.MAX_VALUE, 1, 1)) {
            Batch again = p.next();
            assertThat(again.step()).isEqualTo(2);
            assertThat(again.hazy()).containsExactly(third.hazy());
            assertThat(again.infrared()).containsExactly(third.infrared());
            assertThat(again.clear()).containsExactly(third.clear());
        }
    }

    @Test
    void workerErrorsSurfaceWithTheirFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.png"), "not an image");
        List<PairPaths> pairs = new ArrayList<>(DataFixtures.msrs());
        pairs.add(new PairPaths("broken", bad, pairs.get(0).infrared()));
        PatchSampler sampler = new PatchSampler(DataFixtures.set(pairs), 16, false, 1);
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(sampler, 3, 0, 10, 2, 2)) {
            // every epoch (3 pairs) visits the broken pair, so the first batch of 3 fails
            assertThatThrownBy(prefetcher::next)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("broken.png");
            assertThat(prefetcher.hasNext()).isFalse();
        }
    }

    @Test
    void closeStopsTheWorkers() throws InterruptedException {
        PatchSampler sampler = new PatchSampler(DataFixtures.set(DataFixtures.msrs()), 16, false, 1);
        BatchPrefetcher prefetcher = new BatchPrefetcher(sampler, 2, 0, Long.MAX_VALUE, 2, 4);
        prefetcher.next();
        prefetcher.close();
        prefetcher.close();
        assertThat(prefetcher.hasNext()).isFalse();
        long deadline = System.currentTimeMillis() + 10_000;
        while (dataThreads() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(dataThreads()).isZero();
    }

    private static long dataThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("hazefuse-data-") && t.isAlive())
                .count();
    }
}
