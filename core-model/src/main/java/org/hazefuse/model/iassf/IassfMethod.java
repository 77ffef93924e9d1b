package org.hazefuse.model.iassf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.method.RunProgress;
import org.hazefuse.runtime.NativeRuntime;
import org.hazefuse.statistics.FrameStatistics;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.inference.MemoryBudget;
import org.hazefuse.inference.TileBlender;
import org.hazefuse.inference.TilePlan;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.Resize;
import org.hazefuse.image.Tensors;

/**
 * An IASSF network behind the {@link FusionMethod} interface: converts the pair to tensors, runs the network
 * (whole, or in blended overlapping tiles above a pixel budget) and converts the outputs back.
 *
 * <p>Tiled frames share the whole frame's statistics (RLN, pooling, min–max, airlight; {@link FrameStatistics}),
 * so a tiled run computes nearly what an untiled one does; what differs is what a tile cannot see beyond its
 * overlap (docs/design/tiling.md gives the measured difference).
 */
public final class IassfMethod implements FusionMethod {
    private final String name;
    private final String description;
    private final NDManager manager;
    private final IassfNetwork network;
    private final Device device;
    private final long maxPixels;
    private final int overlap;
    private final MemoryBudget memory;

    /**
     * Peak engine memory of a pass per pixel and per feature channel of the configuration: measured 5.2–5.9 KB a
     * pixel for lite (12 channels) and 12 KB for paper (24) at 80–650 k-pixel tiles (docs/design/tiling.md).
     */
    static final long PASS_BYTES_PER_CHANNEL_PIXEL = 512;

    /**
     * JVM memory per frame pixel while tiling: the decoded pair (16 bytes), the three blended outputs with their
     * weights (32) and the results (28), the decoders' and the PNG encoders' buffers (measured: 110 bytes a pixel
     * on a 7000×7000 pair, 7.2 GB peak).
     */
    static final long FRAME_BYTES_PER_PIXEL = 112;

    /**
     * @param manager owns the network's parameters; closed with this method
     * @param maxPixels frames above this many pixels run in tiles; the memory budget may make tiles smaller
     * @param memory what the process may use; tiles are sized to it
     */
    public IassfMethod(String name, String description, NDManager manager, IassfNetwork network, long maxPixels,
            int overlap, MemoryBudget memory) {
        if (maxPixels < 64L * 64) {
            throw new IllegalArgumentException("pixel budget too small: " + maxPixels);
        }
        this.name = name;
        this.description = description;
        this.manager = manager;
        this.network = network;
        this.device = manager.getDevice();
        this.maxPixels = maxPixels;
        this.memory = memory;
        // Tiles and their overlaps keep the network's alignment.
        int alignment = network.alignment();
        this.overlap = (overlap + alignment - 1) / alignment * alignment;
    }

    public IassfNetwork network() {
        return network;
    }

    public Device device() {
        return device;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
        long start = System.nanoTime();
        Map<String, Duration> timings = new LinkedHashMap<>();
        try {
            List<TilePlan.Tile> tiles = plan(pair.width(), pair.height(), memory.bytes())
                    .orElseThrow(() -> new IllegalStateException(pair.width() + "x" + pair.height()
                            + " does not fit the memory budget " + memory + "; check memoryNeeded first"));
            long networkStart = System.nanoTime();
            FusionResult result = tiles.size() == 1
                    ? runWhole(pair.visible(), pair.infrared(), settings)
                    : runTiled(pair, settings, tiles, cancel);
            timings.put("network", Duration.ofNanos(System.nanoTime() - networkStart));
            return new FusionResult(result.dehazed(), result.density(), result.fused(), withTotal(timings, start));
        } finally {
            // The pass's tensors are closed: hand their memory back before another method's run (NativeRuntime).
            NativeRuntime.releaseFreeMemoryAfter((long) pair.width() * pair.height());
        }
    }

    private static Map<String, Duration> withTotal(Map<String, Duration> timings, long start) {
        timings.put("total", Duration.ofNanos(System.nanoTime() - start));
        return timings;
    }

    /**
     * The tiles of a frame within {@code budget} bytes: the whole frame up to {@code maxPixels}; above, tiles of
     * {@link MethodOptions#TILE_PIXELS} (or {@code maxPixels} if smaller), smaller when the memory left after the
     * process and the frame's own buffers holds less; empty when not even the smallest tile fits.
     */
    private Optional<List<TilePlan.Tile>> plan(int width, int height, long budget) {
        long pixels = (long) width * height;
        long fits = (budget - frameBytes(pixels)) / passBytesPerPixel();
        if (pixels <= maxPixels && pixels <= fits) {
            return Optional.of(List.of(new TilePlan.Tile(0, 0, height, width)));
        }
        long tilePixels = Math.min(Math.min(maxPixels, MethodOptions.TILE_PIXELS), fits);
        if (tilePixels < smallestTile(pixels)) {
            return Optional.empty();
        }
        return Optional.of(TilePlan.plan(height, width, tilePixels, overlap, network.alignment()));
    }

    /** A tile a little wider than its two overlaps, or the whole frame when that is smaller. */
    private long smallestTile(long pixels) {
        long side = 2L * overlap + network.alignment();
        return Math.min(pixels, side * side);
    }

    private long passBytesPerPixel() {
        return PASS_BYTES_PER_CHANNEL_PIXEL * network.config().channels();
    }

