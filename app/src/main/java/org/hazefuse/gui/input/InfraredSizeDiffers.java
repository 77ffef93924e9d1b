package org.hazefuse.gui.input;

import java.util.Locale;

/**
 * A pair's infrared image has another size than its visible image. Thrown by a {@link PairReader} instead of a
 * plain failure, so the GUI can offer to resize the infrared image rather than only report the problem.
 */
public final class InfraredSizeDiffers extends RuntimeException {
    private final InputPair pair;
    private final String visibleSize;
    private final String infraredSize;

    public InfraredSizeDiffers(InputPair pair, int visibleWidth, int visibleHeight, int infraredWidth,
                               int infraredHeight, Throwable cause) {
        super(pair.infrared() + ": size " + size(infraredWidth, infraredHeight) + " differs from the visible image "
                + pair.visible() + " (" + size(visibleWidth, visibleHeight) + ")", cause);
        this.pair = pair;
        this.visibleSize = size(visibleWidth, visibleHeight);
        this.infraredSize = size(infraredWidth, infraredHeight);
    }

    private static String size(int w, int h) {
        return String.format(Locale.ROOT, "%dx%d", w, h);
    }

    /** The question the GUI asks: both files, both sizes, and what resizing does and does not fix. */
    public String question() {
        return "The infrared image " + pair.infrared().getFileName() + " is " + infraredSize + ", the visible image "
                + pair.visible().getFileName() + " is " + visibleSize + ".\n\n"
                + "Resize the infrared image to the visible size? This is right when both cameras see the same view "
                + "(a registered pair at another resolution); it does not align images that show different views.";
    }

    public InputPair pair() {
        return pair;
    }
}
