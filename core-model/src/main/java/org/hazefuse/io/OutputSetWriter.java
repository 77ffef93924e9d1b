package org.hazefuse.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Writes the files of one output set (a pair's {@code _dehazed}, {@code _density} and {@code _fused}) as a unit:
 * a call publishes all of them or none, never mixes them with another run's, and never writes an input.
 *
 * <p>The protocol, per set, in the set's folder:
 * <ol>
 *   <li><b>Claim</b> the set ({@link FileClaim} on its first file's name). HazeFuse writers of the same set, in any
 *       process, take turns here; a holder killed with {@code kill -9} releases the claim with its process.
 *   <li><b>Sweep</b> the stale temp files of the set's names ({@link TempFiles}): temp files of these names are only
 *       made under this claim, so any that exist now were left by a dead writer.
 *   <li><b>Decide</b> from the files present ({@link SetState}) and the {@link ExistingSets} policy: write, skip a
 *       complete set, or refuse. Under the claim this view cannot change because of another HazeFuse writer.
 *   <li><b>Write</b> every file to its own temp file in the folder and force it to disk. A failure here (disk full,
 *       read-only, no permission) deletes the temp files and publishes nothing.
 *   <li><b>Publish</b>, in the set's order. Where the set was absent each file is published with
 *       {@link Files#createLink}, which fails instead of replacing: even a writer that takes no claim (another
 *       tool, an older HazeFuse) is never overwritten, and on such a collision the files already published by this
 *       call are removed again (only while they are still this call's own, compared by file key) and the set is
 *       refused. Where replacing is allowed ({@link ExistingSets#REPLACE}, or an incomplete set under
 *       {@link ExistingSets#SKIP_COMPLETE}) each file is moved over its target atomically.
 *   <li><b>Release</b> the claim, deleting its lock file.
 * </ol>
 * A kill during publication leaves an incomplete set of whole files, which {@link ExistingSets#SKIP_COMPLETE}
 * redoes and {@link ExistingSets#REFUSE} refuses naming the missing file; a kill at any other point leaves no output
 * file at all. File systems without hard links fall back to a move that refuses an existing target: exclusive
 * between HazeFuse writers through the claim, though no longer against writers that take none.
 *
 * <p>For "nothing was written" across a batch, {@link #rollback} removes every set this writer published with
 * create-new links (sets it replaced cannot be restored and are kept).
 *
 * <p>Thread-safe for different sets; one instance may serve a whole batch.
 */
public final class OutputSetWriter {

    /** One file of a set: where it goes and what it holds. */
    public record Output(Path target, AtomicFiles.Body body) {
        public Output {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(body, "body");
        }

        /** A PNG of {@code image} (see {@link PngWriter}). */
        public static Output png(Path target, org.hazefuse.image.FloatImage image, PngWriter.BitDepth depth) {
            return new Output(target, PngWriter.encoder(image, depth));
        }
    }

    /** What {@link #write} did with a set. */
    public enum Outcome {
        WRITTEN,
        /** Complete already (under {@link ExistingSets#SKIP_COMPLETE}); left as it was. */
        SKIPPED
    }

    private record Published(Path target, Object fileKey) {}

    private final AtomicFiles checks;
    private final ExistingSets policy;
    private final List<Published> published = new ArrayList<>();

    /**
     * @param protectedInputs the run's inputs, never written (compared by real path)
     * @param policy what to do with a set whose files exist
     */
    public OutputSetWriter(Collection<Path> protectedInputs, ExistingSets policy) {
        this.checks = new AtomicFiles(protectedInputs, OverwritePolicy.REPLACE);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ExistingSets policy() {
        return policy;
    }

    /**
     * Writes the set: all its files or none.
     *
     * @param set the files, in one folder; the first one's name names the claim
     * @return {@link Outcome#SKIPPED} for a complete set under {@link ExistingSets#SKIP_COMPLETE}, else written
     * @throws BadInputException if a target is an input or a folder, or the set exists and may not be replaced
     *     (nothing of the set was written by this call)
     * @throws OutputWriteException if the file system refuses a write (disk full, read-only, permissions); no file
     *     of the set is left by this call
     * @throws IOException if the claim cannot be taken
     */
    public Outcome write(List<Output> set) throws IOException {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("an output set needs at least one file");
        }
        List<Path> targets = set.stream().map(o -> o.target().toAbsolutePath().normalize()).toList();
        if (new HashSet<>(targets).size() != targets.size()) {
            throw new IllegalArgumentException("an output set names a file twice: " + targets);
        }
        Path folder = checks.checkTarget(targets.get(0));
        for (Path t : targets) {
            if (!checks.checkTarget(t).equals(folder)) {
                throw new IllegalArgumentException("the files of an output set must share one folder: " + targets);
            }
        }
        try (FileClaim claim = claim(folder, targets.get(0))) {
            TempFiles.sweep(folder, targets.stream().map(t -> t.getFileName().toString()).toList());
            SetState state = SetState.of(targets);
            if (policy == ExistingSets.SKIP_COMPLETE && state.complete()) {
                return Outcome.SKIPPED;
            }
            if (policy == ExistingSets.REFUSE && !state.absent()) {
                throw state.refusal();
            }
            List<Path> temps = render(folder, set, targets);
            try {
                if (state.absent()) {
                    publishExclusively(targets, temps);
                } else {
                    publishReplacing(targets, temps);
                }
            } finally {
                for (Path tmp : temps) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Outcome.WRITTEN;
        }
    }

    /**
     * Removes every set this writer published with create-new links, for a batch that ends refused: each file
     * only while it is still the one published (same file key), so nothing another run wrote since is touched.
     */
    public synchronized void rollback() {
        undo(published);
        published.clear();
    }

    private static FileClaim claim(Path folder, Path first) throws IOException {
        try {
            return FileClaim.acquire(folder, first.getFileName().toString());
        } catch (IOException e) {
            throw new OutputWriteException(first, e);
        }
    }

    /** Every file of the set in its own temp file, forced to disk; on failure none is left. */
    private static List<Path> render(Path folder, List<Output> set, List<Path> targets) {
        List<Path> temps = new ArrayList<>();
        int i = 0;
        try {
            for (; i < set.size(); i++) {
                Path tmp = TempFiles.create(folder, targets.get(i));
                temps.add(tmp);
                AtomicFiles.fill(tmp, set.get(i).body());
            }
            return temps;
        } catch (IOException e) {
            deleteQuietly(temps);
            throw new OutputWriteException(targets.get(Math.min(i, targets.size() - 1)), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temps);
            throw e;
        }
    }

    private void publishExclusively(List<Path> targets, List<Path> temps) {
        List<Published> mine = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Path target = targets.get(i);
            try {
                AtomicFiles.createNew(temps.get(i), target);
                mine.add(new Published(target, fileKey(target)));
            } catch (FileAlreadyExistsException e) {
                // A writer that takes no claim got there first: this set is theirs.
                undo(mine);
                throw new BadInputException(target, "already exists (written by another program meanwhile); nothing"
                        + " of this set was written");
            } catch (IOException e) {
                undo(mine);
                throw new OutputWriteException(target, e);
            }
        }
        synchronized (this) {
            published.addAll(mine);
        }
    }

    private static void publishReplacing(List<Path> targets, List<Path> temps) {
        for (int i = 0; i < targets.size(); i++) {
            try {
                AtomicFiles.replace(temps.get(i), targets.get(i));
            } catch (IOException e) {
                throw new OutputWriteException(targets.get(i), e);
            }
        }
    }

    private static void undo(List<Published> mine) {
        for (int i = mine.size() - 1; i >= 0; i--) {
            deleteIfOwn(mine.get(i));
        }
    }

    private static void deleteIfOwn(Published p) {
        try {
            Object key = fileKey(p.target());
            if (key != null && key.equals(p.fileKey())) {
                Files.deleteIfExists(p.target());
            }
        } catch (IOException ignored) {
            // Gone already, or no longer ours: leave it.
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // A leftover temp file is swept by the next writer of this set.
            }
        }
    }
}
