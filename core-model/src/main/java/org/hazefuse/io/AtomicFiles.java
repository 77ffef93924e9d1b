package org.hazefuse.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes files so that a crash or a kill never leaves a partial file behind, and never onto an input.
 *
 * <p>Recipe: write to a hidden temp file in the target's own folder ({@link TempFiles}; same file system, so the
 * rename is a rename), force it to disk, then publish it: under {@link OverwritePolicy#REPLACE} with an atomic move
 * over the target; under {@link OverwritePolicy#REFUSE} with a hard link, which fails if the target exists instead of
 * replacing it (a plain move checks first and renames after, and a rename replaces). On any failure the temp file
 * is deleted and the file system's exception passes through (front ends report its reason: {@link ErrorText}).
 * For a group of files that must appear together, use {@link OutputSetWriter}.
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
        Path tmp = TempFiles.create(dir, target);
        try {
            fill(tmp, body);
            if (policy == OverwritePolicy.REPLACE) {
                replace(tmp, target);
            } else {
                createNew(tmp, target);
            }
        } catch (FileAlreadyExistsException exists) {
            throw new BadInputException(target, "already exists", List.of(Remedy.OVERWRITE, Remedy.OTHER_FOLDER));
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
            throw new BadInputException(target, "already exists", List.of(Remedy.OVERWRITE, Remedy.OTHER_FOLDER));
        }
        return dir;
    }

    /** Fills an existing (temp) file with {@code body} and forces it to disk. */
    static void fill(Path tmp, Body body) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            body.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    /** Moves {@code tmp} over {@code target}: atomically where the file system can, else replacing. */
    static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Publishes {@code tmp} as {@code target} only if no {@code target} exists, as one step: a hard link is created
     * or fails with {@link FileAlreadyExistsException}; the caller deletes {@code tmp} afterwards.
     */
    static void createNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            // No hard links here (FAT, some network shares): the folder just took the temp file, so a refused link
            // is the file system's limit, not a permission. The JDK's move checks, then renames: exclusive only
            // between writers that also hold a claim (OutputSetWriter).
            Files.move(tmp, target);
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
