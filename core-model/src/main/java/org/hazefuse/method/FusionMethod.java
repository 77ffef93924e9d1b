package org.hazefuse.method;

/**
 * A dehaze-and-fuse method: pair in; dehazed, density and fused out. IASSF networks, the two-stage
 * baselines and later methods all sit behind this interface, so the CLI, the evaluator and the GUI treat
 * them alike.
 *
 * <p>Implementations are thread-compatible: one call at a time per instance. They hold native memory
 * (weights) and must be closed.
 */
public interface FusionMethod extends AutoCloseable {

    /** The registry name, e.g. {@code lite}, {@code paper}, {@code dcp+gff}. */
    String name();

    /** A one-line description for lists and reports (configuration, parameters, device). */
    String description();

    /**
     * Runs the method on one pair. Any size works; outputs have the input's size.
     *
     * @throws java.util.concurrent.CancellationException if {@code cancel} was raised while running
     */
    FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel);

    /**
     * Runs the method and tells {@code progress} how far it is (tiles done of total) where the method can say;
     * see {@link RunProgress}.
     */
    default FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel, RunProgress progress) {
        return run(pair, settings, RunProgress.carriedBy(cancel, progress));
    }

    default FusionResult run(ImagePair pair) {
        return run(pair, DensitySettings.DEFAULT, CancelSignal.NEVER);
    }

    @Override
    void close();
}
