package org.hazefuse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hazefuse.baseline.Baselines;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PngWriter;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.ImagePair;
import org.hazefuse.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    @TempDir
    Path dir;

    static FloatImage image(int w, int h, int channels, int seed) {
        float[] d = new float[channels * w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = (float) (0.5 + 0.3 * Math.sin(0.2 * x + seed + c) * Math.cos(0.15 * y)
                            + ((x / 8 + y / 8 + seed) % 2 == 0 ? 0.1 : -0.1));
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }

    /** vis/ + ir/ clear pairs a, b, c (120×100, so NIQE has a block). */
    private Path clearPairs() throws IOException {
        PngWriter writer = new PngWriter(List.of(), OverwritePolicy.REFUSE);
        Files.createDirectories(dir.resolve("data/vis"));
        Files.createDirectories(dir.resolve("data/ir"));
        int seed = 0;
        for (String stem : List.of("a", "b", "c")) {
            writer.write(image(120, 100, 3, seed), dir.resolve("data/vis/" + stem + ".png"));
            writer.write(image(120, 100, 1, seed + 7), dir.resolve("data/ir/" + stem + ".png"));
            seed++;
        }
        return dir.resolve("data");
    }

    /** A candidate whose fused image is the visible input and whose dehazed image is the clear one. */
    static Candidate.Factory oracle() {
        return new Candidate.Factory() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public Candidate open() {
                return new Candidate() {
                    @Override
                    public String name() {
                        return "oracle";
                    }

                    @Override
                    public Outputs produce(ImagePair pair, CancelSignal cancel) {
                        return new Outputs(pair.visible(), pair.clearVisible(), Optional.empty(), Duration.ofMillis(5));
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Test
    void scoresEveryCandidateOnEveryPairInInputOrderAcrossThreads() throws IOException {
        Datasets.Dataset data = Datasets.open(clearPairs(), Optional.empty(), HazeChoice.MEDIUM, 1, new PairLoader());
        assertThat(data.hasReference()).isTrue();
        List<Candidate.Factory> candidates = List.of(oracle(),
                Candidates.method("none+avg", () -> Baselines.create("none+avg"), DensitySettings.DEFAULT));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<ScoreRecord> records = Evaluation.run(data.pairs(), candidates, 2, o -> seen.add(o.index()),
                CancelSignal.NEVER);

        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(records).extracting(r -> r.pair() + "/" + r.method()).containsExactly(
                "a/oracle", "a/none+avg", "b/oracle", "b/none+avg", "c/oracle", "c/none+avg");
        ScoreRecord oracle = records.get(0);
        assertThat(oracle.values().keySet()).containsExactly(Metric.values());
        assertThat(oracle.value(Metric.PSNR)).isInfinite();
        // none+avg: the "dehazed" image is the hazy input, so PSNR against the clear image is finite and low
        assertThat(records.get(1).value(Metric.PSNR)).isBetween(5.0, 30.0);

        Summary summary = Summary.of(records, Evaluation.names(candidates));
        assertThat(summary.get("oracle", Metric.PSNR).orElseThrow().excluded()).isEqualTo(3);
        assertThat(summary.get("none+avg", Metric.MI).orElseThrow().count()).isEqualTo(3);

        String csv = Reports.csv("medium", records);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("haze,pair,method,MI,Qabf,Qcv,SCD,VIF,SF,EN,SD,AG,PSNR,SSIM,NIQE,seconds");
        assertThat(csv.lines().count()).isEqualTo(7);
        assertThat(csv).contains("medium,a,oracle,").contains(",Infinity,1.000000,");

        String md = Reports.markdown(summary, "caption");
        assertThat(md).contains("| method | MI ↑ | Qabf ↑ | Qcv ↓ |").contains("NIQE ↓").contains("**")
                .contains("oracle PSNR: 3 undefined value(s) left out");
        // SSIM: the oracle's dehazed image is the clear one, so it is best and bold
        assertThat(md).contains("**1.0000 ± 0.0000**");

        JsonNode json = new ObjectMapper().readTree(Reports.json(summary));
        assertThat(json.fieldNames()).toIterable().containsExactly("oracle", "none+avg");
        assertThat(json.get("none+avg").fieldNames()).toIterable()
                .containsExactly("MI", "Qabf", "Qcv", "SCD", "VIF", "SF", "EN", "SD", "AG", "PSNR", "SSIM", "NIQE");
        assertThat(json.get("oracle").get("PSNR").isNull()).isTrue();
        assertThat(json.get("oracle").get("SSIM").asDouble()).isEqualTo(1.0);
    }

    @Test
    void severalHazeLevelsShareOneTableWithBestPerLevel() throws IOException {
        ScoreRecord good = new ScoreRecord("p", "m1", java.util.Map.of(Metric.PSNR, 30.0), Duration.ZERO);
        ScoreRecord bad = new ScoreRecord("p", "m2", java.util.Map.of(Metric.PSNR, 20.0), Duration.ZERO);
        ScoreRecord worse = new ScoreRecord("p", "m1", java.util.Map.of(Metric.PSNR, 10.0), Duration.ZERO);
        ScoreRecord better = new ScoreRecord("p", "m2", java.util.Map.of(Metric.PSNR, 15.0), Duration.ZERO);
        var byLevel = new java.util.LinkedHashMap<String, Summary>();
        byLevel.put("light", Summary.of(List.of(good, bad), List.of("m1", "m2")));
        byLevel.put("heavy", Summary.of(List.of(worse, better), List.of("m1", "m2")));

        String md = Reports.markdown(byLevel, null);
        assertThat(md).contains("| haze | method | PSNR ↑ | time (s) |")
                .contains("| light | m1 | **30.00 ± 0.00** |").contains("| light | m2 | 20.00 ± 0.00 |")
                .contains("| heavy | m1 | 10.00 ± 0.00 |").contains("| heavy | m2 | **15.00 ± 0.00** |")
                .contains("within each haze level");
        JsonNode json = new ObjectMapper().readTree(Reports.json(byLevel));
        assertThat(json.fieldNames()).toIterable().containsExactly("light", "heavy");
        assertThat(json.get("heavy").get("m2").get("PSNR").asDouble()).isEqualTo(15.0);

        var csvByLevel = new java.util.LinkedHashMap<String, List<ScoreRecord>>();
        csvByLevel.put("light", List.of(good, bad));
        csvByLevel.put("heavy", List.of(worse, better));
        assertThat(Reports.csv(csvByLevel).lines().skip(1).map(l -> l.substring(0, l.indexOf(",p,"))))
                .containsExactly("light", "light", "heavy", "heavy");
    }

    @Test
    void scoresAnotherToolsOutputsFromAFolder() throws IOException {
        Path data = clearPairs();
        Path fused = Files.createDirectories(dir.resolve("fused"));
        PngWriter writer = new PngWriter(List.of(), OverwritePolicy.REFUSE);
        ImageLoader loader = new ImageLoader();
        writer.write(loader.readVisible(data.resolve("vis/a.png")), fused.resolve("a_fused.png"));
        writer.write(loader.readVisible(data.resolve("vis/b.png")), fused.resolve("b.png"));
        Datasets.Dataset ds = Datasets.open(data, Optional.empty(), HazeChoice.NONE, 0, new PairLoader());
        List<Candidate.Factory> candidates = List.of(Candidates.fusedFolder("other", fused, loader));

        List<ScoreRecord> two = Evaluation.run(ds.pairs().subList(0, 2), candidates, 1, o -> { }, CancelSignal.NEVER);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).values()).doesNotContainKeys(Metric.PSNR, Metric.SSIM);
        // the fused image is the visible source itself: MI(F, B) is B's entropy
        assertThat(two.get(0).value(Metric.MI)).isGreaterThan(two.get(0).value(Metric.EN));

        assertThatThrownBy(() -> Evaluation.run(ds.pairs(), candidates, 2, o -> { }, CancelSignal.NEVER))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'c'").hasMessageContaining("c_fused.png");
    }

    @Test
    void hazeCannotBeAddedToHazyTriplets() throws IOException {
        Path root = dir.resolve("triplets");
        PngWriter writer = new PngWriter(List.of(), OverwritePolicy.REFUSE);
        for (String sub : List.of("hazy", "ir", "gt")) {
            Files.createDirectories(root.resolve(sub));
        }
        writer.write(image(40, 30, 3, 1), root.resolve("hazy/x.png"));
        writer.write(image(40, 30, 1, 2), root.resolve("ir/x.png"));
        writer.write(image(40, 30, 3, 3), root.resolve("gt/x.png"));
        assertThat(Datasets.open(root, Optional.empty(), HazeChoice.NONE, 0, new PairLoader()).hasReference()).isTrue();
        assertThatThrownBy(() -> Datasets.open(root, Optional.empty(), HazeChoice.HEAVY, 0, new PairLoader()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("triplets");
    }

    @Test
    void randomHazeDependsOnSeedAndNameOnly() {
        assertThat(HazeChoice.RANDOM.settingsFor("x", 3)).isEqualTo(HazeChoice.RANDOM.settingsFor("x", 3));
        assertThat(HazeChoice.RANDOM.settingsFor("x", 3)).isNotEqualTo(HazeChoice.RANDOM.settingsFor("x", 4));
        assertThat(HazeChoice.RANDOM.settingsFor("x", 3)).isNotEqualTo(HazeChoice.RANDOM.settingsFor("y", 3));
        assertThat(HazeChoice.HEAVY.settingsFor("x", 3)).isEqualTo(HazeChoice.HEAVY.settingsFor("y", 9));
        assertThat(HazeChoice.parse("Light")).isEqualTo(HazeChoice.LIGHT);
        assertThatThrownBy(() -> HazeChoice.parse("fog")).hasMessageContaining("light, medium, heavy");
    }

    @Test
    void comparisonGridHasARowPerMethodPlusInputs() {
        ImagePair pair = new ImagePair("p", image(100, 80, 3, 1), image(100, 80, 1, 2), Optional.of(image(100, 80, 3, 3)));
        Outputs out = new Outputs(pair.visible(), Optional.of(pair.visible()), Optional.of(pair.infrared()), Duration.ZERO);
        BufferedImage grid = ComparisonGrid.render(pair, java.util.Map.of("m1", out));
        assertThat(grid.getWidth()).isEqualTo(3 * 100 + 4 * 4);
        assertThat(grid.getHeight()).isEqualTo(2 * (80 + 18) + 3 * 4);
    }
}
