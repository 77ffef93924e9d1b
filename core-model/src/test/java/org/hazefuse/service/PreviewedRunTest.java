package org.hazefuse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.method.RunProgress;
import org.junit.jupiter.api.Test;

/** A large pair shows a reduced preview first, then its full result; a small pair runs once. */
class PreviewedRunTest {
    /** Records what it was run on; its fused image is the visible input plus one tile of progress per run. */
    private static final class RecordingMethod implements FusionMethod {
        final List<String> events;

        RecordingMethod(List<String> events) {
            this.events = events;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records its calls";
        }

        @Override
        public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
            events.add("run " + pair.width() + "x" + pair.height() + " window " + settings.darkWindow() + " radius "
                    + settings.guidedRadius());
            RunProgress.report(cancel, 1, 1);
            int w = pair.width();
            int h = pair.height();
            return new FusionResult(pair.visible(), FloatImage.zeros(w, h, 1), pair.visible(),
                    Map.of("total", Duration.ofMillis(1)));
        }

        @Override
        public void close() {
        }
    }

    private static ImagePair pair(int w, int h) {
        return new ImagePair("p", FloatImage.zeros(w, h, 3), FloatImage.zeros(w, h, 1));
    }

    @Test
    void aLargePairShowsAReducedPreviewAtItsOwnSizeThenTheFullResult() {
        List<String> events = new ArrayList<>();
        FusionResult full = PreviewedRun.run(new RecordingMethod(events), pair(1200, 800), DensitySettings.DEFAULT,
                CancelSignal.NEVER, (done, total) -> events.add("progress " + done + "/" + total),
                (preview, reduced) -> events.add("preview " + preview.fused().width() + "x" + preview.fused().height()
                        + " from " + reduced.width() + "x" + reduced.height()));

        // 0.96 MP to about 0.3 MP: 671 × 447 (0.2999 MP); the windows shrink with it (15 → 9, 30 → 17).
        assertThat(events).containsExactly("run 671x447 window 9 radius 17", "preview 1200x800 from 671x447",
                "run 1200x800 window 15 radius 30", "progress 1/1");
        assertThat(full.fused().width()).isEqualTo(1200);
    }

    @Test
    void aPairUpToHalfAMegapixelRunsOnceWithoutAPreview() {
        List<String> events = new ArrayList<>();
        PreviewedRun.run(new RecordingMethod(events), pair(1000, 500), DensitySettings.DEFAULT, CancelSignal.NEVER,
                RunProgress.NONE, (preview, reduced) -> events.add("preview"));

        assertThat(events).containsExactly("run 1000x500 window 15 radius 30");
        assertThat(ReducedPreview.of(640, 480)).isEmpty();
        assertThat(ReducedPreview.of(1000, 501)).isPresent();
    }

    @Test
    void cancellingWhileThePreviewIsShownStopsBeforeTheFullRun() {
        List<String> events = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();

        assertThatThrownBy(() -> PreviewedRun.run(new RecordingMethod(events), pair(1600, 1200),
                DensitySettings.DEFAULT, cancelled::get, RunProgress.NONE, (preview, reduced) -> cancelled.set(true)))
                .isInstanceOf(CancellationException.class);

        assertThat(events).containsExactly("run 632x474 window 5 radius 12");
    }

    @Test
    void thePreviewIsAreaAveragedAndEnlargedBackToThePairsPixels() {
        // Left half black, right half white: the reduced copy keeps the edge in the middle, and so does the preview.
        int w = 1000;
        int h = 600;
        float[] rgb = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = w / 2; x < w; x++) {
                    rgb[(c * h + y) * w + x] = 1f;
                }
            }
        }
        ImagePair pair = new ImagePair("edge", new FloatImage(w, h, 3, rgb), FloatImage.zeros(w, h, 1));
        ReducedPreview preview = ReducedPreview.of(w, h).orElseThrow();
        FusionResult shown = preview.enlarge(new RecordingMethod(new ArrayList<>()).run(preview.reduce(pair)));

        assertThat(shown.dehazed().width()).isEqualTo(w);
        assertThat(shown.dehazed().height()).isEqualTo(h);
        assertThat(shown.dehazed().get(0, 300, 100)).isEqualTo(0f);
        assertThat(shown.dehazed().get(0, 300, 900)).isEqualTo(1f);
        assertThat(shown.dehazed().get(0, 300, 499)).isBetween(0f, 0.5f);
    }
}
