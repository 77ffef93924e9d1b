package org.hazefuse.gui.inference;

import java.util.List;
import java.util.Optional;
import org.hazefuse.method.FusionMethod;

/**
 * Keeps the one open {@link FusionMethod} (its weights are native memory) and swaps it when another model is
 * chosen. Called from worker threads; synchronized so a swap never races a close.
 */
public final class MethodHolder implements AutoCloseable {
    private final MethodProvider provider;
    private FusionMethod open;
    private String openName;

    public MethodHolder(MethodProvider provider) {
        this.provider = provider;
    }

    /** The named method, opening it (and closing the previous one) if needed. */
    public synchronized FusionMethod get(String name) {
        if (open != null && name.equals(openName)) {
            return open;
        }
        close();
        open = provider.open(name);
        openName = name;
        return open;
    }

    /** Where methods run, e.g. "CPU (2 threads)"; may start the engine, so call it off the UI thread. */
    public String deviceDescription() {
        return provider.deviceDescription();
    }

    /** The models the chooser offers, in display order. */
    public List<String> names() {
        return provider.names();
    }

    /** The model selected when the user has not chosen one. */
    public Optional<String> preferred() {
        return provider.preferred();
    }

    /** What a listed model is; see {@link MethodProvider#kind}. */
    public MethodKind kind(String name) {
        return provider.kind(name);
    }

    /** Closes the method opened under {@code name}, if it is the open one: its weights file was replaced. */
    public synchronized void forget(String name) {
        if (name.equals(openName)) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            FusionMethod m = open;
            open = null;
            openName = null;
            m.close();
        }
    }
}
