package org.hazefuse.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * An exclusive claim, between processes and threads, on a group of names in a folder: while one holder has it,
 * no other HazeFuse writer of those names works there. Held as an operating-system lock on a hidden file
 * {@code .<name>.lock}, so a holder killed with {@code kill -9} releases it with its process; whatever it left
 * behind (temp files, an incomplete set) is then known to be stale and is the next holder's to clean.
 *
 * <p>Three details make it hold:
 * <ul>
 *   <li><b>One descriptor per JVM.</b> POSIX drops all of a process's locks on a file when <em>any</em> descriptor
 *       of it is closed, so threads of one JVM queue on a Java permit first, and only the thread holding it opens the
 *       file. Nothing else opens the lock file while it is held (its identity is checked with {@code stat}, below).
 *   <li><b>The lock file is deleted on release</b>, so a finished run leaves nothing behind. That creates the
 *       classic race (a waiter may lock the file just unlinked, which guards nothing); so after locking, the claimant
 *       gives the locked file a random (sparse) length through its own descriptor and compares the size the path shows: only a
 *       match means it holds the file the path names (the file keys before and after must agree too), else it tries
 *       again.
 *   <li>Released by deleting the file <em>before</em> unlocking, so whoever locks the file after it sees that.
 * </ul>
 *
 * <p>Advisory: it coordinates HazeFuse processes. Writers that do not take it are kept from replacing files by the
 * create-new publication of {@link OutputSetWriter}, not by this claim.
 */
public final class FileClaim implements AutoCloseable {
    private static final int SIZE_TOKENS = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Path, InJvm> IN_THIS_JVM = new ConcurrentHashMap<>();

    /**
     * The permit threads of this JVM queue on for one lock file; dropped when no thread uses it. Not reentrant: a
     * thread holding the claim is refused it a second time, like another process.
     */
    private static final class InJvm {
        final Semaphore lock = new Semaphore(1);
        int users;
    }

    private final Path file;
    private final InJvm local;
    /** Closing the channel releases its lock. */
    private final FileChannel channel;

    private FileClaim(Path file, InJvm local, FileChannel channel) {
        this.file = file;
        this.local = local;
        this.channel = channel;
    }

    /** The lock file of a claim on {@code name} in {@code folder}. */
    public static Path lockFile(Path folder, String name) {
        return folder.resolve("." + name + ".lock");
    }

    /** Waits for the claim on {@code name} in {@code folder} (a live holder finishes; a dead one has released it). */
    public static FileClaim acquire(Path folder, String name) throws IOException {
        Path file = lockFile(folder, name).toAbsolutePath().normalize();
        InJvm local = enter(file);
        try {
            local.lock.acquire();
        } catch (InterruptedException e) {
            leave(file, local);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + file);
        }
        return lockFile(file, local, true).orElseThrow();
    }

    /** The claim if nobody holds it now; empty if a live process or another thread does. */
    public static Optional<FileClaim> tryAcquire(Path folder, String name) throws IOException {
        Path file = lockFile(folder, name).toAbsolutePath().normalize();
        InJvm local = enter(file);
        if (!local.lock.tryAcquire()) {
            leave(file, local);
            return Optional.empty();
        }
        return lockFile(file, local, false);
    }

    /** With this JVM's permit taken: the OS lock on the file the path names; empty only when not waiting. */
    private static Optional<FileClaim> lockFile(Path file, InJvm local, boolean wait) throws IOException {
        try {
            while (true) {
                RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw"); // creates a missing file
                FileChannel channel = open.getChannel();
                try {
                    Object keyBefore = fileKey(file);
                    FileLock lock = wait ? channel.lock() : channel.tryLock();
                    if (lock == null) {
                        channel.close();
                        release(file, local);
                        return Optional.empty();
                    }
                    if (holdsThePath(file, open, keyBefore)) {
                        return Optional.of(new FileClaim(file, local, channel));
                    }
                    channel.close(); // a lock on a file unlinked meanwhile: try the one the path names now
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            release(file, local);
            throw e;
        }
    }

    /** Whether the locked file is the one at the path: same key as before locking, and the size just given to it. */
    private static boolean holdsThePath(Path file, RandomAccessFile open, Object keyBefore) throws IOException {
        long token = 1 + RANDOM.nextInt(SIZE_TOKENS);
        // A sparse length, not written bytes: a claim on a full disk still works, so the set's own write reports it.
        open.setLength(token);
        BasicFileAttributes atPath;
        try {
            // stat, never open: closing any descriptor of the file would drop this process's lock on it.
            atPath = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException deletedMeanwhile) {
            return false;
        }
        return atPath.size() == token && open.length() == token
                && (keyBefore == null || keyBefore.equals(atPath.fileKey()));
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException deletedMeanwhile) {
            return "deleted";
        }
    }

    private static InJvm enter(Path file) {
        return IN_THIS_JVM.compute(file, (k, v) -> {
            InJvm local = v == null ? new InJvm() : v;
            local.users++;
            return local;
        });
    }

    private static void release(Path file, InJvm local) {
        local.lock.release();
        leave(file, local);
    }

    private static void leave(Path file, InJvm local) {
        IN_THIS_JVM.compute(file, (k, v) -> --local.users == 0 ? null : v);
    }

    /** Deletes the lock file, then releases the lock (in this order: see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                channel.close();
            } finally {
                release(file, local);
            }
        }
    }
}
