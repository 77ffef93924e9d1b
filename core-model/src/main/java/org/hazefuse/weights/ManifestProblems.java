package org.hazefuse.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hazefuse.io.ErrorText;

/**
 * One-line descriptions of a manifest or header that cannot be parsed. Jackson's messages add a second line with
 * the parser's location, and wrap a configuration's own refusal ("five restoration stages expected") in words about
 * constructors; a user needs the refusal.
 */
public final class ManifestProblems {
    private ManifestProblems() {}

    public static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return "invalid configuration: " + ErrorText.oneLine(t.getMessage());
            }
        }
        if (e instanceof JsonProcessingException json) {
            return ErrorText.oneLine(json.getOriginalMessage());
        }
        return ErrorText.reason(e);
    }
}
