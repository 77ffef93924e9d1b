package org.hazefuse.gui.haze;

import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hazefuse.haze.DepthMode;
import org.hazefuse.haze.HazeSettings;

/**
 * The "synthesize haze" switch and its β, airlight and depth-mode controls, giving core's
 * {@link HazeSettings#viewer} haze: I = J·t + A·(1 − t), t = exp(−β·d), gray airlight, no random relief.
 */
public final class HazeControlsViewModel {
    /** β the controls start at: 3 gives t ≈ 0.05 at the far end, 1.5 a clearly visible but not opaque haze. */
    public static final double DEFAULT_BETA = 1.5;
    public static final double DEFAULT_AIRLIGHT = 0.85;
    public static final DepthMode DEFAULT_DEPTH = DepthMode.VERTICAL;

    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final DoubleProperty beta = new SimpleDoubleProperty(DEFAULT_BETA);
    private final DoubleProperty airlight = new SimpleDoubleProperty(DEFAULT_AIRLIGHT);
    private final ObjectProperty<DepthMode> depthMode = new SimpleObjectProperty<>(DEFAULT_DEPTH);

    /** The haze to apply, or empty when the switch is off. */
    public Optional<HazeSettings> current() {
        if (!enabled.get()) {
            return Optional.empty();
        }
        return Optional.of(HazeSettings.viewer(Math.max(0, Math.min(5, beta.get())),
                Math.max(0, Math.min(1, airlight.get())), depthMode.get()));
    }

    /** The haze parameters: their changes matter only while the switch is on. */
    public Observable[] parameters() {
        return new Observable[] {beta, airlight, depthMode};
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    public DoubleProperty airlightProperty() {
        return airlight;
    }

    public ObjectProperty<DepthMode> depthModeProperty() {
        return depthMode;
    }
}
