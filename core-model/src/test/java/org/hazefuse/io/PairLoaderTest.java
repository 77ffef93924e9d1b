package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsEveryRealSet() {
        for (String set : new String[] {"roadscene", "msrs", "tno"}) {
            FoundPairs found = PairFinder.inFolder(TestFiles.resource("pairs/" + set));
            assertThat(found.warnings()).as(set).isEmpty();
            for (PairPaths paths : found.pairs()) {
                ImagePair pair = new PairLoader().load(paths);
                assertThat(pair.name()).isEqualTo(paths.stem());
                assertThat(pair.visible().channels()).isEqualTo(3);
                assertThat(pair.infrared().channels()).isEqualTo(1);
                assertThat(pair.width()).isLessThanOrEqualTo(256);
            }
        }
    }

    @Test
    void sizeMismatchNamesBothFilesAndSizes() throws IOException {
        Path vis = TestFiles.write(TestFiles.rgbPattern(8, 6), "png", dir.resolve("v.png"));
        Path ir = TestFiles.write(TestFiles.rgbPattern(4, 3), "png", dir.resolve("i.png"));
        assertThatThrownBy(() -> new PairLoader().load(new PairPaths("s", vis, ir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("v.png").hasMessageContaining("i.png")
                .hasMessageContaining("8x6").hasMessageContaining("4x3");
        assertThat(TestFiles.listing(dir)).containsExactly(dir, ir, vis);
    }

    @Test
    void aSizeMismatchCarriesBothSizesSoAFrontEndCanOfferTheResize() throws IOException {
        Path vis = TestFiles.write(TestFiles.rgbPattern(8, 6), "png", dir.resolve("v.png"));
        Path ir = TestFiles.write(TestFiles.rgbPattern(4, 3), "png", dir.resolve("i.png"));
        assertThatThrownBy(() -> new PairLoader().load(new PairPaths("s", vis, ir)))
                .isInstanceOfSatisfying(InfraredSizeException.class, e -> {
                    assertThat(e.file()).isEqualTo(ir);
                    assertThat(new int[] {e.visibleWidth(), e.visibleHeight(), e.infraredWidth(), e.infraredHeight()})
                            .containsExactly(8, 6, 4, 3);
                });
    }

    @Test
    void resizesInfraredToVisibleWhenAsked() throws IOException {
        BufferedImage gray = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 4, 2, 0, new int[] {0, 100, 200, 250, 10, 110, 210, 250});
        Path ir = TestFiles.write(gray, "png", dir.resolve("ir.png"));
        Path vis = TestFiles.write(TestFiles.rgbPattern(2, 1), "png", dir.resolve("vis.png"));
        ImagePair pair = new PairLoader(new ImageLoader(), SizeMismatch.RESIZE_INFRARED).load(new PairPaths("s", vis, ir));
        FloatImage resized = pair.infrared();
        assertThat(resized.width()).isEqualTo(2);
        assertThat(resized.height()).isEqualTo(1);
        // area averaging: each output pixel is the mean of the 2x2 block it covers
        assertThat(resized.get(0, 0, 0)).isCloseTo((0 + 100 + 10 + 110) / 4f / 255f, within(1e-6f));
        assertThat(resized.get(0, 0, 1)).isCloseTo((200 + 250 + 210 + 250) / 4f / 255f, within(1e-6f));
    }

    @Test
    void clearReferenceIsLoadedAndChecked() throws IOException {
        Path vis = TestFiles.write(TestFiles.rgbPattern(8, 6), "png", dir.resolve("v.png"));
        Path ir = TestFiles.write(TestFiles.rgbPattern(8, 6), "png", dir.resolve("i.png"));
        Path gt = TestFiles.write(TestFiles.rgbPattern(8, 6), "bmp", dir.resolve("gt.bmp"));
        Path small = TestFiles.write(TestFiles.rgbPattern(7, 6), "png", dir.resolve("small.png"));
        ImagePair pair = new PairLoader().load(new PairPaths("s", vis, ir, Optional.of(gt)));
        assertThat(pair.clearVisible()).get().extracting(FloatImage::data).isEqualTo(pair.visible().data());
        assertThatThrownBy(() -> new PairLoader().load(new PairPaths("s", vis, ir, Optional.of(small))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("small.png").hasMessageContaining("7x6");
    }
}
