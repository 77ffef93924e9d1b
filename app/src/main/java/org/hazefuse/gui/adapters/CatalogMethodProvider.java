package org.hazefuse.gui.adapters;

import ai.djl.Device;
import java.util.List;
import java.util.Optional;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.gui.inference.MethodKind;
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
    private volatile List<MethodCatalog.Entry> entries;

    /** The catalog's list, read once: listing reads the shipped weights' manifests, and it does not change. */
    private List<MethodCatalog.Entry> entries() {
        List<MethodCatalog.Entry> e = entries;
        if (e == null) {
            e = MethodCatalog.list();
            entries = e;
        }
        return e;
    }

    @Override
    public List<String> names() {
        return entries().stream().map(MethodCatalog.Entry::name).toList();
    }

    /**
     * A trained network if one ships, else the dark-channel + guided-filter baseline, else any baseline: never
     * an untrained configuration while anything else is listed.
     */
    @Override
    public Optional<String> preferred() {
        return entries().stream().filter(e -> e.kind() == MethodCatalog.Kind.TRAINED_NETWORK).findFirst()
                .or(() -> entries().stream().filter(e -> e.name().equals("dcp+gff")).findFirst())
                .or(() -> entries().stream().filter(e -> e.kind() != MethodCatalog.Kind.UNTRAINED_NETWORK).findFirst())
                .or(() -> entries().stream().findFirst())
                .map(MethodCatalog.Entry::name);
    }

    @Override
    public MethodKind kind(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> switch (e.kind()) {
                    case TRAINED_NETWORK -> MethodKind.TRAINED_NETWORK;
                    case BASELINE -> MethodKind.BASELINE;
                    case UNTRAINED_NETWORK -> MethodKind.UNTRAINED_NETWORK;
                })
                .orElse(MethodKind.TRAINED_NETWORK);
    }

    @Override
    public String describe(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).map(MethodCatalog.Entry::description)
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
