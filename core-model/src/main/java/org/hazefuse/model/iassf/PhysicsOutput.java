package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDArray;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.image.Tensors;
import org.hazefuse.layers.Scalars;

/**
 * The restoration head of a network with the physical prior ({@link IassfConfig#physicsPrior()}): the backbone's
 * four output channels are a transmission correction Δ and an RGB residual r on top of the dark channel prior's
 * inversion of the scattering model:
 *
 * <pre>
 * t  = clamp(t_dcp + ½·tanh(Δ), t₀, 1)          t₀ = 0.1, as in dark-channel dehazing
 * V̂  = 2·((I − A)/t + A) − 1 + r               in the network's [−1, 1] range
 * D  = 1 − t                                   the density the application shows
 * </pre>
 * With the backbone's exit at zero this is exactly dark-channel dehazing, so training starts from that baseline.
 *
 * @param restored V̂ (B, 3, H, W) in [−1, 1] (unclamped)
 * @param density D (B, 1, H, W) in [0, 1]
 */
record PhysicsOutput(NDArray restored, NDArray density) {
    static final double MIN_TRANSMISSION = 0.1;

    /**
     * @param head backbone output (B, 4, H, W)
     * @param hazy the hazy input (B, 3, H, W) in [−1, 1]
     */
    static PhysicsOutput of(NDArray head, NDArray hazy, DarkChannelPrior.Estimate prior) {
        NDArray correction = Scalars.mul(head.get(":, 0:1").tanh(), 0.5);
        NDArray residual = head.get(":, 1:4");
        NDArray t = prior.transmission().add(correction).clip(MIN_TRANSMISSION, 1);
        NDArray unit = Tensors.toUnit(hazy);
        NDArray radiance = unit.sub(prior.airlight()).div(t).add(prior.airlight());
        return new PhysicsOutput(Tensors.toSigned(radiance).add(residual), t.neg().add(1));
    }
}
