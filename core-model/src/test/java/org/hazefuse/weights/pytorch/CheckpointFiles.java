package org.hazefuse.weights.pytorch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Checkpoint archives for tests: the layout of torch.save, and raw zips whose headers may lie. */
final class CheckpointFiles {
    static final String FOLDER = "archive/";

    private CheckpointFiles() {}

    /** A torch.save-like archive: {@code archive/data.pkl}, {@code archive/data/<key>}, {@code archive/version}. */
    static Path write(Path file, byte[] pickle, Map<String, byte[]> storages, boolean deflate) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(FOLDER + "data.pkl", pickle);
        storages.forEach((key, bytes) -> entries.put(FOLDER + "data/" + key, bytes));
        entries.put(FOLDER + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return writeZip(file, entries, deflate);
    }

    static Path write(Path file, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        return write(file, pickle, storages, false);
    }

    static Path writeZip(Path file, Map<String, byte[]> entries, boolean deflate) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static byte[] float32(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return bytes.array();
    }

    static byte[] int16(int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bytes.putShort((short) v);
        }
        return bytes.array();
    }

    /** One entry of a {@link #writeRaw raw} zip: its bytes as stored, and the sizes and CRC its headers claim. */
    record RawEntry(String name, boolean deflated, byte[] stored, long declaredSize, long crc) {}

    /** A zip written field by field, so that the declared sizes are whatever the test says. */
    static Path writeRaw(Path file, RawEntry... entries) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        try (OutputStream out = Files.newOutputStream(file)) {
            long offset = 0;
            for (RawEntry e : entries) {
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer local = header(30 + name.length)
                        .putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                        .putShort((short) (e.deflated() ? 8 : 0)).putInt(0)
                        .putInt((int) e.crc()).putInt(e.stored().length).putInt((int) e.declaredSize())
                        .putShort((short) name.length).putShort((short) 0).put(name);
                out.write(local.array());
                out.write(e.stored());
                central.writeBytes(header(46 + name.length)
                        .putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                        .putShort((short) (e.deflated() ? 8 : 0)).putInt(0)
                        .putInt((int) e.crc()).putInt(e.stored().length).putInt((int) e.declaredSize())
                        .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(name)
                        .array());
                offset += local.capacity() + e.stored().length;
            }
            out.write(central.toByteArray());
            out.write(header(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) entries.length).putShort((short) entries.length)
                    .putInt(central.size()).putInt((int) offset).putShort((short) 0).array());
        }
        return file;
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Raw deflate data (as in a zip) of {@code prefix} followed by {@code mebibytes} MiB of zeros. */
    static byte[] deflatedWithZeros(byte[] prefix, int mebibytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fullFlush(prefix));
        // A full flush leaves the deflater with no history: the blocks for 1 MiB of zeros decode the same
        // anywhere, so they can be repeated instead of compressing gibibytes.
        byte[] zeros = fullFlush(new byte[1 << 20]);
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(zeros);
        }
        out.write(0x03); // a last, empty block (fixed Huffman codes, end of block)
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] fullFlush(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.end();
        return out.toByteArray();
    }
}
