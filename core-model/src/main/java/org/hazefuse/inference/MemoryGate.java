package org.hazefuse.inference;

import org.hazefuse.image.ImageSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.FrameCheck;
import org.hazefuse.io.Remedy;
import org.hazefuse.method.FusionMethod;

/**
 * Refuses a frame whose run would not fit the memory budget, from its header: the process gets a clear message
 * instead of being killed by the system halfway through (docs/design/tiling.md).
 */
public final class MemoryGate implements FrameCheck {
    private final FusionMethod method;
    private final MemoryBudget budget;

    public MemoryGate(FusionMethod method, MemoryBudget budget) {
        this.method = method;
        this.budget = budget;
    }

    @Override
    public void check(Path visible, ImageSize size) {
        long needed = method.memoryNeeded(size.width(), size.height(), budget.bytes());
        if (needed > budget.bytes()) {
            throw new BadInputException(visible, String.format(Locale.ROOT,
                    "too large for the memory budget: %s (%.1f megapixels) needs about %s with %s, the budget is %s"
                            + " (%s); use a smaller frame",
                    size, size.pixels() / 1e6, MemoryBudget.describe(needed), method.name(), budget,
                    budget.chosenByUser() ? "as given" : "three quarters of the memory available"),
                    List.of(Remedy.MORE_MEMORY));
        }
    }
}
