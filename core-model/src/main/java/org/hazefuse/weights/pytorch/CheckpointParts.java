package org.hazefuse.weights.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hazefuse.io.BadInputException;

/**
 * A checkpoint given as one file or as the parts {@code split} cut it into ({@code IASSF_part_aa}, {@code _ab},
 * {@code _ac}, …, the way the IASSF authors publish theirs), made into one file that {@link TorchCheckpoint} can
 * read, with the SHA-256 of the whole.
 *
 * <p>Given a first part (a name ending in {@code aa} after {@code _}, {@code .} or {@code -}), the following
 * suffixes ({@code ab}, {@code ac}, … {@code az}, {@code ba}, …) are joined in order into a temporary file while
 * they are hashed: one streaming pass, never the whole in memory. The parts must be consecutive (no suffix
 * missing before one that exists) and complete: all but the last the same size, as {@code split} leaves them, and
 * the whole ending in a zip archive's end record, which a missing last part would cut off. Any other file is
 * taken as it is (hashed while it is read once).
 */
public final class CheckpointParts implements AutoCloseable {
    private static final Pattern FIRST_PART = Pattern.compile("(.*[_.-])aa");
    private static final Pattern LATER_PART = Pattern.compile("(.*[_.-])([a-z])([a-z])");
    /** The zip end-of-central-directory record: 22 bytes and a comment of at most 65,535. */
    private static final int END_RECORD = 0x06054b50;
    private static final int MAX_END_SEARCH = 22 + 65_535;
    private static final int MAX_PARTS = 26 * 26;

    private final Path file;
    private final List<Path> parts;
    private final String sha256;
    private final boolean temporary;

    private CheckpointParts(Path file, List<Path> parts, String sha256, boolean temporary) {
        this.file = file;
        this.parts = List.copyOf(parts);
        this.sha256 = sha256;
        this.temporary = temporary;
    }

    /**
     * Opens {@code from}: a checkpoint file, or the first of its parts.
     *
     * @param tempDir where the joined file of parts goes (deleted by {@link #close()})
     * @throws BadInputException when a file is missing or unreadable, a later part is given instead of the first,
     *     or the parts are not consecutive and complete
     */
    public static CheckpointParts open(Path from, Path tempDir) {
        String name = from.getFileName().toString();
        if (!Files.isRegularFile(from)) {
            throw new BadInputException(from, Files.exists(from) ? "not a file" : "no such file");
        }
        Matcher first = FIRST_PART.matcher(name);
        if (!first.matches()) {
            Matcher later = LATER_PART.matcher(name);
            if (later.matches() && Files.isRegularFile(from.resolveSibling(later.group(1) + "aa"))) {
                throw new BadInputException(from, "this is a later part of a split checkpoint: give the first, "
                        + later.group(1) + "aa");
            }
            return new CheckpointParts(from, List.of(from), hashOf(from), false);
        }
        List<Path> parts = findParts(from, first.group(1));
        checkSizes(parts);
        return join(parts, tempDir);
    }

    /** The file to read: {@code from} itself, or the joined parts. */
    public Path file() {
        return file;
    }

    /** The files it was made of, in order (one for a plain checkpoint). */
    public List<Path> parts() {
        return parts;
    }

    /** Hex SHA-256 of the (joined) checkpoint. */
    public String sha256() {
        return sha256;
    }

    /** Deletes the joined file, if one was made. */
    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }

    /** The parts from {@code first} on, stopping at the first missing suffix; refuses gaps after it. */
    private static List<Path> findParts(Path first, String stem) {
        List<Path> parts = new ArrayList<>();
        int i = 0;
        for (; i < MAX_PARTS; i++) {
            Path part = first.resolveSibling(stem + suffix(i));
            if (!Files.isRegularFile(part)) {
                break;
            }
            parts.add(part);
        }
        for (int j = i + 1; j < Math.min(i + 26, MAX_PARTS); j++) {
            Path later = first.resolveSibling(stem + suffix(j));
            if (Files.exists(later)) {
                throw new BadInputException(first, "part " + stem + suffix(i) + " is missing, but "
                        + later.getFileName() + " exists: the parts must be consecutive");
            }
        }
        return parts;
    }

    /** split's suffixes: aa, ab, …, az, ba, … */
    static String suffix(int i) {
        return "" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }

    /** split cuts equal pieces and a shorter (or equal) last one: anything else is a damaged or foreign part. */
    private static void checkSizes(List<Path> parts) {
        try {
            long size = Files.size(parts.get(0));
            for (int i = 1; i < parts.size(); i++) {
                long s = Files.size(parts.get(i));
                boolean last = i == parts.size() - 1;
                if (last ? s > size : s != size) {
                    throw new BadInputException(parts.get(i), "is " + s + " bytes where the parts before it are "
                            + size + ": a truncated part, or one of another split");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(parts.get(0), "cannot read the parts (" + e.getMessage() + ")", e);
        }
    }

    private static CheckpointParts join(List<Path> parts, Path tempDir) {
        Path joined = null;
        try {
            Files.createDirectories(tempDir);
            joined = Files.createTempFile(tempDir, "hazefuse-joined-", ".pth");
            MessageDigest digest = sha256Digest();
            try (OutputStream out = Files.newOutputStream(joined)) {
                for (Path part : parts) {
                    try (InputStream in = new DigestInputStream(Files.newInputStream(part), digest)) {
                        in.transferTo(out);
                    }
                }
            }
            if (!endsWithZipEndRecord(joined)) {
                throw new BadInputException(parts.get(0), "the " + parts.size() + " part(s) "
                        + names(parts) + " do not end a complete archive: is a later part missing?");
            }
            return new CheckpointParts(joined, parts, HexFormat.of().formatHex(digest.digest()), true);
        } catch (IOException e) {
            deleteQuietly(joined);
            throw new BadInputException(parts.get(0), "cannot join the parts (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(joined);
            throw e;
        }
    }

    private static String names(List<Path> parts) {
        return parts.get(0).getFileName() + (parts.size() > 1 ? " … " + parts.get(parts.size() - 1).getFileName()
                : "");
    }

    /** True when the file's last 64 KiB hold a zip end-of-central-directory record whose comment ends the file. */
    private static boolean endsWithZipEndRecord(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, MAX_END_SEARCH);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            for (int i = n - 22; i >= 0; i--) {
                if (littleEndianInt(tail, i) == END_RECORD) {
                    int comment = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
                    if (i + 22 + comment == n) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static int littleEndianInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static String hashOf(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read it (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless; the error that got us here is the one to report
            }
        }
    }
}
