package org.hazefuse.service;

import org.hazefuse.image.ImageSize;
import java.nio.file.Path;
import java.util.Optional;
import org.hazefuse.inference.MemoryBudget;
import org.hazefuse.inference.MemoryGate;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.method.RunProgress;

/**
 * One run of a method for a viewer: a large pair is first run on its {@link ReducedPreview}, which the listener gets
 * at the pair's size, then on the pair itself; a small pair is run once. Progress (tiles done) is the
 * full-resolution run's only, so a bar fills once.
 */
public final class PreviewedRun {
    /** Hears about the preview, on the running thread, before the full-resolution run starts. */
    @FunctionalInterface
    public interface Listener {
        void preview(FusionResult atPairSize, ReducedPreview preview);
    }

    private PreviewedRun() {
    }

    /**
     * @return the full-resolution result
     * @throws java.util.concurrent.CancellationException when {@code cancel} is raised, also between the two runs
     * @throws org.hazefuse.io.BadInputException when the pair cannot fit the memory budget
     */
    public static FusionResult run(FusionMethod method, ImagePair pair, DensitySettings settings, CancelSignal cancel,
            RunProgress progress, Listener listener) {
        // The GUI decodes a pair to show it; before any run, the same memory check as fuse's from the headers.
        new MemoryGate(method, MemoryBudget.fromSystem()).check(Path.of(pair.name()),
                new ImageSize(pair.width(), pair.height()));
        Optional<ReducedPreview> preview = ReducedPreview.of(pair.width(), pair.height());
        if (preview.isPresent()) {
            ReducedPreview p = preview.get();
            FusionResult reduced = method.run(p.reduce(pair), p.settings(settings), cancel);
            cancel.throwIfCancelled();
            listener.preview(p.enlarge(reduced), p);
            cancel.throwIfCancelled();
        }
        return method.run(pair, settings, cancel, progress);
    }
}
