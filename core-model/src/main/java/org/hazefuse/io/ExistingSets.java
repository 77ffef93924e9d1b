package org.hazefuse.io;

/**
 * What a set writer ({@link OutputSetWriter}) does with a pair's outputs that already exist. Inputs are never
 * written, whatever the policy.
 */
public enum ExistingSets {
    /** Any existing file of the set refuses the whole set ({@link BadInputException}); nothing is written. */
    REFUSE,
    /** Existing files are replaced (each atomically; readers see an old or a new file, never a partial one). */
    REPLACE,
    /**
     * A complete set is left as it is and reported skipped; an incomplete one (left by a crash, a kill or an older
     * version) is written again, replacing its own files; an absent one is written as under {@link #REFUSE}.
     */
    SKIP_COMPLETE;

    /** The policy of the command line's flags; {@code --overwrite} wins over {@code --skip-existing}. */
    public static ExistingSets of(boolean overwrite, boolean skipExisting) {
        return overwrite ? REPLACE : skipExisting ? SKIP_COMPLETE : REFUSE;
    }
}
