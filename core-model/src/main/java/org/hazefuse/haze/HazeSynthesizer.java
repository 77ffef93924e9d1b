package org.hazefuse.haze;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.SplittableRandom;
import org.hazefuse.runtime.Engines;
import java.util.Optional;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;
import org.hazefuse.image.Resize;

/**
 * Applies the atmospheric scattering model {@code I = J·t + A·(1 − t)}, {@code t = exp(−β·d)} (docs/design/iassf.md,
 * "Haze synthesis") with engine tensor ops: the depth proxy is built from {@code arange} rows and columns,
 * the rest is element-wise {@code exp}, {@code mul}, {@code add} with broadcasting. No per-pixel Java loop.
 *
 * <p>Shapes: clear J (3, H, W); depth d and transmission t (1, H, W); airlight A (3, 1, 1). Values in [0, 1].
 * Stateless and thread-safe; the {@link FloatImage} methods run on the CPU in their own {@link NDManager}
 * scope, the tensor methods on the caller's manager and device.
 */
public final class HazeSynthesizer {

    /** Side of the coarse random grid that is enlarged into the smooth relief field. */
    static final int RELIEF_GRID = 4;

    private HazeSynthesizer() {
    }

    /**
     * The pair a method runs on when haze is synthesized: the visible image hazed, the clear one kept as its
     * reference (for PSNR, SSIM and training targets), the infrared image unchanged. The one place a hazy pair is
     * built from a clear one (evaluation, validation, the GUI's synthesis and its export).
     */
    public static ImagePair hazePair(ImagePair clear, HazeSettings settings) {
        FloatImage hazy = apply(clear.visible(), settings).hazy();
        return new ImagePair(clear.name(), hazy, clear.infrared(), Optional.of(clear.visible()));
    }

    /**
     * Hazes a clear RGB image with a UNIFORM, RADIAL or VERTICAL depth proxy.
     *
     * @throws IllegalArgumentException if {@code clear} is not RGB or the mode is {@link DepthMode#DEPTH_IMAGE}
     */
    public static HazeResult apply(FloatImage clear, HazeSettings settings) {
        if (settings.mode() == DepthMode.DEPTH_IMAGE) {
            throw new IllegalArgumentException("DEPTH_IMAGE needs a depth image: use apply(clear, settings, depth)");
        }
        return apply(clear, settings, null);
    }

    /**
     * Hazes a clear RGB image; {@code depth} (one channel, [0, 1], 1 = far) is the proxy shape in
     * {@link DepthMode#DEPTH_IMAGE} mode and is resized to the image when its size differs (a depth proxy is
     * smooth, so this loses nothing that matters). It is ignored in the other modes and may be null there.
     */
    public static HazeResult apply(FloatImage clear, HazeSettings settings, FloatImage depth) {
        if (clear.channels() != 3) {
            throw new IllegalArgumentException("haze is synthesized on RGB images, got " + clear.channels() + " channel(s)");
        }
        int w = clear.width();
        int h = clear.height();
        try (NDManager manager = Engines.cpuManager()) {
            NDArray j = manager.create(clear.data(), new Shape(3, h, w));
            NDArray shape = null;
            if (settings.mode() == DepthMode.DEPTH_IMAGE) {
                if (depth == null || depth.channels() != 1) {
                    throw new IllegalArgumentException("DEPTH_IMAGE needs a one-channel depth image");
                }
                FloatImage sized = Resize.resize(depth, w, h);
                shape = manager.create(sized.data(), new Shape(1, h, w));
            }
            NDArray t = transmission(manager, w, h, settings, shape);
            NDArray hazy = hazy(j, t, settings.airlight());
            return new HazeResult(new FloatImage(w, h, 3, hazy.toFloatArray()),
                    new FloatImage(w, h, 1, t.toFloatArray()));
        }
    }

