package org.hazefuse.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hazefuse.method.FusionMethod;

/**
 * A learned model family (IASSF today, LURE next) as the method catalog sees it: its named configurations, how it
 * opens one of them or a weights file as a {@link FusionMethod}, and how it recognises its own weights files. A
 * family keeps its network, configurations and manifest schema in its own package ({@code org.hazefuse.model.<id>});
 * the catalog knows families only through this interface.
 */
public interface ModelFamily {

    /** The family's id, lower case, as written in its weights files' manifests, e.g. {@code iassf}. */
    String id();

    /** Its named configurations, in the order users should meet them. */
    List<Configuration> configurations();

    /** One named configuration and whether trained weights ship for it. */
    record Configuration(String name, String description, boolean trained) {}

    /**
     * Opens a named configuration: with its shipped weights when they exist, else seeded random weights (and a
     * description that says so).
     *
     * @return empty if the family has no configuration of that name
     * @throws org.hazefuse.io.BadInputException if the shipped weights are unusable
     */
    Optional<FusionMethod> open(String configuration, MethodOptions options);

    /**
     * Opens a weights file whose header names this family ({@link org.hazefuse.weights.WeightsHeader}).
     *
     * @throws org.hazefuse.io.BadInputException if the file is unusable
     */
    FusionMethod openWeights(Path file, MethodOptions options);
}
