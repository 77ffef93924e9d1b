package org.hazefuse.gui.adapters;

import ai.djl.Device;
import java.util.List;
import java.util.Optional;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.gui.inference.MethodProvider;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.model.MethodOptions;

/**
 * {@link MethodProvider} over core {@link MethodCatalog}: IASSF configurations (trained when weights ship),
 * the two-stage baselines, and any weights file by path. The device is chosen once (GPU when visible, else CPU),
 * on the first open, off the UI thread.
 */
public final class CatalogMethodProvider implements MethodProvider {
    private volatile Device device;

    @Override
    public List<String> names() {
        return MethodCatalog.list().stream().map(MethodCatalog.Entry::name).toList();
    }

    /** A trained network if one ships, else the dark-channel + guided-filter baseline, else the first listed. */
    @Override
    public Optional<String> preferred() {
        List<MethodCatalog.Entry> entries = MethodCatalog.list();
        return entries.stream().filter(e -> e.kind() == MethodCatalog.Kind.TRAINED_NETWORK).findFirst()
                .or(() -> entries.stream().filter(e -> e.name().equals("dcp+gff")).findFirst())
                .or(() -> entries.stream().findFirst())
                .map(MethodCatalog.Entry::name);
    }

    @Override
    public String describe(String name) {
        return MethodCatalog.list().stream().filter(e -> e.name().equals(name)).map(MethodCatalog.Entry::description)
                .findFirst().orElse(name);
    }

    @Override
    public FusionMethod open(String name) {
        return MethodCatalog.open(name, MethodOptions.defaults(device()));
    }

    @Override
    public String deviceDescription() {
        return Engines.describe(device());
    }

    private Device device() {
        Device d = device;
        if (d == null) {
            synchronized (this) {
                if (device == null) {
                    device = Engines.select("auto");
                }
                d = device;
            }
        }
        return d;
    }
}
