package org.hazefuse.evaluation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.FusionResult;

/**
 * What a candidate produced for one pair. A method run gives all three images; outputs of another tool read
 * from files give at least the fused image.
 *
 * @param fused RGB (or gray) fused image at the pair's size
 * @param dehazed the dehazed visible image, when known (needed for PSNR/SSIM)
 * @param density the haze density map, when known (shown in comparison grids)
 * @param runtime wall time of producing the outputs (zero for files)
 */
public record Outputs(FloatImage fused, Optional<FloatImage> dehazed, Optional<FloatImage> density, Duration runtime) {
    public Outputs {
        Objects.requireNonNull(fused, "fused");
        Objects.requireNonNull(dehazed, "dehazed");
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(runtime, "runtime");
    }

    public static Outputs of(FusionResult r) {
        return new Outputs(r.fused(), Optional.of(r.dehazed()), Optional.of(r.density()), r.total());
    }
}