    /**
     * {@code J·t + A·(1 − t)} for J (3, H, W) or (N, 3, H, W) and t broadcastable to it, clamped to [0, 1]
     * against float rounding; the result belongs to J's manager.
     */
    public static NDArray hazy(NDArray clear, NDArray transmission, HazeSettings.Airlight airlight) {
        NDArray a = clear.getManager().create(airlight.toArray(), new Shape(3, 1, 1));
        // J·t + A·(1 − t) = A + (J − A)·t: one sub, one mul, one add.
        return clear.sub(a).mul(transmission).add(a).clip(0f, 1f);
    }

    /** Transmission {@code exp(−β·d)}, shape (1, H, W); {@code shape} is the DEPTH_IMAGE proxy (1, H, W) or null. */
    public static NDArray transmission(NDManager manager, int width, int height, HazeSettings settings, NDArray shape) {
        return depth(manager, width, height, settings, shape).mul(-settings.beta()).exp();
    }

    /** Depth {@code d = clamp(near + (1 − near)·s + relief·(n − ½), 0, 1)}, shape (1, H, W). */
    public static NDArray depth(NDManager manager, int width, int height, HazeSettings settings, NDArray shape) {
        NDArray s = switch (settings.mode()) {
            case UNIFORM -> manager.ones(new Shape(1, height, width));
            case VERTICAL -> vertical(manager, width, height);
            case RADIAL -> radial(manager, width, height, settings.centerX(), settings.centerY());
            case DEPTH_IMAGE -> {
                if (shape == null) {
                    throw new IllegalArgumentException("DEPTH_IMAGE needs a depth image");
                }
                yield shape.clip(0f, 1f);
            }
        };
        NDArray d = s.mul(1 - settings.near()).add(settings.near());
        if (settings.relief() > 0) {
            d = d.add(relief(manager, width, height, settings.seed()).sub(0.5f).mul(settings.relief()));
        }
        return d.clip(0f, 1f);
    }

    /** 1 at the top row, 0 at the bottom row: (1, H, W). */
    private static NDArray vertical(NDManager manager, int width, int height) {
        NDArray rows = manager.arange(0f, height, 1f, DataType.FLOAT32).reshape(1, height, 1);
        NDArray s = height > 1 ? rows.div(height - 1).neg().add(1f) : rows.zerosLike().add(1f);
        return s.broadcast(new Shape(1, height, width));
    }

    /** 1 at (cx, cy), falling linearly with distance to 0 at the farthest corner: (1, H, W). */
    private static NDArray radial(NDManager manager, int width, int height, double centerX, double centerY) {
        double cx = centerX * (width - 1);
        double cy = centerY * (height - 1);
        double rMax = Math.max(Math.max(Math.hypot(cx, cy), Math.hypot(width - 1 - cx, cy)),
                Math.max(Math.hypot(cx, height - 1 - cy), Math.hypot(width - 1 - cx, height - 1 - cy)));
        if (rMax == 0) {
            return manager.ones(new Shape(1, height, width));
        }
        NDArray dx = manager.arange(0f, width, 1f, DataType.FLOAT32).sub((float) cx).square().reshape(1, 1, width);
        NDArray dy = manager.arange(0f, height, 1f, DataType.FLOAT32).sub((float) cy).square().reshape(1, height, 1);
        return dx.add(dy).sqrt().div((float) rMax).neg().add(1f);
    }

    /**
     * Smooth random field in [0, 1]: a {@value #RELIEF_GRID}×{@value #RELIEF_GRID} grid of uniform values from
     * {@code seed} (Java's SplittableRandom, so it does not depend on the engine's global RNG), enlarged
     * bilinearly with corners aligned. (1, H, W).
     */
    static NDArray relief(NDManager manager, int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] grid = new float[RELIEF_GRID * RELIEF_GRID];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) random.nextDouble();
        }
        NDArray coarse = manager.create(grid, new Shape(1, 1, RELIEF_GRID, RELIEF_GRID));
        NDArray fine = JniUtils.interpolate((PtNDArray) coarse, new long[] {height, width}, 2, true);
        return fine.reshape(1, height, width);
    }
}
