package org.hazefuse.gui.viewer;

import org.hazefuse.image.FloatImage;

/** A rectangle of whole pixels in image coordinates: a region of interest. */
public record ImageRect(int x, int y, int width, int height) {
    public ImageRect {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("not a region: " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** The rectangle spanned by two image points, clamped to an image of the given size; null if empty. */
    public static ImageRect spanning(double ax, double ay, double bx, double by, int imageWidth, int imageHeight) {
        int left = (int) Math.max(0, Math.floor(Math.min(ax, bx)));
        int top = (int) Math.max(0, Math.floor(Math.min(ay, by)));
        int right = (int) Math.min(imageWidth, Math.ceil(Math.max(ax, bx)));
        int bottom = (int) Math.min(imageHeight, Math.ceil(Math.max(ay, by)));
        return right > left && bottom > top ? new ImageRect(left, top, right - left, bottom - top) : null;
    }

    /** The part of {@code image} inside this rectangle (which must lie on it). */
    public FloatImage crop(FloatImage image) {
        if (x + width > image.width() || y + height > image.height()) {
            throw new IllegalArgumentException(this + " is not inside a " + image.width() + "x" + image.height() + " image");
        }
        int c = image.channels();
        float[] src = image.data();
        float[] out = new float[c * width * height];
        for (int ch = 0; ch < c; ch++) {
            for (int row = 0; row < height; row++) {
                System.arraycopy(src, ch * image.pixels() + (y + row) * image.width() + x, out,
                        ch * width * height + row * width, width);
            }
        }
        return new FloatImage(width, height, c, out);
    }

    @Override
    public String toString() {
        return width + "×" + height + " at (" + x + ", " + y + ")";
    }
}
