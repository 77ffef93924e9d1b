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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.ErrorText;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.weights.ManifestProblems;
import org.hazefuse.weights.WeightsFormatException;
import org.hazefuse.weights.WeightsHeader;

/**
 * The weights file ({@code .hzf}): a zip with {@code manifest.json} ({@link WeightsManifest}),
 * {@code manifest.sha256} (the SHA-256 of the manifest's bytes; since format version 2) and {@code parameters.bin}
 * (DJL's plain tensor serialisation), in this order. Data only: nothing in it can execute code.
 *
 * <p>Loading checks, before any parameter is used and before a caller creates any output: the format, its version,
 * the manifest's checksum (version 2), that the configuration is the registered configuration of its name (a
 * configuration whose numbers were edited, or weights renamed to another configuration, are refused naming the
 * first difference), the parameters entry against a size limit derived from that configuration (a few times its
 * float bytes, so an archive bomb stops early), the parameters' SHA-256, and after decoding every parameter's name
 * and shape against the configuration ({@link ExpectedParameters}; DJL's loader checks none). Every problem is one
 * line naming the file.
 *
 * <p>Version 1 files (no manifest checksum, e.g. the shipped {@code lite.hzf}) are still read: their configuration
 * must equal a registered one, which is what a manifest checksum would protect, so nothing they say is taken on
 * trust that a version 2 file would have to prove.
 */
public final class WeightsFile {
    public static final String FORMAT = WeightsHeader.FORMAT;
    public static final int FORMAT_VERSION = 2;
    /** The first version, without a manifest checksum; still read (see the class comment). */
    static final int FIRST_FORMAT_VERSION = 1;
    public static final String EXTENSION = WeightsHeader.EXTENSION;
    private static final String MANIFEST = WeightsHeader.MANIFEST;
    private static final String MANIFEST_CHECKSUM = "manifest.sha256";
    private static final String PARAMETERS = "parameters.bin";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final int MAX_CHECKSUM_BYTES = 128;

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
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new AtomicFiles(List.of(), OverwritePolicy.REPLACE).write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MANIFEST_CHECKSUM));
            zip.write(sha256(manifestBytes).getBytes(StandardCharsets.US_ASCII));
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
        String name = manifest.config().name();
        if (expected != null && !expected.equals(manifest.config())) {
            throw new WeightsFormatException(file, "these weights are for configuration '" + name + "', not '"
                    + expected.name() + "'");
        }
        IassfNetwork network = new IassfNetwork(manifest.config());
        network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(contents.parameters()))) {
            network.loadParameters(manager, in);
        } catch (EOFException e) {
            throw new WeightsFormatException(file, "parameters do not match configuration '" + name
                    + "': they end early (truncated)", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new WeightsFormatException(file, "parameters do not match configuration '" + name + "': "
                    + ErrorText.reason(e), e);
        }
        String mismatch = ExpectedParameters.of(manifest.config())
                .firstMismatch(ExpectedParameters.shapesOf(network), name);
        if (mismatch != null) {
            throw new WeightsFormatException(file, "parameters do not match configuration '" + name + "': "
                    + mismatch);
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
            throw new WeightsFormatException(file, "cannot read weights file (" + ErrorText.reason(e) + ")", e);
        }
    }

    /** Entry by entry, each checked as soon as it is read, so a bad manifest stops before the parameters. */
    private static Contents read(Path file, InputStream raw) {
        byte[] manifestBytes = null;
        String manifestChecksum = null;
        WeightsManifest manifest = null;
        byte[] params = null;
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (MANIFEST.equals(entry.getName())) {
                    manifestBytes = readBounded(zip, file, MANIFEST, MAX_MANIFEST_BYTES);
                } else if (MANIFEST_CHECKSUM.equals(entry.getName())) {
                    manifestChecksum = new String(readBounded(zip, file, MANIFEST_CHECKSUM, MAX_CHECKSUM_BYTES),
                            StandardCharsets.US_ASCII).strip();
                } else if (PARAMETERS.equals(entry.getName())) {
                    if (manifestBytes == null) {
                        throw new WeightsFormatException(file, "not a HazeFuse weights file (" + PARAMETERS
                                + " comes before " + MANIFEST + ")");
                    }
                    manifest = checkedManifest(file, manifestBytes, manifestChecksum);
                    params = readBounded(zip, file, PARAMETERS,
                            ExpectedParameters.of(manifest.config()).maxEntryBytes());
                }
            }
        } catch (IOException e) {
            throw new WeightsFormatException(file, "not a readable HazeFuse weights file (" + ErrorText.reason(e)
                    + ")", e);
        }
        if (manifestBytes == null || params == null) {
            throw new WeightsFormatException(file, "not a HazeFuse weights file (expected a " + EXTENSION
                    + " archive with " + MANIFEST + " and " + PARAMETERS + ")");
        }
        String actual = sha256(params);
        if (!actual.equalsIgnoreCase(manifest.sha256())) {
            throw new WeightsFormatException(file, "corrupted: parameter checksum " + actual
                    + " does not match the manifest's " + manifest.sha256());
        }
        return new Contents(manifest, params);
    }

    /** The manifest, parsed and checked: format, version, its own checksum, family, registered configuration. */
    private static WeightsManifest checkedManifest(Path file, byte[] bytes, String checksum) {
        WeightsManifest manifest;
        try {
            manifest = JSON.readValue(bytes, WeightsManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new WeightsFormatException(file, "unreadable manifest: " + ManifestProblems.describe(e), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new WeightsFormatException(file, "unknown format '" + manifest.format() + "'");
        }
        int version = manifest.formatVersion();
        if (version != FORMAT_VERSION && version != FIRST_FORMAT_VERSION) {
            throw new WeightsFormatException(file, "format version " + version
                    + " is not supported by this HazeFuse (it reads versions " + FIRST_FORMAT_VERSION + " to "
                    + FORMAT_VERSION + ")");
        }
        if (version >= 2) {
            if (checksum == null) {
                throw new WeightsFormatException(file, "corrupted: format version " + version + " without "
                        + MANIFEST_CHECKSUM);
            }
            if (!checksum.equalsIgnoreCase(sha256(bytes))) {
                throw new WeightsFormatException(file, "corrupted: the manifest was changed after it was written"
                        + " (its checksum does not match)");
            }
        }
        if (!IassfFamily.ID.equals(manifest.family())) {
            throw new WeightsFormatException(file, "these are weights of the model family '" + manifest.family()
                    + "', not IASSF's");
        }
        if (manifest.config() == null) {
            throw new WeightsFormatException(file, "manifest names no configuration");
        }
        checkRegistered(file, manifest.config());
        return manifest;
    }

    /**
     * Only registered configurations are made and loaded; a manifest's must be one of them, exactly, but for its
     * density variant, which changes how the density is computed and no parameter (decision 0004).
     */
    private static void checkRegistered(Path file, IassfConfig config) {
        IassfConfig registered = IassfConfigs.byName(config.name()).orElseThrow(() -> new WeightsFormatException(
                file, "unknown configuration '" + config.name() + "' (this HazeFuse knows " + IassfConfigs.names()
                        + ")")).withDensity(config.density());
        String difference = ConfigDifference.first(registered, config);
        if (difference != null) {
            throw new WeightsFormatException(file, "the manifest's configuration '" + config.name()
                    + "' is not the registered one: " + difference);
        }
    }

    private static byte[] readBounded(InputStream in, Path file, String entry, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        if (in.read() != -1) {
            throw new WeightsFormatException(file, "entry " + entry + " is larger than its configuration allows ("
                    + limit + " bytes)");
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
