package org.hazefuse.gui.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.hazefuse.gui.GuiServices;
import org.hazefuse.gui.adapters.CoreViewerHaze;
import org.hazefuse.gui.adapters.CoreImageWriter;
import org.hazefuse.gui.adapters.CorePairReader;
import org.hazefuse.gui.inference.MethodProvider;
import org.hazefuse.gui.inference.PublishedWeights;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.gui.metrics.MetricsService;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.task.CurrentThreadTaskExecutor;
import org.hazefuse.gui.task.Debouncer;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.training.FineTuner;
import org.hazefuse.method.FusionMethod;

/**
 * Services for view model and UI tests: work on the calling thread, no debounce delay, a fake method, fake
 * dialogs and metrics, the core reader, writer and haze synthesizer, settings in a throw-away preferences node.
 */
public final class TestServices {
    public final FakeFusionMethod method = new FakeFusionMethod();
    public final FakeDialogService dialogs = new FakeDialogService();
    public final Preferences prefs = Preferences.userRoot().node("org/hazefuse/gui-test/" + UUID.randomUUID());
    public FineTuner trainer = new FakeFineTuner();
    public org.hazefuse.gui.task.TaskExecutor executor = new CurrentThreadTaskExecutor();
    public org.hazefuse.gui.task.TaskExecutor ioExecutor = new CurrentThreadTaskExecutor();
    public UiThread uiThread = UiThread.DIRECT;

    /** Metrics from the fake result: the mean density, so the panel has something to show. */
    public MetricsService metrics = (pair, result) -> List.of(
            new MetricValue("mean density", mean(result.density().data()), false, false));
    /** The fake method by default; the screenshot test puts the core catalog here. */
    public MethodProvider methods = new MethodProvider() {
        @Override
        public List<String> names() {
            return List.of(FakeFusionMethod.NAME);
        }

        @Override
        public FusionMethod open(String name) {
            return method;
        }
    };

    /** Imports into a throw-away folder: a fake unless a test puts the core adapter here. */
    public PublishedWeights published = new PublishedWeights() {
        private final Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "hazefuse-test-no-published-" + UUID.randomUUID(), "iassf-published.hzf");

        @Override
        public Path file() {
            return file;
        }

        @Override
        public void importFrom(Path checkpoint, boolean overwrite) {
            throw new UnsupportedOperationException("no importer in this test");
        }
    };

    public GuiServices services() {
        return services(dialogs);
    }

    public GuiServices services(org.hazefuse.gui.dialog.DialogService dialogService) {
        return new GuiServices(executor, ioExecutor, Debouncer.IMMEDIATE, uiThread, dialogService,
                new CorePairReader(), methods, new CoreViewerHaze(), metrics, new CoreImageWriter(),
                trainer, published, new AppSettings(prefs));
    }

    /** Removes the preferences node; call after each test. */
    public void cleanUp() {
        try {
            prefs.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }

    private static double mean(float[] d) {
        double s = 0;
        for (float v : d) {
            s += v;
        }
        return s / d.length;
    }
}
