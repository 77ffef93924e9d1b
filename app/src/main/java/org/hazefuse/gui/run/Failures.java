package org.hazefuse.gui.run;

import org.hazefuse.io.BadInputException;
import org.slf4j.Logger;

/** How a failed read or run is logged. */
final class Failures {
    private Failures() {
    }

    /** Bad input is the user's to fix: one log line. Anything else is a bug: full stack trace for the report. */
    static void log(Logger log, String what, Throwable e) {
        if (e instanceof BadInputException) {
            log.info("{}: {}", what, e.getMessage());
        } else {
            log.warn(what, e);
        }
    }
}
