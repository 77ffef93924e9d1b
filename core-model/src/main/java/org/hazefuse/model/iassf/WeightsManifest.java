package org.hazefuse.model.iassf;

import java.util.Map;
import org.hazefuse.model.iassf.IassfConfig;

/**
 * The small JSON document stored beside the parameters in a weights file.
 *
 * @param format always {@value WeightsFile#FORMAT}
 * @param formatVersion layout version of the file; loaders reject versions they do not know
 * @param config the configuration the parameters were made for
 * @param sha256 hex SHA-256 of the parameter bytes
 * @param parameters number of scalar parameters
 * @param createdAt ISO-8601 instant
 * @param provenance free-form facts (training steps, data, wall time)
 * @param family the model family, {@value IassfFamily#ID}; files written before families existed have none and
 *     are IASSF's
 */
public record WeightsManifest(String format, int formatVersion, IassfConfig config, String sha256, long parameters,
        String createdAt, Map<String, String> provenance, String family) {
    public WeightsManifest {
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        family = family == null ? IassfFamily.ID : family;
    }
}
