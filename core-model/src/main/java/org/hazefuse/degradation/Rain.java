package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code rain} (docs/design/lure.md, "Degradations": a streak layer): {@code y = min(1, x + S)}, the additive
 * rain model of the synthetic deraining sets (rain image = background + streak layer, Yang et al., "Deep joint
 * rain detection and removal from a single image", CVPR 2017), with S the same on every channel (rain is
 * achromatic).
 *
 * <p>The layer S: {@code density·W·H} streaks at uniformly random centres (a streak's half length beyond the
 * borders too, so edges get rain); each streak is a straight segment of {@code length·U(0.7, 1.3)} pixels at
 * {@code angle ± 5°} from vertical, brightness {@code intensity·U(0.6, 1)} tapered by a half sine along its
 * length (drops fade in and out of the exposure), drawn with bilinear weights (about 1–2 px wide). Overlaps
 * add, and S is clipped to [0, 1].
 *
 * <p>Ranges of the random draw (the spec says only "streak layer": <b>choice</b>, after the look of light to
 * heavy synthetic rain sets): density 0.001–0.01 streaks per pixel, length 10–40 px, angle −30° to 30°,
 * intensity 0.3–0.9.
 *
 * @param density streaks per pixel, in (0, 0.1]
 * @param length mean streak length in pixels, in [1, 200]
 * @param angle mean direction in degrees from vertical (positive leans right at the bottom), in [−90, 90]
 * @param intensity peak brightness added, in (0, 1]
 */
public record Rain(double density, double length, double angle, double intensity) implements Degradation {
    public static final double DENSITY_MIN = 0.001;
    public static final double DENSITY_MAX = 0.01;
    public static final double LENGTH_MIN = 10;
    public static final double LENGTH_MAX = 40;
    public static final double ANGLE_MAX = 30;
    public static final double INTENSITY_MIN = 0.3;
    public static final double INTENSITY_MAX = 0.9;

    public Rain {
        Pixels.requireRange("density", density, 1e-6, 0.1);
        Pixels.requireRange("length", length, 1, 200);
        Pixels.requireRange("angle", angle, -90, 90);
        Pixels.requireRange("intensity", intensity, 1e-6, 1);
    }

    /** Light: 0.002 streaks/px, 12 px, 10°, 0.45; medium: 0.005, 20 px, 15°, 0.6; heavy: 0.01, 32 px, 20°, 0.8. */
    public static Rain preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new Rain(0.002, 12, 10, 0.45);
            case MEDIUM -> new Rain(0.005, 20, 15, 0.6);
            case HEAVY -> new Rain(0.01, 32, 20, 0.8);
        };
    }

    public static Rain sample(SplittableRandom random) {
        return new Rain(Pixels.uniform(random, DENSITY_MIN, DENSITY_MAX), Pixels.uniform(random, LENGTH_MIN, LENGTH_MAX),
                Pixels.uniform(random, -ANGLE_MAX, ANGLE_MAX), Pixels.uniform(random, INTENSITY_MIN, INTENSITY_MAX));
    }

    @Override
    public Task task() {
        return Task.RAIN;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] layer = layer(image.width(), image.height(), new SplittableRandom(seed));
        float[] src = image.data();
        float[] out = new float[src.length];
        int n = image.pixels();
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i] = Pixels.clamp(src[c * n + i] + layer[i]);
            }
        }
        return Pixels.like(image, out);
    }

    /** The streak layer S, one channel, in [0, 1]. */
    float[] layer(int width, int height, SplittableRandom random) {
        float[] s = new float[width * height];
        long streaks = Math.round(density * width * height);
        double margin = length * 0.65;
        for (long k = 0; k < streaks; k++) {
            double cx = Pixels.uniform(random, -margin, width - 1 + margin);
            double cy = Pixels.uniform(random, -margin, height - 1 + margin);
            double len = length * Pixels.uniform(random, 0.7, 1.3);
            double theta = Math.toRadians(angle + Pixels.uniform(random, -5, 5));
            double bright = intensity * Pixels.uniform(random, 0.6, 1);
            draw(s, width, height, cx, cy, len, Math.sin(theta), Math.cos(theta), bright);
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(1f, s[i]);
        }
        return s;
    }

    /** One segment, sampled about every half pixel, each sample splatted bilinearly: ≈ {@code bright·taper} per pixel. */
    private static void draw(float[] s, int width, int height, double cx, double cy, double len, double dx, double dy,
            double bright) {
        int samples = Math.max(2, (int) Math.ceil(2 * len));
        for (int i = 0; i < samples; i++) {
            double t = (i + 0.5) / samples; // 0..1 along the streak
            double x = cx + (t - 0.5) * len * dx;
            double y = cy + (t - 0.5) * len * dy;
            double v = bright * Math.sin(Math.PI * t) * len / samples; // ≈ ½ per sample, two samples per pixel
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            splat(s, width, height, x0, y0, v * (1 - fx) * (1 - fy));
            splat(s, width, height, x0 + 1, y0, v * fx * (1 - fy));
            splat(s, width, height, x0, y0 + 1, v * (1 - fx) * fy);
            splat(s, width, height, x0 + 1, y0 + 1, v * fx * fy);
        }
    }

    private static void splat(float[] s, int width, int height, int x, int y, double v) {
        if (x >= 0 && x < width && y >= 0 && y < height) {
            s[y * width + x] += (float) v;
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("density", density);
        p.put("length", length);
        p.put("angle", angle);
        p.put("intensity", intensity);
        return p;
    }
}
