package org.hazefuse.io;

/**
 * What a user can do about a refused input or output, named apart from the message so that each front end can say
 * it in its own terms: the command line names its option ({@code --overwrite}), the GUI its control. The
 * {@link #words} are the front-end-neutral phrasing {@link BadInputException#getMessage()} uses.
 */
public enum Remedy {
    OVERWRITE("allow overwriting"),
    SKIP_EXISTING("skip existing sets"),
    OTHER_FOLDER("choose another output folder"),
    RESIZE_INFRARED("resize the infrared image to the visible one"),
    MORE_MEMORY("allow the run more memory");

    private final String words;

    Remedy(String words) {
        this.words = words;
    }

    /** The remedy in words that name no control. */
    public String words() {
        return words;
    }
}
