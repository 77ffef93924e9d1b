package org.hazefuse.io;

/** What a writer does when the target file already exists. Inputs are never overwritten, whatever the policy. */
public enum OverwritePolicy {
    /** Fail with a {@link BadInputException} naming the existing file. */
    REFUSE,
    /** Replace the existing file (atomically, so readers see the old or the new file, never a partial one). */
    REPLACE
}
