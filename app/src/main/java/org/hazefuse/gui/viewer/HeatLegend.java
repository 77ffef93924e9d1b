package org.hazefuse.gui.viewer;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.hazefuse.gui.image.HeatColorMap;

/** The 0–1 colour scale of the density panel: a vertical gradient from 1 (top) to 0 (bottom), labelled. */
public final class HeatLegend extends VBox {

    public HeatLegend() {
        getStyleClass().add("heat-legend");
        setAlignment(Pos.CENTER);
        setSpacing(2);
        Region bar = new Region();
        bar.getStyleClass().add("heat-legend-bar");
        bar.setStyle("-fx-background-color: linear-gradient(to top, " + gradientStops() + ");");
        bar.setMinWidth(12);
        bar.setPrefWidth(12);
        bar.setMaxWidth(12);
        VBox.setVgrow(bar, Priority.ALWAYS);
        bar.setMaxHeight(Double.MAX_VALUE);
        getChildren().addAll(new Label("1"), bar, new Label("0"));
    }

    private static String gradientStops() {
        List<Color> stops = HeatColorMap.stops();
        return stops.stream().map(HeatLegend::css).collect(Collectors.joining(", "));
    }

    private static String css(Color c) {
        return String.format("rgb(%d,%d,%d)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
