package org.hazefuse.gui.inference;

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
