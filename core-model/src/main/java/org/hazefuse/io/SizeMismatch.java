package org.hazefuse.io;

/** What {@link PairLoader} does when the infrared image's size differs from the visible image's. */
public enum SizeMismatch {
    /** Fail with a {@link BadInputException} naming both files and both sizes (the default: pairs must be registered). */
    FAIL,
    /** Resize the infrared image to the visible size (area averaging when shrinking, bilinear when enlarging). */
    RESIZE_INFRARED
}
