package org.hazefuse.gui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hazefuse.gui.input.InputPair;

/** Copies the test pairs of {@code src/test/resources/pairs} into a temporary folder (vis/ and ir/ layout). */
public final class TestPairs {
    private TestPairs() {
    }

    /** The 128×128 MSRS pair, as {@code root/vis/00001D.png} and {@code root/ir/00001D.png}. */
    public static InputPair msrs(Path root) {
        return copy(root, "msrs", "00001D.png");
    }

    /** The 500×329 RoadScene pair. */
    public static InputPair roadscene(Path root) {
        return copy(root, "roadscene", "FLIR_00006.jpg");
    }

    private static InputPair copy(Path root, String set, String file) {
        Path vis = root.resolve("vis").resolve(file);
        Path ir = root.resolve("ir").resolve(file);
        copyResource("/pairs/" + set + "/vis/" + file, vis);
        copyResource("/pairs/" + set + "/ir/" + file, ir);
        return new InputPair(file.substring(0, file.lastIndexOf('.')), vis, ir);
    }

    public static void copyResource(String resource, Path target) {
        try (InputStream in = TestPairs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
