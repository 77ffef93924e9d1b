package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import org.hazefuse.image.Resize;

/**
 * Laplacian-pyramid fusion (Burt and Adelson, IEEE Trans. Commun. 31(4), 1983; selection rule as in Burt and
 * Kolczynski, ICCV 1993): both images are decomposed into band-pass levels, each level fused by max-absolute
 * selection, the coarsest (low-pass) level by averaging, and the pyramid collapsed.
 *
 * <p>Reduce: blur with the 5-tap binomial kernel [1 4 6 4 1]/16 (replicate edges) and keep every second row and
 * column (size ⌈n/2⌉); expand: bilinear resize to the finer level's exact size. The band-pass level is
 * G_l − expand(G_{l+1}), so collapsing an unmodified pyramid gives the input back exactly, for any size (odd
 * sizes included). Levels: up to {@value #MAX_LEVELS}, fewer for small images, so the coarsest level is at
 * least 8 pixels on its shorter side.
 */
public final class LaplacianPyramidRule implements FusionRule {
    static final int MAX_LEVELS = 5;
    private static final float[] BINOMIAL = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    @Override
    public String name() {
        return "lap";
    }

    @Override
    public String description() {
        return "Laplacian pyramid, max-absolute band-pass, average low-pass";
    }

    @Override
    public NDArray fuse(NDArray visible, NDArray infrared) {
        int levels = levels(visible.getShape().get(2), visible.getShape().get(3));
        List<NDArray> pv = pyramid(visible, levels);
        List<NDArray> pi = pyramid(infrared, levels);
        List<NDArray> fused = new ArrayList<>();
        for (int l = 0; l < levels - 1; l++) {
            NDArray a = pv.get(l);
            NDArray b = pi.get(l);
            fused.add(NDArrays.where(a.abs().gte(b.abs()), a, b));
        }
        fused.add(pv.get(levels - 1).add(pi.get(levels - 1)).mul(0.5f));
        return collapse(fused);
    }

    /** Number of levels (band-pass levels + 1 low-pass) for an h×w image. */
    static int levels(long h, long w) {
        long side = Math.min(h, w);
        int levels = 1;
        while (levels < MAX_LEVELS && side >= 16) {
            side = (side + 1) / 2;
            levels++;
        }
        return levels;
    }

    /** Band-pass levels, finest first, then the low-pass residual. */
    static List<NDArray> pyramid(NDArray x, int levels) {
        List<NDArray> out = new ArrayList<>();
        NDArray g = x;
        for (int l = 0; l < levels - 1; l++) {
            NDArray next = reduce(g);
            out.add(g.sub(expand(next, g)));
            g = next;
        }
        out.add(g);
        return out;
    }

    static NDArray collapse(List<NDArray> pyramid) {
        NDArray g = pyramid.get(pyramid.size() - 1);
        for (int l = pyramid.size() - 2; l >= 0; l--) {
            NDArray band = pyramid.get(l);
            g = band.add(expand(g, band));
        }
        return g;
    }

    static NDArray reduce(NDArray x) {
        return ImageFilters.separable(x, BINOMIAL).get(new NDIndex(":, :, ::2, ::2"));
    }

    private static NDArray expand(NDArray coarse, NDArray like) {
        return Resize.bilinear(coarse, like.getShape().get(2), like.getShape().get(3));
    }
}
