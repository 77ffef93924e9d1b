package org.hazefuse.model.iassf;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.weights.WeightsFormatException;
import org.hazefuse.weights.WeightsHeader;

/**
 * The weights file ({@code .hzf}): a zip with {@code manifest.json} ({@link WeightsManifest}) and
 * {@code parameters.bin} (DJL's plain tensor serialisation). Data only: nothing in it can execute code.
 * Loading checks the format, its version, the SHA-256 of the parameters and the configuration, and names the
 * problem it finds.
 */
public final class WeightsFile {
    public static final String FORMAT = WeightsHeader.FORMAT;
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = WeightsHeader.EXTENSION;
    private static final String MANIFEST = WeightsHeader.MANIFEST;
    private static final String PARAMETERS = "parameters.bin";
    private static final long MAX_ENTRY_BYTES = 1L << 31;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A network with its manifest, as loaded. */
    public record Loaded(IassfNetwork network, WeightsManifest manifest) {}

    private WeightsFile() {}

    /** Saves the network's parameters atomically. */
    public static WeightsManifest save(IassfNetwork network, Path file, Map<String, String> provenance)
            throws IOException {
        byte[] params = parameterBytes(network);
        WeightsManifest manifest = new WeightsManifest(FORMAT, FORMAT_VERSION, network.config(), sha256(params),
                network.countParameters(), Instant.now().toString(), provenance, IassfFamily.ID);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new AtomicFiles(List.of(), OverwritePolicy.REPLACE).write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMETERS));
            zip.write(params);
            zip.closeEntry();
            zip.finish();
        });
        return manifest;
    }

    /** DJL's serialisation of all parameters of a block. */
    public static byte[] parameterBytes(IassfNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            network.saveParameters(data);
        }
        return bytes.toByteArray();
    }

    /** Reads only the manifest (for listings and {@code info}). */
    public static WeightsManifest readManifest(Path file) {
        return read(file).manifest();
    }

    /** Reads the manifest from a stream, e.g. a class-path resource; {@code label} names it in error messages. */
    public static WeightsManifest readManifest(Path label, InputStream in) {
        return read(label, in).manifest();
    }

    /**
     * Loads a weights file into a new network on {@code manager}.
     *
     * @param expected the configuration the caller needs, or null to accept the file's own
     * @throws WeightsFormatException naming the problem
     */
    public static Loaded load(Path file, NDManager manager, IassfConfig expected) {
        return load(file, read(file), manager, expected);
    }

    /**
     * Loads weights from a stream, e.g. a class-path resource; {@code label} names it in error messages.
     */
    public static Loaded load(Path label, InputStream in, NDManager manager, IassfConfig expected) {
        return load(label, read(label, in), manager, expected);
    }

    private static Loaded load(Path file, Contents contents, NDManager manager, IassfConfig expected) {
        WeightsManifest manifest = contents.manifest();
        if (expected != null && !expected.equals(manifest.config())) {
            throw new WeightsFormatException(file, "these weights are for configuration '" + manifest.config().name()
                    + "', not '" + expected.name() + "'");
        }
        IassfNetwork network = new IassfNetwork(manifest.config());
        network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(contents.parameters()))) {
            network.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new WeightsFormatException(file, "parameters do not match configuration '"
                    + manifest.config().name() + "': " + e.getMessage(), e);
        }
        return new Loaded(network, manifest);
    }

    private record Contents(WeightsManifest manifest, byte[] parameters) {}

    private static Contents read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(file, raw);
        } catch (NoSuchFileException e) {
            throw new WeightsFormatException(file, "weights file not found");
        } catch (IOException e) {
            throw new WeightsFormatException(file, "cannot read weights file (" + e.getMessage() + ")", e);
        }
    }

    private static Contents read(Path file, InputStream raw) {
        byte[] manifestBytes = null;
        byte[] params = null;
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (MANIFEST.equals(entry.getName())) {
                    manifestBytes = readBounded(zip, file);
                } else if (PARAMETERS.equals(entry.getName())) {
                    params = readBounded(zip, file);
                }
            }
        } catch (IOException e) {
            throw new WeightsFormatException(file, "not a readable HazeFuse weights file (" + e.getMessage() + ")", e);
        }
        if (manifestBytes == null || params == null) {
            throw new WeightsFormatException(file, "not a HazeFuse weights file (expected a " + EXTENSION
                    + " archive with " + MANIFEST + " and " + PARAMETERS + ")");
        }
        WeightsManifest manifest;
        try {
            manifest = JSON.readValue(manifestBytes, WeightsManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new WeightsFormatException(file, "unreadable manifest: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new WeightsFormatException(file, "unknown format '" + manifest.format() + "'");
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new WeightsFormatException(file, "format version " + manifest.formatVersion()
                    + " is not supported by this HazeFuse (it reads version " + FORMAT_VERSION + ")");
        }
        if (!IassfFamily.ID.equals(manifest.family())) {
            throw new WeightsFormatException(file, "these are weights of the model family '" + manifest.family()
                    + "', not IASSF's");
        }
        if (manifest.config() == null) {
            throw new WeightsFormatException(file, "manifest names no configuration");
        }
        String actual = sha256(params);
        if (!actual.equalsIgnoreCase(manifest.sha256())) {
            throw new WeightsFormatException(file, "corrupted: parameter checksum " + actual
                    + " does not match the manifest's " + manifest.sha256());
        }
        return new Contents(manifest, params);
    }

    private static byte[] readBounded(InputStream in, Path file) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
        if (in.read() != -1) {
            throw new WeightsFormatException(file, "entry too large for a weights file");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
