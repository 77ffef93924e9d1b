package org.hazefuse.cli;

import org.hazefuse.runtime.Engines;
import ai.djl.Device;
import picocli.CommandLine.Option;

/** Device and threads of the PyTorch engine, for every command that runs a network. */
final class EngineOptions {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Compute device (default: ${DEFAULT-VALUE}: the GPU when PyTorch sees one, else the CPU).")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads of the engine (default: PyTorch's choice, usually the number of cores).")
    Integer threads;

    /**
     * Applies the thread count and picks the device; call once, before any network is built.
     *
     * @throws IllegalArgumentException for an unknown device, {@code gpu} without one, or threads below 1
     */
    Device apply() {
        if (threads != null) {
            Engines.configureThreads(threads);
        }
        return Engines.select(device);
    }
}
