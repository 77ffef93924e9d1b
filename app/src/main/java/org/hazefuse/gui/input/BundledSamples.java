package org.hazefuse.gui.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sample pairs shipped inside the application ({@code assets/samples}, on the class path under
 * {@code hazefuse/samples/}), copied to a folder on disk so they open like any user pair. A jar cannot list its
 * folders, so {@code index.txt} names the files ({@code <sample>/vis|ir/<file>}).
 */
public final class BundledSamples {
    static final String ROOT = "hazefuse/samples/";
    static final String INDEX = ROOT + "index.txt";

    private BundledSamples() {}

    /**
     * Copies the samples into a subfolder of {@code target} named after the sample index (files already there are
     * kept) and returns one folder per sample, each with {@code vis/} and {@code ir/} subfolders; empty when the
     * application carries no samples. Another version's samples, with other files, land in another subfolder, so a
     * renamed or removed sample never shows up beside the current ones; nothing is deleted.
     */
    public static List<Path> extract(Path target) throws IOException {
        ClassLoader loader = BundledSamples.class.getClassLoader();
        byte[] indexBytes;
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                return List.of();
            }
            indexBytes = index.readAllBytes();
        }
        List<String> files = new String(indexBytes, StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        target = target.resolve("v-" + HexFormat.of().formatHex(sha256(indexBytes), 0, 6));
        Set<Path> samples = new LinkedHashSet<>();
        for (String file : files) {
            Path out = target.resolve(file).normalize();
            if (!out.startsWith(target)) {
                throw new IOException("sample index names a file outside the samples folder: " + file);
            }
            if (!Files.exists(out)) {
                try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
                    if (in == null) {
                        throw new IOException("sample index names a missing resource: " + file);
                    }
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
            samples.add(out.getParent().getParent());
        }
        return new ArrayList<>(samples);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where the samples are copied for this user: {@code ~/.hazefuse/samples}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".hazefuse", "samples");
    }
}
