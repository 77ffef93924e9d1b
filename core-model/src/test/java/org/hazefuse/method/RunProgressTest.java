package org.hazefuse.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;

/** Progress reaches the caller through the cancel signal a method already polls between tiles. */
class RunProgressTest {
    /** A method with a tile loop and the one-line hook that IassfMethod's loop gets. */
    private static final class TiledMethod implements FusionMethod {
        @Override
        public String name() {
            return "tiled";
        }

        @Override
        public String description() {
            return "four tiles";
        }

        @Override
        public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
            List<Integer> tiles = List.of(0, 1, 2, 3);
            for (Integer t : tiles) {
                cancel.throwIfCancelled();
                RunProgress.report(cancel, tiles.indexOf(t) + 1, tiles.size());
            }
            FloatImage gray = FloatImage.zeros(2, 2, 1);
            FloatImage rgb = FloatImage.zeros(2, 2, 3);
            return new FusionResult(rgb, gray, rgb, Map.of("total", Duration.ZERO));
        }

        @Override
        public void close() {
        }
    }

    private static ImagePair pair() {
        return new ImagePair("p", FloatImage.zeros(2, 2, 3), FloatImage.zeros(2, 2, 1), java.util.Optional.empty());
    }

    @Test
    void aTiledRunReportsEachTile() {
        List<String> seen = new ArrayList<>();
        new TiledMethod().run(pair(), DensitySettings.DEFAULT, CancelSignal.NEVER, (done, total) -> seen.add(done + "/" + total));
        assertThat(seen).containsExactly("1/4", "2/4", "3/4", "4/4");
    }

    @Test
    void withoutAListenerNothingIsReportedAndCancellingStillWorks() {
        new TiledMethod().run(pair(), DensitySettings.DEFAULT, CancelSignal.NEVER);
        assertThatThrownBy(() -> new TiledMethod().run(pair(), DensitySettings.DEFAULT, () -> true, RunProgress.NONE))
                .isInstanceOf(CancellationException.class);
    }
}
