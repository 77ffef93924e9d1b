package org.hazefuse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.hazefuse.model.iassf.IassfInputs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.IassfOutputs;
import org.hazefuse.image.Tensors;
import org.hazefuse.loss.FusionLoss;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.ImagePair;
import org.hazefuse.metrics.Psnr;
import org.hazefuse.metrics.Ssim;

/**
 * Validation on whole frames at their native size, as users run the model (the network normalises over the whole
 * image, so crop statistics do not carry over): PSNR and SSIM of the dehazed output against the clear visible
 * image, and the training loss.
 */
public final class Validation {
    /** Means over the validation pairs. */
    public record Scores(double psnr, double ssim, double loss) {}

    private Validation() {}

    /** Every pair must carry its clear visible image. */
    public static Scores score(NDManager manager, IassfNetwork network, List<ImagePair> pairs,
            FusionLoss.Weights weights, CancelSignal cancel) {
        double psnr = 0;
        double ssim = 0;
        double loss = 0;
        for (ImagePair pair : pairs) {
            cancel.throwIfCancelled();
            var clearImage = pair.clearVisible().orElseThrow(
                    () -> new IllegalArgumentException("validation pair " + pair.name() + " has no clear image"));
            try (NDManager scope = manager.newSubManager()) {
                NDArray hazy = Tensors.toSigned(Tensors.fromImage(scope, pair.visible()));
                NDArray infrared = Tensors.toThreeChannels(Tensors.toSigned(Tensors.fromImage(scope, pair.infrared())));
                NDArray clear = Tensors.toSigned(Tensors.fromImage(scope, clearImage));
                IassfOutputs out = network.forward(new ParameterStore(scope, false), new IassfInputs(hazy, infrared),
                        false);
                loss += FusionLoss.compute(out.dehazed(), out.fused(), clear, infrared, weights).total().getFloat();
                var dehazed = Tensors.toImage(Tensors.toUnit(out.dehazed()), 0);
                psnr += Psnr.of(dehazed, clearImage);
                ssim += Ssim.of(dehazed, clearImage);
            }
        }
        int n = pairs.size();
        return new Scores(psnr / n, ssim / n, loss / n);
    }
}
