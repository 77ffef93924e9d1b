package org.hazefuse.gui.session;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * What the user is looking at, as observable values: the chosen model, the pair as read and as the model sees it,
 * the last result, its metrics and the status line. Plain state, no work: the view models that read, run and
 * export write it, the panes bind to it. Changed on the UI thread only.
 */
public final class Session {
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private final ObservableMap<String, String> modelLabels = FXCollections.observableHashMap();
    private final StringProperty model = new SimpleStringProperty();
    private final BooleanProperty autoRun = new SimpleBooleanProperty(true);
    private final ObjectProperty<ImagePair> source = new SimpleObjectProperty<>();
    private final ObjectProperty<ImagePair> input = new SimpleObjectProperty<>();
    private final ObjectProperty<FusionResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty preview = new SimpleBooleanProperty(false);
    private final ObservableList<MetricValue> metrics = FXCollections.observableArrayList();
    private final ObservableSet<InputPair> resizedInfrared = FXCollections.observableSet();
    private final StringProperty status =
            new SimpleStringProperty("Drop a visible and an infrared image, or a folder, to start.");

    /** The models the chooser offers: the catalog's, then weights files the user opened. */
    public ObservableList<String> modelNames() {
        return modelNames;
    }

    /**
     * Names shown instead of a model's own (see {@link org.hazefuse.gui.run.ModelLabels#label}): the imported
     * published weights are "IASSF (published weights)", not their path.
     */
    public ObservableMap<String, String> modelLabels() {
        return modelLabels;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** Whether a new pair or a changed setting runs the model by itself. */
    public BooleanProperty autoRunProperty() {
        return autoRun;
    }

    /** The pair as read, before haze synthesis. */
    public ObjectProperty<ImagePair> sourcePairProperty() {
        return source;
    }

    /** The pair the model runs on (hazy visible when synthesizing). */
    public ObjectProperty<ImagePair> inputProperty() {
        return input;
    }

    public ObjectProperty<FusionResult> resultProperty() {
        return result;
    }

    /**
     * Whether the shown result is a large pair's reduced preview (enlarged to the pair's size), not the method's
     * full-resolution output: no metrics are computed for it and it is not exported.
     */
    public BooleanProperty previewProperty() {
        return preview;
    }

    /** The metrics of the shown result; empty while they are computed. */
    public ObservableList<MetricValue> metrics() {
        return metrics;
    }

    /** Pairs whose infrared image the user agreed to resize to the visible size; read and exported that way. */
    public ObservableSet<InputPair> resizedInfrared() {
        return resizedInfrared;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
