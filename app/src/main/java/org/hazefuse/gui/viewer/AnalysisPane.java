package org.hazefuse.gui.viewer;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Below the panels while a line is drawn: the line profile of all five panels in one chart. Binds to
 * {@link ProfileViewModel}; the Clear button removes the line and the region.
 */
public final class AnalysisPane extends BorderPane {
    private final LineChart<Number, Number> chart;

    public AnalysisPane(ProfileViewModel profile, ViewerViewModel viewer) {
        getStyleClass().add("analysis-pane");
        NumberAxis x = new NumberAxis();
        x.setLabel("distance along the line (pixels)");
        NumberAxis y = new NumberAxis(0, 1, 0.25);
        y.setLabel("value");
        y.setAutoRanging(false);
        chart = new LineChart<>(x, y);
        chart.setId("profile-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(150);
        chart.setPrefHeight(190);
        Label title = new Label("Line profile");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Draw with the Line tool in any panel; the Region tool picks the area the metrics cover.");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button clear = new Button("Clear");
        clear.setId("clear-shapes");
        clear.setOnAction(e -> viewer.clearShapes());
        HBox header = new HBox(8, title, hint, spacer, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 6, 0, 6));
        setTop(header);
        setCenter(chart);
        profile.series().addListener((ListChangeListener<ProfileViewModel.Series>) c -> fill(profile));
        fill(profile);
    }

    private void fill(ProfileViewModel profile) {
        chart.getData().clear();
        for (ProfileViewModel.Series s : profile.series()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.panel().title());
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    series.getData().add(new XYChart.Data<>(i, v[i]));
                }
            }
            chart.getData().add(series);
        }
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }
}
