package org.hazefuse.gui.viewer;

import org.hazefuse.image.FloatImage;

/** A line in image coordinates (pixel units, see {@link ViewerViewModel}), e.g. across an edge. */
public record ImageLine(double x0, double y0, double x1, double y1) {

    public double length() {
        return Math.hypot(x1 - x0, y1 - y0);
    }

    /**
     * The values along the line, one per pixel of length (at least two): the pixel under each point, its luma for a
     * colour image, so every panel's curve is in the same 0–1 units. Points off the image are NaN.
     */
    public double[] sample(FloatImage image) {
        int n = Math.max(2, (int) Math.ceil(length()) + 1);
        FloatImage gray = image.channels() == 1 ? image : image.luma();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            int x = (int) Math.floor(x0 + (x1 - x0) * t);
            int y = (int) Math.floor(y0 + (y1 - y0) * t);
            x = Math.min(x, image.width() - 1);
            y = Math.min(y, image.height() - 1);
            out[i] = x < 0 || y < 0 ? Double.NaN : gray.get(0, y, x);
        }
        return out;
    }
}
