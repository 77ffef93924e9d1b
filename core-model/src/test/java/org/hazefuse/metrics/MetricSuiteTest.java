package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;

class MetricSuiteTest {
    private final FloatImage vis = RestorationMetricsTest.gray3(Planes.texture(120, 100, 1));
    private final FloatImage ir = RestorationMetricsTest.gray3(Planes.texture(120, 100, 2)).channel(0);
    private final FloatImage density = FloatImage.zeros(120, 100, 1);

    @Test
    void withoutAClearVisibleOnlyFusionAndNoReferenceMetricsAreReported() {
        ImagePair pair = new ImagePair("p", vis, ir);
        FusionResult r = new FusionResult(vis, density, vis, Map.of("total", Duration.ZERO));
        Map<Metric, Double> m = MetricSuite.evaluate(r, pair);
        assertThat(m.keySet()).containsExactlyElementsOf(MetricSuite.metricsFor(false));
        assertThat(m).doesNotContainKeys(Metric.PSNR, Metric.SSIM);
        // without a clear visible, the visible source of the fusion metrics is the input
        assertThat(m.get(Metric.VIF)).isEqualTo(
                Vif.fusion(EightBitPlane.luma(vis), EightBitPlane.luma(ir), EightBitPlane.luma(vis)));
    }

    @Test
    void withAClearVisibleAllTwelveInReportOrder() {
        ImagePair pair = new ImagePair("p", vis, ir, Optional.of(vis));
        FusionResult r = new FusionResult(vis, density, vis, Map.of());
        Map<Metric, Double> m = MetricSuite.evaluate(r, pair);
        assertThat(m.keySet()).containsExactly(Metric.values());
        assertThat(m.get(Metric.PSNR)).isInfinite();
        assertThat(m.get(Metric.SSIM)).isEqualTo(1.0);
        assertThat(MetricSuite.byLabel(m).keySet()).containsExactly("MI", "Qabf", "Qcv", "SCD", "VIF", "SF", "EN",
                "SD", "AG", "PSNR", "SSIM", "NIQE");
    }

    @Test
    void aFusedImageOfAnotherSizeIsRejectedWithBothSizes() {
        ImagePair pair = new ImagePair("p", vis, ir);
        assertThatThrownBy(() -> MetricSuite.evaluate(FloatImage.zeros(10, 10, 3), Optional.empty(), pair))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10x10").hasMessageContaining("120x100");
    }

    @Test
    void metricMetadata() {
        assertThat(Metric.QCV.higherIsBetter()).isFalse();
        assertThat(Metric.NIQE.higherIsBetter()).isFalse();
        assertThat(Metric.MI.unit()).isEqualTo("bits");
        assertThat(Metric.byLabel("qabf")).isEqualTo(Metric.QABF);
        assertThat(Metric.QCV.better(1, 2)).isTrue();
        assertThat(Metric.MI.better(Double.NaN, 2)).isFalse();
    }
}
