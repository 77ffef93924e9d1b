package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code blur}, the motion kind (docs/design/lure.md, "Degradations"): the average along a straight line of
 * {@code length} pixels at {@code angle} degrees (0 = horizontal, counter-clockwise), centred on each pixel: the
 * blur of a camera moving at constant speed during the exposure. The line is rasterised with bilinear weights
 * (8 samples per pixel of length), so any angle gives a smooth, normalised kernel of about 2·length taps,
 * applied as a sparse convolution ({@link Convolution#sparse}).
 *
 * <p>Ranges of the random draw: odd lengths 5–21 px (the spec's), angle 0–180° uniform.
 *
 * @param length line length in pixels, in [2, 101]
 * @param angle direction in degrees
 */
public record MotionBlur(int length, double angle) implements Degradation {
    public static final int LENGTH_MIN = 5;
    public static final int LENGTH_MAX = 21;

    public MotionBlur {
        Pixels.requireRange("length", length, 2, 101);
        if (!Double.isFinite(angle)) {
            throw new IllegalArgumentException("angle must be finite, got " + angle);
        }
    }

    public static MotionBlur sample(SplittableRandom random) {
        int length = LENGTH_MIN + 2 * random.nextInt((LENGTH_MAX - LENGTH_MIN) / 2 + 1);
        return new MotionBlur(length, Pixels.uniform(random, 0, 180));
    }

    @Override
    public Task task() {
        return Task.BLUR;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] src = image.data();
        float[] out = new float[src.length];
        Convolution.Taps taps = taps();
        int n = image.pixels();
        for (int c = 0; c < image.channels(); c++) {
            Convolution.sparse(src, out, c * n, image.width(), image.height(), taps);
        }
        return Pixels.like(image, out);
    }

    /** The line kernel: samples along the segment, each splatted bilinearly onto the grid, then normalised. */
    Convolution.Taps taps() {
        int radius = (length + 1) / 2 + 1;
        int side = 2 * radius + 1;
        double[] grid = new double[side * side];
        double rad = Math.toRadians(angle);
        double cos = Math.cos(rad);
        double sin = -Math.sin(rad); // image rows grow downwards
        int samples = 8 * length;
        double half = (length - 1) / 2.0;
        for (int s = 0; s < samples; s++) {
            double t = -half + (2 * half) * s / (samples - 1);
            double x = radius + t * cos;
            double y = radius + t * sin;
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            grid[y0 * side + x0] += (1 - fx) * (1 - fy);
            grid[y0 * side + x0 + 1] += fx * (1 - fy);
            grid[(y0 + 1) * side + x0] += (1 - fx) * fy;
            grid[(y0 + 1) * side + x0 + 1] += fx * fy;
        }
        int count = 0;
        double sum = 0;
        for (double v : grid) {
            if (v > 1e-9) {
                count++;
                sum += v;
            }
        }
        int[] dx = new int[count];
        int[] dy = new int[count];
        float[] w = new float[count];
        int k = 0;
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] > 1e-9) {
                dx[k] = i % side - radius;
                dy[k] = i / side - radius;
                w[k] = (float) (grid[i] / sum);
                k++;
            }
        }
        return new Convolution.Taps(dx, dy, w, radius);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "motion");
        p.put("length", length);
        p.put("angle", angle);
        return p;
    }
}
