package org.hazefuse.io;

import java.nio.file.Path;

/**
 * The infrared image of a pair has another size than the visible one, and {@link PairLoader} was not asked to
 * resize it ({@link SizeMismatch#FAIL}). A {@link BadInputException} like any other, with the two sizes attached,
 * so a front end can offer {@link SizeMismatch#RESIZE_INFRARED} instead of only reporting it.
 */
public final class InfraredSizeException extends BadInputException {
    private final int visibleWidth;
    private final int visibleHeight;
    private final int infraredWidth;
    private final int infraredHeight;

    public InfraredSizeException(Path infrared, String problem, int visibleWidth, int visibleHeight,
                                 int infraredWidth, int infraredHeight) {
        super(infrared, problem, java.util.List.of(Remedy.RESIZE_INFRARED));
        this.visibleWidth = visibleWidth;
        this.visibleHeight = visibleHeight;
        this.infraredWidth = infraredWidth;
        this.infraredHeight = infraredHeight;
    }

    public int visibleWidth() {
        return visibleWidth;
    }

    public int visibleHeight() {
        return visibleHeight;
    }

    public int infraredWidth() {
        return infraredWidth;
    }

    public int infraredHeight() {
        return infraredHeight;
    }
}
