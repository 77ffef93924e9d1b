package org.hazefuse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ExistingSets;
import org.hazefuse.io.OutputSetWriter;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.TestFiles;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.model.MethodOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fuse run with reading and writing overlapping the method, on five real pairs with the fast {@code dcp+max}. */
class FuseRunTest {
    /** Stems in the order the plan lists them. */
    private static final List<String> STEMS = List.of("00001D", "00003N", "08", "FLIR_00006", "FLIR_00018");

    @TempDir
    Path tmp;
    Path data;
    private final PairLoader loader = new PairLoader();
    private FusionMethod method;

    /** What a run told its listener. */
    private static final class Heard implements FuseRun.Listener {
        final List<String> lines = new ArrayList<>();
        final List<String> stops = new ArrayList<>();

        @Override
        public void finished(FuseRun.PairReport r) {
            lines.add(r.position() + " " + r.name() + " " + r.outcome());
        }

        @Override
        public void stopped(FuseRun.Stop why, FuseRun.Tally t) {
            stops.add(why + ": " + t.done() + " done, " + t.failed() + " failed, " + t.notReached() + " not reached");
        }
    }

    @BeforeEach
    void pairs() throws IOException {
        data = tmp.resolve("data");
        for (String set : List.of("msrs", "tno", "roadscene")) {
            for (String role : List.of("vis", "ir")) {
                Path from = TestFiles.resource("pairs/" + set + "/" + role);
                Files.createDirectories(data.resolve(role));
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, data.resolve(role).resolve(f.getFileName()));
                    }
                }
            }
        }
        method = MethodCatalog.open("dcp+max", MethodOptions.defaults(Device.cpu()));
    }

    @AfterEach
    void close() {
        method.close();
    }

    private FusePlan plan(Path out, long cachePixels) throws IOException {
        Files.createDirectories(out);
        return FusePlan.prepare(FusePlan.findPairs(data, null), out, ExistingSets.REFUSE, loader, cachePixels);
    }

    @Test
    void theOverlappedRunWritesWhatAOnePairAtATimeLoopWrites() throws IOException {
        Path sequential = tmp.resolve("sequential");
        FusePlan reference = plan(sequential, 0);
        OutputSetWriter referenceWriter = new OutputSetWriter(reference.inputs(), ExistingSets.REFUSE);
        for (FusePlan.Item item : reference.items()) {
            referenceWriter.write(item.outputs(method.run(reference.load(item, loader))));
        }

        Path overlapped = tmp.resolve("overlapped");
        FusePlan plan = plan(overlapped, 0);
        Heard heard = new Heard();
        FuseRun.Summary summary = new FuseRun(plan, loader, new OutputSetWriter(plan.inputs(), ExistingSets.REFUSE))
                .run(method, DensitySettings.DEFAULT, heard);

        assertThat(heard.lines).containsExactly("1 00001D WRITTEN", "2 00003N WRITTEN", "3 08 WRITTEN",
                "4 FLIR_00006 WRITTEN", "5 FLIR_00018 WRITTEN");
        assertThat(summary.tally()).isEqualTo(new FuseRun.Tally(5, 0, 0, 5));
        assertThat(summary.pairsPerSecond()).isPositive();
        assertThat(summary.secondsPerPair() * summary.pairsPerSecond()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(listing(overlapped)).hasSize(15).isEqualTo(listing(sequential));
        for (String name : listing(sequential)) {
            assertThat(Files.readAllBytes(overlapped.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(sequential.resolve(name)));
        }
    }

    /** The plan read every pair; pair 3 is damaged after that, and is read again (nothing kept) when its turn comes. */
    @Test
    void aPairThatCannotBeReadAtItsTurnStopsTheRunWithThePairsBeforeItWritten() throws IOException {
        Path out = tmp.resolve("out");
        FusePlan plan = plan(out, 0);
        Path damaged = data.resolve("vis/08.png");
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Heard heard = new Heard();

        assertThatThrownBy(() -> new FuseRun(plan, loader, new OutputSetWriter(plan.inputs(), ExistingSets.REFUSE))
                .run(method, DensitySettings.DEFAULT, heard))
                .isInstanceOf(BadInputException.class).hasMessageContaining(damaged.toString());

        assertThat(heard.lines).containsExactly("1 00001D WRITTEN", "2 00003N WRITTEN");
        assertThat(listing(out)).containsExactly("00001D_dehazed.png", "00001D_density.png", "00001D_fused.png",
                "00003N_dehazed.png", "00003N_density.png", "00003N_fused.png");
    }

    /**
     * Another program wrote pair 3's set after the plan: the run ends having written nothing of its own, and counts
     * the removed pairs as not done (as the sequential loop counted them).
     */
    @Test
    void aSetTakenMeanwhileRemovesTheSetsThisRunHadWritten() throws IOException {
        Path out = tmp.resolve("out");
        FusePlan plan = plan(out, Long.MAX_VALUE);
        Files.writeString(out.resolve("08_dehazed.png"), "someone else's");
        Heard heard = new Heard();

        assertThatThrownBy(() -> new FuseRun(plan, loader, new OutputSetWriter(plan.inputs(), ExistingSets.REFUSE))
                .run(method, DensitySettings.DEFAULT, heard))
                .isInstanceOf(BadInputException.class).hasMessageContaining("08_dehazed.png");

        assertThat(heard.lines).containsExactly("1 00001D WRITTEN", "2 00003N WRITTEN");
        assertThat(heard.stops).containsExactly("SET_TAKEN: 0 done, 1 failed, 4 not reached");
        assertThat(listing(out)).containsExactly("08_dehazed.png");
    }

    @Test
    void aSetCompleteWhenPlannedIsReportedAndNotRun() throws IOException {
        Path out = tmp.resolve("out");
        FusePlan first = plan(out, 0);
        new FuseRun(first, loader, new OutputSetWriter(first.inputs(), ExistingSets.REFUSE))
                .run(method, DensitySettings.DEFAULT, new Heard());
        Files.delete(out.resolve("08_fused.png"));

        FusePlan again = FusePlan.prepare(FusePlan.findPairs(data, null), out, ExistingSets.SKIP_COMPLETE, loader);
        Heard heard = new Heard();
        FuseRun.Summary summary = new FuseRun(again, loader,
                new OutputSetWriter(again.inputs(), ExistingSets.SKIP_COMPLETE)).run(method, DensitySettings.DEFAULT,
                heard);

        assertThat(heard.lines).containsExactly("1 00001D ALREADY_COMPLETE", "2 00003N ALREADY_COMPLETE",
                "3 08 WRITTEN", "4 FLIR_00006 ALREADY_COMPLETE", "5 FLIR_00018 ALREADY_COMPLETE");
        assertThat(summary.tally()).isEqualTo(new FuseRun.Tally(1, 4, 0, 5));
        assertThat(listing(out)).hasSize(15);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
