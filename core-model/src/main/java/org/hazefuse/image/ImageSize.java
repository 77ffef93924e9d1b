package org.hazefuse.image;

/** Width and height of an image or frame, e.g. read from a file's header before its pixels are decoded. */
public record ImageSize(int width, int height) {
    public long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
