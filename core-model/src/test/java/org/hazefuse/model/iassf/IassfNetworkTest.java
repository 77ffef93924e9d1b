package org.hazefuse.model.iassf;

import static org.assertj.core.api.Assertions.assertThat;
import org.hazefuse.runtime.Engines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IassfNetworkTest {

    /**
     * The counts documented in docs/design/iassf.md, "Configurations", exactly: {@code paper} builds the published
     * model without the parameters its released forward pass never uses.
     */
    @ParameterizedTest
    @CsvSource({"paper, 11197692", "lite, 368426"})
    void configurationsHaveTheirDocumentedParameterCounts(String name, long expected) {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.byName(name).orElseThrow());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            long total = net.countParameters();
            System.out.printf("%s: total %,d restoration %,d fusion %,d MACs@640x480 %,d%n", name, total,
                    net.restorationParameters(), net.fusionParameters(), net.macs(480, 640));
            assertThat(total).isEqualTo(expected);
        }
    }

    @Test
    void oddSizedPairKeepsItsSize() {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.TINY);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            NDArray hazy = manager.randomUniform(-1, 1, new Shape(2, 3, 37, 53));
            NDArray ir = manager.randomUniform(-1, 1, new Shape(2, 3, 37, 53));
            NDList out = net.forward(new ParameterStore(manager, false), new NDList(hazy, ir), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 3, 37, 53));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 1, 37, 53));
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, 3, 37, 53));
        }
    }

    @Test
    void aSuppliedPriorReplacesTheNetworksOwnEstimate() {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.LITE);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            NDArray hazy = manager.randomUniform(0.1f, 0.3f, new Shape(1, 3, 37, 53)); // flat and bright: dense haze
            NDArray ir = manager.randomUniform(-1, 1, new Shape(1, 3, 37, 53));
            NDArray clearSky = manager.ones(new Shape(1, 1, 37, 53));
            NDArray airlight = manager.full(new Shape(1, 3, 1, 1), 0.8f);
            ParameterStore store = new ParameterStore(manager, false);
            // Untrained lite inverts the scattering model with the prior; with t = 1 that is the identity.
            NDList given = net.forward(store, new NDList(hazy, ir, clearSky, airlight), false);
            assertThat(given.get(0).sub(hazy).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(given.get(1).max().getFloat()).isZero();
            NDList estimated = net.forward(store, new NDList(hazy, ir), false);
            assertThat(estimated.get(0).sub(hazy).abs().max().getFloat()).isGreaterThan(0.1f);
        }
    }
}
