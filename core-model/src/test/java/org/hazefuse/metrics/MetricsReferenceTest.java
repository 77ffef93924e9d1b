package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric on two real pairs against values computed independently by
 * {@code core-model/src/test/python/metrics_reference.py} (numpy/scipy; see the README there).
 *
 * <p>Tolerance: 1e-6 relative (plus 1e-9 absolute) for all metrics: both sides compute in double precision
 * on identical 8-bit inputs, so only summation order differs. NIQE and Qcv get 1e-5 (a 36×36 pseudo-inverse,
 * FFTs of different algorithms).
 */
class MetricsReferenceTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("roadscene_FLIR_00122", Map.ofEntries(
                        Map.entry(Metric.MI, 3.1895062611),
                        Map.entry(Metric.QABF, 0.3472073314),
                        Map.entry(Metric.QCV, 856.6969790311),
                        Map.entry(Metric.SCD, 1.7224724617),
                        Map.entry(Metric.VIF, 0.4614055126),
                        Map.entry(Metric.SF, 7.3491316453),
                        Map.entry(Metric.EN, 6.3641740856),
                        Map.entry(Metric.SD, 23.3399914116),
                        Map.entry(Metric.AG, 3.0828079498),
                        Map.entry(Metric.PSNR, 19.6006338490),
                        Map.entry(Metric.SSIM, 0.9639496026),
                        Map.entry(Metric.NIQE, 3.2857915359))),
                Arguments.of("tno_01", Map.ofEntries(
                        Map.entry(Metric.MI, 2.4069060292),
                        Map.entry(Metric.QABF, 0.4599043528),
                        Map.entry(Metric.QCV, 827.1835827274),
                        Map.entry(Metric.SCD, 1.3543125294),
                        Map.entry(Metric.VIF, 0.5566458646),
                        Map.entry(Metric.SF, 6.2029480868),
                        Map.entry(Metric.EN, 6.3566599050),
                        Map.entry(Metric.SD, 26.6274413793),
                        Map.entry(Metric.AG, 3.2731602368),
                        Map.entry(Metric.PSNR, 17.1777622477),
                        Map.entry(Metric.SSIM, 0.9322169620),
                        Map.entry(Metric.NIQE, 4.1274256711))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matchesTheIndependentReference(String pair, Map<Metric, Double> expected) {
        String dir = "/metrics/" + pair + "/";
        FloatImage vis = PngResources.read(dir + "vis.png");
        FloatImage ir = PngResources.read(dir + "ir.png");
        FloatImage fused = PngResources.read(dir + "fused.png");
        FloatImage restored = PngResources.read(dir + "restored.png");
        ImagePair p = new ImagePair(pair, vis.toRgb(), ir.channels() == 1 ? ir : ir.luma(), Optional.of(vis.toRgb()));

        Map<Metric, Double> got = MetricSuite.evaluate(fused, Optional.of(restored), p);

        assertThat(got.keySet()).containsExactly(Metric.values());
        for (Metric m : Metric.values()) {
            double e = expected.get(m);
            double rel = m == Metric.NIQE || m == Metric.QCV ? 1e-5 : 1e-6;
            assertThat(got.get(m)).as(m.label()).isCloseTo(e, within(Math.abs(e) * rel + 1e-9));
        }
    }
}
