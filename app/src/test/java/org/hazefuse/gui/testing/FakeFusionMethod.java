package org.hazefuse.gui.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * A fast stand-in for a network: dehazed = visible, density = luma of the visible scaled by ω (so slider
 * changes show), fused = average of visible and infrared. Records every call.
 */
public final class FakeFusionMethod implements FusionMethod {
    public static final String NAME = "fake";
    private final List<DensitySettings> calls = new ArrayList<>();
    private boolean closed;
    /** Tiles to report progress for (0: a run in one piece, no progress), and what the test does after each. */
    public volatile int tiles;
    public volatile Runnable afterTile = () -> { };

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fake method (test), CPU";
    }

    @Override
    public synchronized FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
        calls.add(settings);
        cancel.throwIfCancelled();
        for (int t = 1; t <= tiles; t++) {
            org.hazefuse.method.RunProgress.report(cancel, t, tiles);
            afterTile.run();
        }
        FloatImage vis = pair.visible();
        float[] luma = vis.luma().data();
        float[] density = new float[luma.length];
        for (int i = 0; i < luma.length; i++) {
            density[i] = (float) (luma[i] * settings.omega());
        }
        float[] v = vis.data();
        float[] ir = pair.infrared().toRgb().data();
        float[] fused = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            fused[i] = (v[i] + ir[i]) / 2;
        }
        return new FusionResult(vis, new FloatImage(vis.width(), vis.height(), 1, density),
                new FloatImage(vis.width(), vis.height(), 3, fused), Map.of("total", Duration.ofMillis(3)));
    }

    public synchronized List<DensitySettings> calls() {
        return List.copyOf(calls);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