    private static long frameBytes(long pixels) {
        return PROCESS_BYTES + FRAME_BYTES_PER_PIXEL * pixels;
    }

    @Override
    public long memoryNeeded(int width, int height, long budget) {
        long pixels = (long) width * height;
        long largestTile = plan(width, height, budget)
                .map(tiles -> tiles.stream().mapToLong(TilePlan.Tile::pixels).max().orElseThrow())
                .orElse(smallestTile(pixels));
        return frameBytes(pixels) + passBytesPerPixel() * largestTile;
    }

    /** One pass of the network over a visible (RGB) and an infrared (gray) image of the same size. */
    private FusionResult runWhole(FloatImage visible, FloatImage infrared, DensitySettings settings) {
        try (NDManager scope = manager.newSubManager()) {
            IassfOutputs out = forward(scope, visible, infrared, settings);
            return new FusionResult(Tensors.toImage(out.dehazed(), 0), Tensors.toImage(out.density(), 0),
                    Tensors.toImage(out.fused(), 0), Map.of());
        }
    }

    /** The network on one (tile of a) pair; outputs in [0, 1]. */
    private IassfOutputs forward(NDManager scope, FloatImage visible, FloatImage infrared, DensitySettings settings) {
        NDArray vis = Tensors.fromImage(scope, visible);
        NDArray ir = Tensors.fromImage(scope, infrared);
        IassfInputs inputs = new IassfInputs(Tensors.toSigned(vis), Tensors.toThreeChannels(Tensors.toSigned(ir)),
                Optional.empty());
        IassfOutputs out = network.forward(new ParameterStore(scope, false), inputs, false, settings, StageClock.OFF);
        return new IassfOutputs(Tensors.toUnit(out.dehazed()), out.density(), Tensors.toUnit(out.fused()));
    }

    /**
     * The frame in tiles (docs/design/tiling.md): first the whole frame on a copy reduced to one tile, to record
     * its whole-frame statistics; then, if the network has extremes or an atmospheric light, each tile up to its
     * last one, to make them exact; then each tile with the frame's statistics, blended into the frame in the
     * JVM's memory. The engine holds one tile at a time.
     */
    private FusionResult runTiled(ImagePair pair, DensitySettings settings, List<TilePlan.Tile> tiles,
            CancelSignal cancel) {
        int width = pair.width();
        int height = pair.height();
        TileBlender dehazed = new TileBlender(width, height, 3, overlap);
        TileBlender density = new TileBlender(width, height, 1, overlap);
        TileBlender fused = new TileBlender(width, height, 3, overlap);
        try (NDManager frameScope = manager.newSubManager();
                FrameStatistics statistics = new FrameStatistics(frameScope)) {
            record(statistics, pair, settings, tiles);
            long frameHeight = IassfNetwork.padded(height);
            long frameWidth = IassfNetwork.padded(width);
            boolean refine = statistics.needsRefining();
            int total = refine ? 2 * tiles.size() : tiles.size();
            int done = 0;
            if (refine) {
                for (TilePlan.Tile t : tiles) {
                    cancel.throwIfCancelled();
                    try (NDManager scope = manager.newSubManager()) {
                        statistics.refine(region(t, frameHeight, frameWidth),
                                () -> forward(scope, visibleTile(pair, t), infraredTile(pair, t), settings));
                    }
                    RunProgress.report(cancel, ++done, total);
                }
            }
            for (TilePlan.Tile t : tiles) {
                cancel.throwIfCancelled();
                FusionResult out;
                try (FrameStatistics.Scope replay = statistics.replaying(region(t, frameHeight, frameWidth))) {
                    out = runWhole(visibleTile(pair, t), infraredTile(pair, t), settings);
                }
                dehazed.add(t, out.dehazed());
                density.add(t, out.density());
                fused.add(t, out.fused());
                RunProgress.report(cancel, ++done, total);
            }
        }
        return new FusionResult(dehazed.result(), density.result(), fused.result(), Map.of());
    }

    private FrameStatistics.Region region(TilePlan.Tile t, long frameHeight, long frameWidth) {
        return new FrameStatistics.Region(t.top(), t.left(), IassfNetwork.padded(t.height()),
                IassfNetwork.padded(t.width()), frameHeight, frameWidth, overlap / 2);
    }

    private static FloatImage visibleTile(ImagePair pair, TilePlan.Tile t) {
        return pair.visible().crop(t.top(), t.left(), t.height(), t.width());
    }

    private static FloatImage infraredTile(ImagePair pair, TilePlan.Tile t) {
        return pair.infrared().crop(t.top(), t.left(), t.height(), t.width());
    }

    /** Records the frame's statistics from a copy of the pair reduced to fit one tile. */
    private void record(FrameStatistics statistics, ImagePair pair, DensitySettings settings,
            List<TilePlan.Tile> tiles) {
        long tilePixels = tiles.stream().mapToLong(TilePlan.Tile::pixels).max().orElseThrow();
        double scale = Math.min(1, Math.sqrt((double) tilePixels / ((long) pair.width() * pair.height())));
        int w = Math.max(network.alignment(), (int) Math.floor(pair.width() * scale));
        int h = Math.max(network.alignment(), (int) Math.floor(pair.height() * scale));
        try (NDManager scope = manager.newSubManager();
                FrameStatistics.Scope recording = statistics.recording()) {
            forward(scope, Resize.resize(pair.visible(), w, h), Resize.resize(pair.infrared(), w, h), settings);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
