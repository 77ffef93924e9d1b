package org.hazefuse.gui.viewer;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.hazefuse.gui.display.DisplaySettings;

/**
 * The density panel's colour scale: the panel's lookup table from its max (top) to its min (bottom), with tick
 * labels at {@value #TICKS} even steps, so a colour can be read as a density value (and follows a changed range
 * or colour map).
 */
public final class ColorBar extends Region {
    static final int TICKS = 5;
    private static final double BAR = 12;
    private static final double WIDTH = 46;
    private static final double PAD = 8;
    private final Canvas canvas = new Canvas();
    private final ObservableValue<DisplaySettings> settings;

    public ColorBar(ObservableValue<DisplaySettings> settings) {
        this.settings = settings;
        getStyleClass().add("color-bar");
        getChildren().add(canvas);
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        settings.addListener(obs -> draw());
    }

    /** The tick labels, top to bottom (the values at max … min). */
    public static String[] tickLabels(DisplaySettings s) {
        String[] labels = new String[TICKS];
        for (int i = 0; i < TICKS; i++) {
            double v = s.max() - (s.max() - s.min()) * i / (TICKS - 1);
            labels[i] = String.format(Locale.ROOT, "%.2f", v);
        }
        return labels;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double top = PAD;
        double bottom = h - PAD;
        if (bottom - top < 20) {
            return;
        }
        DisplaySettings s = settings.getValue();
        for (double y = top; y < bottom; y++) {
            g.setFill(s.colorMap().color(1 - (y - top) / (bottom - top)));
            g.fillRect(2, y, BAR, 1);
        }
        g.setStroke(Color.web("#dcdde0"));
        g.setFill(Color.web("#dcdde0"));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String[] labels = tickLabels(s);
        for (int i = 0; i < TICKS; i++) {
            double y = top + (bottom - top) * i / (TICKS - 1);
            g.strokeLine(2 + BAR, y, 5 + BAR, y);
            g.fillText(labels[i], 7 + BAR, y);
        }
    }
}
