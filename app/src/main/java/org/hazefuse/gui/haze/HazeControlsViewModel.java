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

/** The "synthesize haze" switch and its β, airlight and depth-mode controls. */
public final class HazeControlsViewModel {
    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final DoubleProperty beta = new SimpleDoubleProperty(HazeSettings.DEFAULT.beta());
    private final DoubleProperty airlight = new SimpleDoubleProperty(HazeSettings.DEFAULT.airlight());
    private final ObjectProperty<DepthMode> depthMode = new SimpleObjectProperty<>(HazeSettings.DEFAULT.depthMode());

    /** The haze to apply, or empty when the switch is off. */
    public Optional<HazeSettings> current() {
        if (!enabled.get()) {
            return Optional.empty();
        }
        return Optional.of(new HazeSettings(Math.max(0, Math.min(5, beta.get())),
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
