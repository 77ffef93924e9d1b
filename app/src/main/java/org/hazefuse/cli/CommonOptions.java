package org.hazefuse.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Print stack traces of internal errors and more detail.")
    boolean verbose;
}
