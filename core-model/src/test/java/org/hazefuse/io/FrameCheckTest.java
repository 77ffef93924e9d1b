package org.hazefuse.io;

import org.hazefuse.image.ImageSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameCheckTest {
    @TempDir
    Path dir;

    @Test
    void thePairsSizeIsCheckedFromTheHeadersBeforeAnythingIsDecoded() throws IOException {
        // Header-only PNGs: decoding them would fail as truncated, so a refusal naming the size came first.
        Path vis = Files.write(dir.resolve("big_vis.png"), TestFiles.pngHeaderOnly(7000, 7000));
        Path ir = Files.write(dir.resolve("big_ir.png"), TestFiles.pngHeaderOnly(7000, 7000));
        List<ImageSize> seen = new ArrayList<>();
        PairLoader loader = new PairLoader().checking((visible, size) -> {
            seen.add(size);
            throw new BadInputException(visible, "too large for the test: " + size);
        });
        assertThatThrownBy(() -> loader.load(new PairPaths("big", vis, ir, Optional.empty())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("7000x7000");
        assertThat(seen).containsExactly(new ImageSize(7000, 7000));
    }

    @Test
    void aHugeVisibleImageWithASmallInfraredOneIsRefusedFromTheHeaders() throws IOException {
        Path vis = Files.write(dir.resolve("huge_vis.png"), TestFiles.pngHeaderOnly(8000, 6000));
        Path ir = Files.write(dir.resolve("small_ir.png"), TestFiles.pngHeaderOnly(640, 480));
        assertThatThrownBy(() -> new PairLoader().load(new PairPaths("x", vis, ir, Optional.empty())))
                .isInstanceOf(InfraredSizeException.class)
                .hasMessageContaining("640x480")
                .hasMessageContaining("8000x6000")
                .hasMessageNotContaining("truncated");
    }
}
