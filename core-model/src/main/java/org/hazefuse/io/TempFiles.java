package org.hazefuse.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The temporary files of HazeFuse's writers: {@code .<target name>.<digits>.tmp} in the target's folder (the
 * pattern of {@link Files#createTempFile} with that prefix and suffix), and the sweep that removes stale ones.
 *
 * <p>A sweep deletes only names of this pattern for the target names it is given, so it never touches a file
 * HazeFuse did not create. It must run only where no live writer can be writing those names: under the
 * {@link FileClaim} that every writer of those names holds (see {@link OutputSetWriter} and the trainer's run claim).
 */
public final class TempFiles {
    private static final Pattern RANDOM_PART = Pattern.compile("[0-9]+");
    private static final String SUFFIX = ".tmp";

    private TempFiles() {}

    /**
     * A new, empty temp file for {@code target}, created with mode rw-rw-rw- minus the umask on POSIX systems: the
     * finished file gets the permissions of any file the user creates (e.g. rw-r--r--), not the owner-only rw-------
     * of a plain temp file.
     */
    public static Path create(Path dir, Path target) throws IOException {
        String prefix = prefix(target.getFileName().toString());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, SUFFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        }
        return Files.createTempFile(dir, prefix, SUFFIX);
    }

    /** Whether {@code file} is one of the temp files {@link #create} makes for a target named {@code targetName}. */
    public static boolean isTempOf(Path file, String targetName) {
        String name = file.getFileName().toString();
        String prefix = prefix(targetName);
        if (!name.startsWith(prefix) || !name.endsWith(SUFFIX) || name.length() <= prefix.length() + SUFFIX.length()) {
            return false;
        }
        return RANDOM_PART.matcher(name.substring(prefix.length(), name.length() - SUFFIX.length())).matches();
    }

    /**
     * Deletes the stale temp files of the given target names in {@code dir}; returns how many. Files that cannot be
     * deleted are left (the next sweep tries again); a missing folder has none.
     */
    public static int sweep(Path dir, Collection<String> targetNames) {
        Set<String> names = Set.copyOf(targetNames);
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, entry -> isTempOfAny(entry, names))) {
            for (Path stale : entries) {
                try {
                    if (Files.deleteIfExists(stale)) {
                        deleted++;
                    }
                } catch (IOException ignored) {
                    // Left for the next sweep: a leftover temp file is untidy, not wrong.
                }
            }
        } catch (IOException ignored) {
            // An unreadable or missing folder has nothing this process could sweep.
        }
        return deleted;
    }

    private static boolean isTempOfAny(Path file, Set<String> names) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") || !name.endsWith(SUFFIX)) {
            return false;
        }
        for (String target : names) {
            if (isTempOf(file, target)) {
                return true;
            }
        }
        return false;
    }

    private static String prefix(String targetName) {
        return "." + targetName + ".";
    }
}
