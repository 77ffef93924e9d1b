package org.hazefuse.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hazefuse.runtime.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResizeTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWindowOfTheResizeIsTheResizedFramesWindow(boolean alignCorners) {
        try (NDManager m = Engines.cpuManager()) {
            NDArray prompt = m.randomUniform(-1f, 1f, new Shape(1, 5, 7, 7));
            NDArray frame = Resize.bilinear(prompt, 90, 130, alignCorners);
            NDArray window = Resize.bilinearWindow(prompt, 90, 130, 16, 48, 40, 64, alignCorners);
            NDArray expected = frame.get(":, :, 16:56, 48:112");
            assertThat(window.getShape()).isEqualTo(expected.getShape());
            assertThat(window.sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }
}
