package org.hazefuse.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.ErrorText;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.weights.ManifestProblems;
import org.hazefuse.weights.WeightsFormatException;

/**
 * A resumable training state ({@code checkpoint.hzc}): the step, the model configuration, the parameters and the
 * AdamW moments, in a zip written atomically, so a run killed at any moment resumes from its last checkpoint.
 */
public final class Checkpoint {
    public static final String FILE_NAME = "checkpoint.hzc";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The checkpoint's JSON header. */
    public record Header(int version, long step, long totalSteps, IassfConfig config, double wallSeconds) {}

    /** What {@link #load} restored into the given network and optimizer. */
    public record Restored(Header header) {}

    private Checkpoint() {}

    public static void save(Path file, Header header, IassfNetwork network, AdamW optimizer) throws IOException {
        byte[] params = WeightsFile.parameterBytes(network);
        byte[] state = optimizer.state().encode();
        new AtomicFiles(List.of(), OverwritePolicy.REPLACE).write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, "checkpoint.json", JSON.writeValueAsBytes(header));
            put(zip, "parameters.bin", params);
            put(zip, "optimizer.bin", state);
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads only the header. */
    public static Header readHeader(Path file) {
        return parseHeader(read(file, "checkpoint.json"), file);
    }

    /**
     * Restores parameters and optimizer state.
     *
     * @throws WeightsFormatException if the file is unreadable or made for another configuration
     */
    public static Restored load(Path file, IassfNetwork network, AdamW optimizer, NDManager manager) {
        Header header = readHeader(file);
        if (!header.config().equals(network.config())) {
            throw new WeightsFormatException(file, "checkpoint is for configuration '" + header.config().name()
                    + "', not '" + network.config().name() + "'");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(read(file, "parameters.bin")))) {
            network.loadParameters(manager, in);
            String mismatch = org.hazefuse.model.iassf.ExpectedParameters.of(header.config())
                    .firstMismatch(org.hazefuse.model.iassf.ExpectedParameters.shapesOf(network), header.config().name());
            if (mismatch != null) {
                throw new WeightsFormatException(file, "corrupted checkpoint: " + mismatch);
            }
            optimizer.restore(NDList.decode(manager, read(file, "optimizer.bin")), header.step());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new WeightsFormatException(file, "corrupted checkpoint: " + ErrorText.reason(e), e);
        }
        return new Restored(header);
    }

    private static Header parseHeader(byte[] bytes, Path file) {
        try {
            Header h = JSON.readValue(bytes, Header.class);
            if (h.version() != VERSION) {
                throw new WeightsFormatException(file, "checkpoint version " + h.version() + " is not supported");
            }
            return h;
        } catch (IOException e) {
            throw new WeightsFormatException(file, "unreadable checkpoint header: " + ManifestProblems.describe(e), e);
        }
    }

    static Header header(long step, long totalSteps, IassfConfig config, double wallSeconds) {
        return new Header(VERSION, step, totalSteps, config, wallSeconds);
    }

    private static byte[] read(Path file, String entryName) {
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entryName.equals(entry.getName())) {
                    return zip.readAllBytes();
                }
            }
        } catch (NoSuchFileException e) {
            throw new WeightsFormatException(file, "no checkpoint found");
        } catch (IOException e) {
            throw new WeightsFormatException(file, "unreadable checkpoint: " + ErrorText.reason(e), e);
        }
        throw new WeightsFormatException(file, "not a HazeFuse checkpoint (missing " + entryName + ")");
    }
}
