package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code blur}, the defocus kind (docs/design/lure.md, "Degradations"): a Gaussian of standard deviation σ,
 * separable, borders replicated ({@link Convolution#separable}). A defocused lens spreads a point into a disc;
 * the Gaussian is the usual smooth stand-in for it in restoration benchmarks. The presets of {@code blur} are
 * this kind, so that an evaluation table means one blur; half of the random draws are {@link MotionBlur}.
 *
 * <p>Range of the random draw: σ 1–3 px (the spec's).
 *
 * @param sigma standard deviation in pixels, in (0, 20]
 */
public record GaussianBlur(double sigma) implements Degradation {
    public static final double SIGMA_MIN = 1;
    public static final double SIGMA_MAX = 3;

    public GaussianBlur {
        Pixels.requireRange("sigma", sigma, 1e-3, 20);
    }

    /** Light: σ 1.2 px; medium: 2.0; heavy: 2.8. */
    public static GaussianBlur preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new GaussianBlur(1.2);
            case MEDIUM -> new GaussianBlur(2.0);
            case HEAVY -> new GaussianBlur(2.8);
        };
    }

    public static GaussianBlur sample(SplittableRandom random) {
        return new GaussianBlur(Pixels.uniform(random, SIGMA_MIN, SIGMA_MAX));
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
        float[] kernel = Convolution.gaussianKernel(sigma);
        int n = image.pixels();
        for (int c = 0; c < image.channels(); c++) {
            Convolution.separable(src, out, c * n, image.width(), image.height(), kernel);
        }
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "gaussian");
        p.put("sigma", sigma);
        return p;
    }
}
