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

    /**
     * About how many bytes a run on a {@code width × height} pair needs within {@code budget} bytes, the process's
     * own memory included (engine, loaded weights): known from the size alone, so that a frame that cannot fit is
     * refused before it is decoded (org.hazefuse.inference.MemoryGate). A method that tiles fits its tiles to the
     * budget; one that cannot fit at all says more than the budget.
     *
     * <p>The default is for methods that hold the whole frame on the engine, the classical baselines: {@link
     * #WHOLE_FRAME_BYTES_PER_PIXEL} a pixel on top of {@link #PROCESS_BYTES}.
     */
    default long memoryNeeded(int width, int height, long budget) {
        return PROCESS_BYTES + WHOLE_FRAME_BYTES_PER_PIXEL * width * (long) height;
    }

    /** The process before a run: JVM, the engine's native libraries, a small network's weights (measured). */
    long PROCESS_BYTES = 768L << 20;

    /**
     * A whole-frame baseline's peak per pixel: dark channel, float64 guided filters, fusion rule (dcp+gff at
     * 1280×1024: 7.9 GB peak resident memory, about 5.6 KB a pixel above the process).
     */
    long WHOLE_FRAME_BYTES_PER_PIXEL = 6144;

    @Override
    void close();
}
