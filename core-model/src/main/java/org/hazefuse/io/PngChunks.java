package org.hazefuse.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Checks the chunk structure and every chunk's CRC of a PNG file. Java's PNG decoder does not compare CRCs, so a
 * flipped bit inside the compressed pixels can decode silently into wrong pixels; a PNG with a bad CRC is corrupt
 * by the PNG specification (section 5.3) and is refused as a bad input instead.
 */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BUFFER = 64 * 1024;

    private PngChunks() {}

    /**
     * Reads {@code file} chunk by chunk up to {@code IEND}.
     *
     * @throws BadInputException naming the first bad chunk and where it starts, or the truncation
     */
    static void verify(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, BUFFER))) {
            byte[] signature = in.readNBytes(SIGNATURE.length);
            if (!java.util.Arrays.equals(signature, SIGNATURE)) {
                throw new BadInputException(file, "corrupt PNG data (no PNG signature)");
            }
            long offset = SIGNATURE.length;
            byte[] buffer = new byte[BUFFER];
            while (true) {
                String type = "?";
                try {
                    long length = Integer.toUnsignedLong(in.readInt());
                    byte[] typeBytes = in.readNBytes(4);
                    if (typeBytes.length < 4) {
                        throw new EOFException();
                    }
                    type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                    if (length > Integer.MAX_VALUE) {
                        throw new BadInputException(file, "corrupt PNG data (chunk " + type + " at byte " + offset
                                + " claims " + length + " bytes)");
                    }
                    CRC32 crc = new CRC32();
                    crc.update(typeBytes);
                    long left = length;
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new EOFException();
                        }
                        crc.update(buffer, 0, n);
                        left -= n;
                    }
                    long stored = Integer.toUnsignedLong(in.readInt());
                    if (stored != crc.getValue()) {
                        throw new BadInputException(file, "corrupt PNG data (bad CRC in chunk " + type + " at byte "
                                + offset + ")");
                    }
                    if ("IEND".equals(type)) {
                        return;
                    }
                    offset += 12 + length;
                } catch (EOFException e) {
                    throw new BadInputException(file, "truncated or corrupt PNG data (the file ends inside chunk "
                            + type + " at byte " + offset + ")");
                }
            }
        }
    }
}
