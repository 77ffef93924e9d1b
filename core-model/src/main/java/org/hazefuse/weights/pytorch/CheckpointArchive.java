package org.hazefuse.weights.pytorch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The zip archive of a {@code torch.save} checkpoint, read within limits.
 *
 * <p>Sizes in the zip's headers are claims: each entry's declared uncompressed size, and their sum, must be within
 * the limit before anything is inflated, and each entry is then read through a cap at the size it must have, so
 * that an entry inflating to more than it declares (or to less) is refused after reading at most one byte past
 * what was expected. Memory is bounded by what the caller's limit allows. Each entry's CRC-32 is checked too: a
 * damaged download, or parts of a split file joined in the wrong order, must not read as other weights.
 */
final class CheckpointArchive implements Closeable {
    /** data.pkl of a state dict holds about 200 bytes per tensor; this is room for hundreds of thousands. */
    static final int MAX_PICKLE_BYTES = 64 << 20;
    private static final String PICKLE = "data.pkl";
    private static final int CHUNK = 1 << 16;

    private final ZipFile zip;
    private final String folder;
    private final long maxBytes;
    private long bytesRead;

    private CheckpointArchive(ZipFile zip, String folder, long maxBytes) {
        this.zip = zip;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /**
     * Opens the archive and checks its declared sizes and layout.
     *
     * @throws IOException when the zip itself cannot be read (damaged, truncated)
     * @throws Refusal when it is a zip but not a checkpoint within the limit
     */
    static CheckpointArchive open(Path file, long maxBytes) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            String folder = checkEntries(zip, maxBytes);
            return new CheckpointArchive(zip, folder, maxBytes);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Returns the folder all entries sit in ({@code <name>/}) after checking every declared size. */
    private static String checkEntries(ZipFile zip, long maxBytes) {
        String folder = null;
        long declared = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            if (size < 0) {
                throw new Refusal("zip entry " + Refusal.quote(entry.getName()) + " declares no size");
            }
            if (size > maxBytes) {
                throw new Refusal("zip entry " + Refusal.quote(entry.getName()) + " declares " + size
                        + " bytes uncompressed, more than the limit of " + maxBytes);
            }
            declared += size;
            if (declared > maxBytes) {
                throw new Refusal("the zip entries declare more than " + maxBytes
                        + " bytes uncompressed in all, the limit");
            }
            String name = entry.getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals(PICKLE)) {
                if (folder != null) {
                    throw new Refusal("the archive holds two pickles, " + Refusal.quote(folder + PICKLE)
                            + " and " + Refusal.quote(name));
                }
                folder = name.substring(0, slash + 1);
            }
        }
        if (folder == null) {
            throw new Refusal("not a PyTorch checkpoint: the zip holds no <name>/" + PICKLE);
        }
        if (zip.getEntry(folder + "constants.pkl") != null || zip.getEntry(folder + "code/") != null) {
            throw new Refusal("a TorchScript archive (torch.jit.save), not a torch.save checkpoint");
        }
        return folder;
    }

    /** The pickle's bytes, exactly as many as its entry declares. */
    byte[] readPickle() throws IOException {
        ZipEntry entry = zip.getEntry(folder + PICKLE);
        long size = entry.getSize();
        if (size > MAX_PICKLE_BYTES) {
            throw new Refusal(Refusal.quote(entry.getName()) + " declares " + size + " bytes, more than the "
                    + MAX_PICKLE_BYTES + " a state dict's pickle may have");
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = zip.getInputStream(entry)) {
            CRC32 crc = new CRC32();
            readExactly(in, entry, bytes, 0, bytes.length, crc);
            requireEnd(in, entry, crc);
        }
        return bytes;
    }

    /** Refuses a checkpoint written in big-endian byte order (the {@code byteorder} entry of newer versions). */
    void requireLittleEndian() throws IOException {
        ZipEntry entry = zip.getEntry(folder + "byteorder");
        if (entry == null) {
            return; // older versions wrote little-endian only
        }
        if (entry.getSize() > 16) {
            throw new Refusal(Refusal.quote(entry.getName()) + " is " + entry.getSize() + " bytes long");
        }
        byte[] bytes = new byte[(int) entry.getSize()];
        try (InputStream in = zip.getInputStream(entry)) {
            CRC32 crc = new CRC32();
            readExactly(in, entry, bytes, 0, bytes.length, crc);
            requireEnd(in, entry, crc);
        }
        String order = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (!order.equals("little")) {
            throw new Refusal("byte order " + Refusal.quote(order) + " is not supported, only 'little'");
        }
    }

    /** The storage's elements as float32; its entry must hold exactly {@code numel} elements of its type. */
    float[] readStorage(RestrictedUnpickler.StorageRef storage) throws IOException {
        String name = folder + "data/" + storage.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new Refusal("storage " + Refusal.quote(storage.key()) + " is missing: the archive has no "
                    + Refusal.quote(name));
        }
        int bytesPerElement = storage.type().bytesPerElement;
        long expected = storage.numel() * bytesPerElement;
        if (entry.getSize() != expected) {
            throw new Refusal("storage " + Refusal.quote(storage.key()) + " holds " + entry.getSize()
                    + " bytes, but its pickle declares " + storage.numel() + " elements of "
                    + storage.type().qualifiedName() + " (" + expected + " bytes)");
        }
        float[] values = new float[(int) storage.numel()];
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(expected, 1))];
        int perChunk = chunk.length / bytesPerElement;
        try (InputStream in = zip.getInputStream(entry)) {
            CRC32 crc = new CRC32();
            for (int done = 0; done < values.length; ) {
                int count = Math.min(perChunk, values.length - done);
                readExactly(in, entry, chunk, 0, count * bytesPerElement, crc);
                storage.type().decode(chunk, 0, count, values, done);
                done += count;
            }
            requireEnd(in, entry, crc);
        }
        return values;
    }

    private void readExactly(InputStream in, ZipEntry entry, byte[] into, int offset, int length, CRC32 crc)
            throws IOException {
        bytesRead += length;
        if (bytesRead > maxBytes) {
            throw new Refusal("the archive inflates to more than " + maxBytes + " bytes, the limit");
        }
        int got = in.readNBytes(into, offset, length);
        if (got < length) {
            throw new Refusal("zip entry " + Refusal.quote(entry.getName()) + " is truncated: it ends before its "
                    + entry.getSize() + " declared bytes");
        }
        crc.update(into, offset, length);
    }

    /** No byte beyond the declared size, and the CRC-32 the zip declares (java.util.zip checks neither here). */
    private static void requireEnd(InputStream in, ZipEntry entry, CRC32 crc) throws IOException {
        if (in.read() >= 0) {
            throw new Refusal("zip entry " + Refusal.quote(entry.getName()) + " inflates to more than its "
                    + entry.getSize() + " declared bytes");
        }
        if (crc.getValue() != entry.getCrc()) {
            throw new Refusal("zip entry " + Refusal.quote(entry.getName()) + " is damaged: its CRC-32 does not "
                    + "match");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
