package org.hazefuse.model.iassf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ai.djl.ndarray.types.Shape;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.method.RunProgress;
import org.hazefuse.runtime.NativeRuntime;
import org.hazefuse.inference.TilePlan;
import org.hazefuse.image.Tensors;

/**
 * An IASSF network behind the {@link FusionMethod} interface: converts the pair to tensors, runs the network
 * (whole, or in blended overlapping tiles above a pixel budget) and converts the outputs back.
 *
 * <p>Tiling note: the network normalises over the whole input (RLN statistics, the density's min–max), so a tiled
 * result differs slightly from an untiled one; the overlap and the linear blending hide the seams. A network with
 * the physical prior gets the prior of the whole frame, cropped to each tile, so its transmission and airlight do
 * not change from tile to tile.
 */
public final class IassfMethod implements FusionMethod {
    private final String name;
    private final String description;
    private final NDManager manager;
    private final IassfNetwork network;
    private final Device device;
    private final long maxPixels;
    private final int overlap;

    /**
     * @param manager owns the network's parameters; closed with this method
     */
    public IassfMethod(String name, String description, NDManager manager, IassfNetwork network, long maxPixels,
            int overlap) {
        if (maxPixels < 64L * 64) {
            throw new IllegalArgumentException("pixel budget too small: " + maxPixels);
        }
        this.name = name;
        this.description = description;
        this.manager = manager;
        this.network = network;
        this.device = manager.getDevice();
        this.maxPixels = maxPixels;
        this.overlap = overlap;
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
        try (NDManager scope = manager.newSubManager()) {
            NDArray visible = Tensors.fromImage(scope, pair.visible());
            NDArray infrared = Tensors.fromImage(scope, pair.infrared());
            List<TilePlan.Tile> tiles = TilePlan.plan(pair.height(), pair.width(), maxPixels, overlap);
            long networkStart = System.nanoTime();
            IassfOutputs outputs = tiles.size() == 1
                    ? runWhole(scope, visible, infrared, settings, Optional.empty())
                    : runTiled(scope, visible, infrared, settings, tiles, cancel);
            timings.put("network", Duration.ofNanos(System.nanoTime() - networkStart));
            return new FusionResult(Tensors.toImage(outputs.dehazed(), 0), Tensors.toImage(outputs.density(), 0),
                    Tensors.toImage(outputs.fused(), 0), withTotal(timings, start));
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
     * Runs the network once on a (1, 3, H, W) visible and a (1, 1, H, W) infrared tensor in [0, 1]; the outputs are
     * in [0, 1] too.
     *
     * @param prior the dark channel prior for this input, or empty: the network estimates it
     */
    private IassfOutputs runWhole(NDManager scope, NDArray visible, NDArray infrared, DensitySettings settings,
            Optional<DarkChannelPrior.Estimate> prior) {
        IassfInputs inputs = new IassfInputs(Tensors.toSigned(visible),
                Tensors.toThreeChannels(Tensors.toSigned(infrared)), prior);
        IassfOutputs out = network.forward(new ParameterStore(scope, false), inputs, false, settings, StageClock.OFF);
        return new IassfOutputs(Tensors.toUnit(out.dehazed()), out.density(), Tensors.toUnit(out.fused()));
    }

    private IassfOutputs runTiled(NDManager scope, NDArray visible, NDArray infrared, DensitySettings settings,
            List<TilePlan.Tile> tiles, CancelSignal cancel) {
        long h = visible.getShape().get(2);
        long w = visible.getShape().get(3);
        NDArray dehazed = scope.zeros(new Shape(1, 3, h, w));
        NDArray density = scope.zeros(new Shape(1, 1, h, w));
        NDArray fused = scope.zeros(new Shape(1, 3, h, w));
        NDArray weights = scope.zeros(new Shape(1, 1, h, w));
        DarkChannelPrior.Estimate prior = network.config().physicsPrior()
                ? DarkChannelPrior.estimate(visible, settings)
                : null;
        int done = 0;
        for (TilePlan.Tile t : tiles) {
            cancel.throwIfCancelled();
            try (NDManager tileScope = scope.newSubManager()) {
                NDIndex region = new NDIndex(":, :, {}:{}, {}:{}", t.top(), t.top() + t.height(), t.left(),
                        t.left() + t.width());
                Optional<DarkChannelPrior.Estimate> tilePrior = prior == null
                        ? Optional.empty()
                        : Optional.of(new DarkChannelPrior.Estimate(prior.transmission().get(region), prior.airlight()));
                IassfOutputs out = runWhole(tileScope, visible.get(region), infrared.get(region), settings, tilePrior);
                NDArray ramp = blendWeights(tileScope, t.height(), t.width());
                accumulate(dehazed, region, out.dehazed(), ramp);
                accumulate(density, region, out.density(), ramp);
                accumulate(fused, region, out.fused(), ramp);
                weights.set(region, weights.get(region).add(ramp));
            }
            RunProgress.report(cancel, ++done, tiles.size());
        }
        return new IassfOutputs(dehazed.div(weights), density.div(weights), fused.div(weights));
    }

    private static void accumulate(NDArray sum, NDIndex region, NDArray tile, NDArray ramp) {
        sum.set(region, sum.get(region).add(tile.mul(ramp)));
    }

    /** Linear ramps over the overlap on every side, 1 inside: seams fade from one tile into the next. */
    private NDArray blendWeights(NDManager scope, int height, int width) {
        NDArray rows = ramp(scope, height).reshape(1, 1, height, 1);
        NDArray cols = ramp(scope, width).reshape(1, 1, 1, width);
        return rows.mul(cols);
    }

    private NDArray ramp(NDManager scope, int n) {
        NDArray i = scope.arange(0f, (float) n);
        NDArray fromStart = i.add(1).div(overlap + 1f);
        NDArray fromEnd = i.neg().add(n).div(overlap + 1f);
        return fromStart.minimum(fromEnd).minimum(1f);
    }

    @Override
    public void close() {
        manager.close();
    }
}
