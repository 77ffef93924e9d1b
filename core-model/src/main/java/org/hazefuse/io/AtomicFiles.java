package org.hazefuse.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes files so that a crash or a kill never leaves a partial file behind, and never onto an input.
 *
 * <p>Recipe: write to a hidden temp file in the target's own folder (same file system, so the rename is a
 * rename), force it to disk, then {@link Files#move} it onto the target with {@code ATOMIC_MOVE}; where the
 * file system cannot do that, with {@code REPLACE_EXISTING}. On any failure the temp file is deleted.
 * Used for PNG outputs here and meant for checkpoints and manifests elsewhere.
 */
public final class AtomicFiles {

    /** The body of a write: fills the stream (which it must not close). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Set<Path> protectedInputs;
    private final OverwritePolicy policy;

    /**
     * @param protectedInputs the run's input files; a write whose target is one of them (compared by real
     *     path, so links and {@code ..} do not fool it) is refused
     * @param policy what to do when the target exists
     */
    public AtomicFiles(Collection<Path> protectedInputs, OverwritePolicy policy) {
        Set<Path> real = new HashSet<>();
        for (Path p : protectedInputs) {
            real.add(canonical(p));
        }
        this.protectedInputs = Set.copyOf(real);
        this.policy = policy;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws BadInputException if the target is an input, exists under {@link OverwritePolicy#REFUSE}, is a
     *     folder, or its folder does not exist
     * @throws IOException if writing fails (disk full, no permission); nothing is left behind
     */
    public void write(Path target, Body body) throws IOException {
        Path dir = checkTarget(target);
        Path tmp = createTemp(dir, target);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Checks a target before any work is done; returns its folder. Callers may use it to fail early. */
    public Path checkTarget(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(target, "output folder " + dir + " does not exist");
        }
        if (protectedInputs.contains(canonical(absolute))) {
            throw new BadInputException(target, "is one of the inputs; refusing to overwrite it");
        }
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(target, "is a folder; cannot write a file there");
        }
        if (policy == OverwritePolicy.REFUSE && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(target, "already exists (allow overwriting or choose another output folder)");
        }
        return dir;
    }

    /**
     * The temp file, created with mode rw-rw-rw- minus the umask on POSIX systems: the finished file gets the
     * permissions of any file the user creates (e.g. rw-r--r--), not the owner-only rw------- of a plain temp file.
     */
    private static Path createTemp(Path dir, Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                if (policy == OverwritePolicy.REPLACE) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, target);
                }
            } catch (FileAlreadyExistsException exists) {
                throw new BadInputException(target, "already exists (allow overwriting or choose another output folder)");
            }
        }
    }

    /** Real path when the file exists; else the real path of its folder plus its name; else the normalized path. */
    static Path canonical(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            if (parent != null) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName());
                } catch (IOException ignored) {
                    // fall through: compare the normalized path
                }
            }
            return absolute;
        }
    }
}
