package org.hazefuse.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What every HazeFuse weights file ({@value #EXTENSION}, a zip archive) says about itself before its parameters are
 * read: the format and the model family whose schema the rest of its manifest follows. The method catalog reads it
 * to hand a file to the family that made it; each family reads and checks the rest.
 *
 * @param family the family's id; files written before families existed carry none and are IASSF's
 */
public record WeightsHeader(String family) {
    public static final String FORMAT = "hazefuse-weights";
    public static final String EXTENSION = ".hzf";
    public static final String MANIFEST = "manifest.json";
    /** The family of files that name none. */
    public static final String FIRST_FAMILY = "iassf";
    /** A manifest is a small JSON document; anything larger is not one. */
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the header of a weights file.
     *
     * @throws WeightsFormatException if the file is missing, not a weights archive or its manifest is unreadable
     */
    public static WeightsHeader read(Path file) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (MANIFEST.equals(entry.getName())) {
                    return parse(file, zip);
                }
            }
        } catch (NoSuchFileException e) {
            throw new WeightsFormatException(file, "no such file");
        } catch (IOException e) {
            throw new WeightsFormatException(file, "not a readable HazeFuse weights file ("
                    + org.hazefuse.io.ErrorText.reason(e) + ")", e);
        }
        throw new WeightsFormatException(file, "not a HazeFuse weights file (no " + MANIFEST + ")");
    }

    private static WeightsHeader parse(Path file, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES);
        if (in.read() != -1) {
            throw new WeightsFormatException(file, MANIFEST + " is too large for a manifest");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new WeightsFormatException(file, "unreadable manifest: " + ManifestProblems.describe(e), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new WeightsFormatException(file, "not a HazeFuse weights file (unknown format)");
        }
        return new WeightsHeader(root.path("family").asText(FIRST_FAMILY));
    }
}
