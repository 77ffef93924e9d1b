package org.hazefuse.gui.inference;

import java.util.List;
import java.util.Optional;
import org.hazefuse.method.FusionMethod;

/**
 * The methods the model chooser offers and how to open one. Production:
 * {@link org.hazefuse.gui.adapters.CatalogMethodProvider}; tests pass a fake method.
 */
public interface MethodProvider {
    /**
     * Registry names, e.g. {@code lite}, {@code paper}, {@code dcp+gff}; the chooser lists them by {@link #kind}
     * (trained first), in this order within a kind.
     */
    List<String> names();

    /**
     * Opens (loads weights of) the named method, or a weights file given by path. Slow: called on a worker thread.
     *
     * @throws org.hazefuse.io.BadInputException if the name is unknown or its weights are missing or corrupt
     */
    FusionMethod open(String name);

    /** The method selected when the user has not chosen one: a trained network when there is one. */
    default Optional<String> preferred() {
        return names().stream().findFirst();
    }

    /**
     * What {@code name} is, for the chooser's order and the untrained notice on the panels. A name the provider
     * does not list (a weights file's path) is a trained network.
     */
    default MethodKind kind(String name) {
        return MethodKind.TRAINED_NETWORK;
    }

    /** One line for a tooltip. */
    default String describe(String name) {
        return name;
    }

    /** Where methods run, e.g. "CPU (2 threads)"; may start the engine, so call it off the UI thread. */
    default String deviceDescription() {
        return "CPU";
    }
}
