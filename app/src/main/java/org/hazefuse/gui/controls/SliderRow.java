package org.hazefuse.gui.controls;

import java.util.function.DoubleFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Adds labelled sliders with a live value to a two-row-per-setting grid, bound to view model properties. */
public final class SliderRow {
    private SliderRow() {
    }

    public static Slider add(GridPane grid, int row, String id, String name, String help, double min, double max,
                             DoubleProperty value, DoubleFunction<String> format) {
        Slider slider = slider(id, min, max, value.get());
        slider.valueProperty().bindBidirectional(value);
        place(grid, row, name, help, slider, format);
        return slider;
    }

    public static Slider add(GridPane grid, int row, String id, String name, String help, int min, int max, int step,
                             IntegerProperty value) {
        Slider slider = slider(id, min, max, value.get());
        slider.setMajorTickUnit(step);
        slider.setBlockIncrement(step);
        slider.valueProperty().addListener((obs, old, now) -> {
            int v = (int) Math.round(now.doubleValue());
            if (v != value.get()) {
                value.set(v);
            }
        });
        value.addListener((obs, old, now) -> {
            if (Math.round(slider.getValue()) != now.intValue()) {
                slider.setValue(now.intValue());
            }
        });
        place(grid, row, name, help, slider, v -> Integer.toString(value.get()));
        return slider;
    }

    private static Slider slider(String id, double min, double max, double value) {
        Slider slider = new Slider(min, max, Math.max(min, Math.min(max, value)));
        slider.setId(id);
        slider.setMaxWidth(Double.MAX_VALUE);
        return slider;
    }

    private static void place(GridPane grid, int row, String name, String help, Slider slider,
                              DoubleFunction<String> format) {
        Label label = new Label(name);
        label.setId(slider.getId() + "-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setTooltip(new Tooltip(help));
        Label shown = new Label(format.apply(slider.getValue()));
        shown.getStyleClass().add("slider-value");
        shown.setMinWidth(Label.USE_PREF_SIZE);
        slider.valueProperty().addListener((obs, old, now) -> shown.setText(format.apply(now.doubleValue())));
        slider.setTooltip(new Tooltip(help));
        grid.add(label, 0, row);
        grid.add(shown, 1, row);
        grid.add(slider, 0, row + 1, 2, 1);
        GridPane.setHgrow(slider, Priority.ALWAYS);
        GridPane.setHalignment(shown, javafx.geometry.HPos.RIGHT);
    }
}
