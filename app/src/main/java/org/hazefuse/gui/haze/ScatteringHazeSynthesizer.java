package org.hazefuse.gui.haze;

import org.hazefuse.image.FloatImage;

/**
 * The atmospheric scattering model of IASSF.md, "Haze synthesis": I = J·t + A·(1 − t), t = exp(−β·d), with a
 * smooth depth proxy d in [0, 1] per {@link DepthMode}: constant 1, 1 at the top row falling to 0 at the bottom,
 * or 1 at the centre falling to 0 at the corners.
 *
 * <p>Used for the live preview until the core synthesizer of {@code org.hazefuse.haze} (helper io-haze) is merged;
 * the GUI sees only {@link HazeSynthesizer}, so the swap is one line in {@code HazeFuseApp}.
 */
public final class ScatteringHazeSynthesizer implements HazeSynthesizer {

    @Override
    public FloatImage apply(FloatImage clear, HazeSettings s) {
        FloatImage rgb = clear.toRgb();
        int w = rgb.width();
        int h = rgb.height();
        int n = rgb.pixels();
        float[] t = transmission(w, h, s);
        float[] in = rgb.data();
        float[] out = new float[3 * n];
        float a = (float) s.airlight();
        for (int c = 0; c < 3; c++) {
            int off = c * n;
            for (int i = 0; i < n; i++) {
                out[off + i] = in[off + i] * t[i] + a * (1 - t[i]);
            }
        }
        return new FloatImage(w, h, 3, out);
    }

    /** t = exp(−β·d) for every pixel, row-major. */
    static float[] transmission(int w, int h, HazeSettings s) {
        float[] t = new float[w * h];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double maxR = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = switch (s.depthMode()) {
                    case UNIFORM -> 1.0;
                    case VERTICAL -> h == 1 ? 1.0 : 1.0 - (double) y / (h - 1);
                    case RADIAL -> maxR == 0 ? 1.0 : 1.0 - Math.hypot(x - cx, y - cy) / maxR;
                };
                t[y * w + x] = (float) Math.exp(-s.beta() * d);
            }
        }
        return t;
    }
}
