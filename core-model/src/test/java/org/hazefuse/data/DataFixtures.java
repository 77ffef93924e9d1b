package org.hazefuse.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.io.TestFiles;

/** Small data sets for the data tests. */
final class DataFixtures {
    private DataFixtures() {
    }

    /** A black gray or RGB PNG of w×h with one white pixel at (mx, my). */
    static Path marker(Path file, int w, int h, int mx, int my, boolean rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        image.setRGB(mx, my, 0xffffff);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static TrainingSet set(List<PairPaths> pairs) {
        return new TrainingSet(pairs, new HazeSampler(), new PairCache(new PairLoader(), Long.MAX_VALUE));
    }

    /** The two real MSRS pairs (128×128) from the test resources. */
    static List<PairPaths> msrs() {
        return PairFinder.inFolder(TestFiles.resource("pairs/msrs")).pairs();
    }

    /** The two real RoadScene pairs (256×168, 256×172). */
    static List<PairPaths> roadscene() {
        return PairFinder.inFolder(TestFiles.resource("pairs/roadscene")).pairs();
    }
}
