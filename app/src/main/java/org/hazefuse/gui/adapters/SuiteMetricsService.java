package org.hazefuse.gui.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.gui.metrics.MetricsService;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.metrics.Metric;
import org.hazefuse.metrics.MetricSuite;

/**
 * {@link MetricsService} over core {@link MetricSuite}: fusion and no-reference metrics always, PSNR and SSIM of
 * the dehazed image when the clear visible is known (synthesized haze). Names carry the unit, e.g. "PSNR (dB)".
 */
public final class SuiteMetricsService implements MetricsService {

    @Override
    public List<MetricValue> compute(ImagePair pair, FusionResult result) {
        Map<Metric, Double> values = MetricSuite.evaluate(result, pair);
        List<MetricValue> out = new ArrayList<>();
        values.forEach((m, v) -> out.add(new MetricValue(m.unit().isEmpty() ? m.label() : m.label() + " (" + m.unit() + ")",
                v, m.kind() == Metric.Kind.RESTORATION, m.higherIsBetter())));
        return out;
    }
}
