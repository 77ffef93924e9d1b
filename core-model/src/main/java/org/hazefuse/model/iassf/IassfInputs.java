package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArray;
import java.util.Objects;
import java.util.Optional;
import org.hazefuse.darkchannel.DarkChannelPrior;

/**
 * What {@link IassfNetwork} takes (docs/design/iassf.md, "Data conventions"): NCHW tensors in [−1, 1].
 *
 * @param hazy the visible image, (B, 3, H, W)
 * @param infrared the infrared image repeated to 3 channels, (B, 3, H, W)
 * @param prior for a network with the physical prior: the dark channel prior of the <em>whole</em> frame this
 *     input was cropped from (training patches, tiles), transmission (B, 1, H, W) and airlight (B, 3, 1, 1); empty
 *     to let the network estimate it on its input
 */
public record IassfInputs(NDArray hazy, NDArray infrared, Optional<DarkChannelPrior.Estimate> prior) {
    public IassfInputs {
        Objects.requireNonNull(hazy, "hazy");
        Objects.requireNonNull(infrared, "infrared");
        Objects.requireNonNull(prior, "prior");
    }

    public IassfInputs(NDArray hazy, NDArray infrared) {
        this(hazy, infrared, Optional.empty());
    }

    /** The block's positional form: hazy, infrared[, transmission, airlight]. */
    NDList toList() {
        NDList list = new NDList(hazy, infrared);
        prior.ifPresent(p -> {
            list.add(p.transmission());
            list.add(p.airlight());
        });
        return list;
    }

    static IassfInputs of(NDList list) {
        Optional<DarkChannelPrior.Estimate> prior = list.size() >= 4
                ? Optional.of(new DarkChannelPrior.Estimate(list.get(2), list.get(3)))
                : Optional.empty();
        return new IassfInputs(list.get(0), list.get(1), prior);
    }
}
