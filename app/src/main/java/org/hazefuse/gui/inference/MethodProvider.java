package org.hazefuse.gui.inference;

import java.util.List;
import org.hazefuse.method.FusionMethod;

/**
 * The methods the model chooser offers and how to open one. Production adapts the method catalog of
 * {@code org.hazefuse.method}; tests pass a fake method.
 */
public interface MethodProvider {
    /** Registry names in display order, e.g. {@code lite}, {@code paper}, {@code dcp+gff}. */
    List<String> names();

    /**
     * Opens (loads weights of) the named method. Slow: called on a worker thread.
     *
     * @throws org.hazefuse.io.BadInputException if its weights are missing or corrupt
     */
    FusionMethod open(String name);

    /** A provider with no methods, until the catalog exists. */
    MethodProvider NONE = new MethodProvider() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public FusionMethod open(String name) {
            throw new IllegalStateException("No fusion method is available in this build.");
        }
    };
}
