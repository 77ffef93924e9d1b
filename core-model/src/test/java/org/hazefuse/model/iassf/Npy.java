package org.hazefuse.model.iassf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parity fixture's arrays: NumPy {@code .npy} version 1.0, little-endian float32, C order. */
record Npy(long[] shape, float[] data) {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9,\\s]*)\\)");

    static Npy read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) || b.get() != 1) {
            throw new IOException(file + ": not a .npy file of version 1");
        }
        b.get(); // minor version
        byte[] header = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        if (!h.contains("'descr': '<f4'") || !h.contains("'fortran_order': False")) {
            throw new IOException(file + ": expected little-endian float32 in C order, header " + h.trim());
        }
        Matcher m = SHAPE.matcher(h);
        if (!m.find()) {
            throw new IOException(file + ": no shape in header " + h.trim());
        }
        long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        float[] data = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        b.asFloatBuffer().get(data);
        return new Npy(shape, data);
    }
}
