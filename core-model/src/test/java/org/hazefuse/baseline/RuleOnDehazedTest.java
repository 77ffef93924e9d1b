package org.hazefuse.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.image.Colour;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.BadInputException;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;
import org.hazefuse.model.MethodOptions;

class RuleOnDehazedTest {
    private static final MethodOptions CPU = MethodOptions.defaults(Device.cpu());

    private static FloatImage image(int w, int h, int channels, int seed) {
        float[] d = new float[w * h * channels];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((i * 37 + seed * 11) % 251) / 250f;
        }
        return new FloatImage(w, h, channels, d);
    }

    @Test
    void theNetworkDehazesAndTheRuleFusesItsDehazedImage() {
        ImagePair pair = new ImagePair("p", image(40, 24, 3, 1), image(40, 24, 1, 2));
        try (FusionMethod network = MethodCatalog.open("tiny", CPU);
                FusionMethod combined = MethodCatalog.open("tiny+gff", CPU);
                NDManager m = Engines.cpuManager()) {
            FusionResult own = network.run(pair);
            FusionResult r = combined.run(pair);

            assertThat(combined.name()).isEqualTo("tiny+gff");
            assertThat(r.dehazed().data()).isEqualTo(own.dehazed().data());
            assertThat(r.density().data()).isEqualTo(own.density().data());
            NDArray dehazed = m.create(own.dehazed().data(), new Shape(1, 3, 24, 40));
            NDArray infrared = m.create(pair.infrared().data(), new Shape(1, 1, 24, 40));
            float[] expected = Colour.withLuma(dehazed,
                    new GuidedFilteringRule().fuse(Colour.luma(dehazed), infrared)).toFloatArray();
            assertThat(r.fused().data()).isEqualTo(expected).isNotEqualTo(own.fused().data());
            assertThat(r.timings()).containsKeys("rule fusion", "total");
        }
    }

    @Test
    void baselinesKeepTheirNamesAndUnknownRulesAreRefused() {
        try (FusionMethod baseline = MethodCatalog.open("dcp+gff", CPU)) {
            assertThat(baseline).isInstanceOf(TwoStageMethod.class);
        }
        assertThatThrownBy(() -> MethodCatalog.open("tiny+median", CPU)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown method 'tiny+median'").hasMessageContaining("+gff");
    }
}
