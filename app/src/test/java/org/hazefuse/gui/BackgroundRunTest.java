package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hazefuse.gui.inference.MethodProvider;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.task.FxTaskExecutor;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.testing.FakeFusionMethod;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.service.ReducedPreview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The production executor: a slow method runs on the worker thread while the window keeps responding, and the
 * Cancel shortcut stops it through the method's cancel signal.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundRunTest {
    private final TestServices t = new TestServices();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean sawCancel;
    /** Pairs up to this many pixels (a large pair's preview) run at once; 0: every run is slow. */
    private volatile long quickUpToPixels;
    private ViewModels vm;
    private MainWindow window;

    @TempDir
    Path dir;

    /** Waits (polling its cancel signal) until cancelled, or 20 s; pairs up to {@link #quickUpToPixels} at once. */
    private final class SlowMethod implements FusionMethod {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String description() {
            return "slow test method";
        }

        @Override
        public FusionResult run(ImagePair pair, DensitySettings settings, CancelSignal cancel) {
            if ((long) pair.width() * pair.height() <= quickUpToPixels) {
                return new FakeFusionMethod().run(pair, settings, cancel);
            }
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                if (cancel.isCancelled()) {
                    sawCancel = true;
                    cancel.throwIfCancelled();
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
            return new FakeFusionMethod().run(pair, settings, cancel);
        }

        @Override
        public void close() {
        }
    }

    @Start
    void start(Stage stage) {
        t.executor = new FxTaskExecutor("test-work", 1);
        t.ioExecutor = new FxTaskExecutor("test-io", 1);
        t.uiThread = UiThread.FX;
        t.methods = new MethodProvider() {
            @Override
            public List<String> names() {
                return List.of("slow");
            }

            @Override
            public FusionMethod open(String name) {
                return new SlowMethod();
            }
        };
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        window = new MainWindow(vm, new TrainingViewModel(t.trainer, t.dialogs,
                t.uiThread, () -> vm.session().modelProperty().get(), List::of), t.dialogs);
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        t.executor.shutdown();
        t.ioExecutor.shutdown();
        t.cleanUp();
    }

    @Test
    void aLongRunLeavesTheWindowResponsiveAndEscapeCancelsIt(FxRobot robot) throws Exception {
        InputPair pair = TestPairs.msrs(dir);
        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        // The input panels are shown while the model works, and the UI thread answers at once.
        assertThat(vm.run().runningProperty().get()).isTrue();
        assertThat(vm.panels().imageProperty(Panel.VISIBLE).get()).isNotNull();
        long t0 = System.nanoTime();
        robot.clickOn("#zoom-in");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.run().runningProperty().get());
        assertThat(vm.session().statusProperty().get()).isEqualTo("Cancelled.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sawCancel);
        assertThat(vm.session().resultProperty().get()).isNull();
        assertThat(t.dialogs.errors).isEmpty();
    }

    /**
     * A large pair: its reduced preview is shown, marked, while the full-resolution run goes on; Esc stops that run
     * at once and leaves the preview shown and still marked, and it is not exported as if it were the result.
     */
    @Test
    void cancellingAfterThePreviewKeepsThePreviewShownAndMarked(FxRobot robot) throws Exception {
        quickUpToPixels = ReducedPreview.LARGE_PIXELS;
        Path vis = dir.resolve("big_vis.png");
        Path ir = dir.resolve("big_ir.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1000, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", vis.toFile());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1000, 600,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", ir.toFile());
        robot.interact(() -> vm.pairList().addFiles(List.of(vis, ir)));
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the full-resolution run started").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.session().previewProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.run().runningProperty().get()).isTrue();
        assertThat(vm.session().resultProperty().get().fused().width()).isEqualTo(1000);
        assertThat(vm.panels().imageProperty(Panel.FUSED).get().getWidth()).isEqualTo(1000);
        assertThat(robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText())
                .contains("preview (reduced to 707×424)");
        assertThat(window.viewerPane().panel(Panel.FUSED).noticeLabel().getText())
                .isEqualTo("Preview (reduced): the full-resolution result replaces it when done.");

        long t0 = System.nanoTime();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.run().runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sawCancel);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("stopped within a second")
                .isLessThan(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.session().statusProperty().get()).isEqualTo("Cancelled; the panels show the reduced preview.");
        assertThat(vm.session().previewProperty().get()).isTrue();
        assertThat(vm.session().resultProperty().get()).isNotNull();
        assertThat(window.viewerPane().panel(Panel.FUSED).noticeLabel().getText())
                .startsWith("Preview (reduced): the full-resolution run did not finish");
        assertThat(vm.session().metrics()).isEmpty();

        boolean[] exportStarted = {true};
        robot.interact(() -> exportStarted[0] = vm.export().exportCurrentTo(dir.resolve("exported")));
        assertThat(exportStarted[0]).isFalse();
        assertThat(t.dialogs.errors).extracting(e -> e.title()).containsExactly("Only a preview is shown");
        assertThat(dir.resolve("exported")).doesNotExist();
    }

    @Test
    void anotherPairLoadsAtOnceWhileAModelRuns(FxRobot robot) throws Exception {
        InputPair first = TestPairs.msrs(dir.resolve("a"));
        InputPair second = TestPairs.roadscene(dir.resolve("b"));
        robot.interact(() -> vm.pairList().addFiles(List.of(first.visible(), first.infrared())));
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();

        robot.interact(() -> vm.pairList().addFiles(List.of(second.visible(), second.infrared())));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.session().inputProperty().get() != null
                && vm.session().inputProperty().get().width() == 500);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sawCancel);
    }
}
