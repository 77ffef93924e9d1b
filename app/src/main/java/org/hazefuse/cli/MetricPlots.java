package org.hazefuse.cli;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hazefuse.evaluation.ScoreRecord;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.metrics.Metric;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * One box plot per metric (JFreeChart), one box per method over the pairs: median line, quartile box, whiskers,
 * the mean as a dot, outliers as circles and far-out values (beyond the plotted range) as triangles at the edge. Files {@code <metric label>.png} (e.g. {@code Qabf.png}), written atomically.
 */
final class MetricPlots {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private MetricPlots() {
    }

    /**
     * The metrics that get a plot: those with at least one finite value. With several conditions (haze levels)
     * each method gets one box per condition, coloured by condition with a legend. Returns the files written.
     */
    static List<Path> write(Map<String, List<ScoreRecord>> byCondition, List<String> methods, Path folder,
            AtomicFiles files) throws IOException {
        List<Path> written = new ArrayList<>();
        boolean several = byCondition.size() > 1;
        for (Metric m : Metric.values()) {
            DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
            boolean any = false;
            for (Map.Entry<String, List<ScoreRecord>> e : byCondition.entrySet()) {
                for (String method : methods) {
                    List<Double> values = new ArrayList<>();
                    for (ScoreRecord r : e.getValue()) {
                        double v = r.value(m);
                        if (r.method().equals(method) && Double.isFinite(v)) {
                            values.add(v);
                        }
                    }
                    if (!values.isEmpty()) {
                        data.add(values, several ? e.getKey() : m.label(), method);
                        any = true;
                    }
                }
            }
            if (!any) {
                continue;
            }
            Path target = folder.resolve(m.label() + ".png");
            BufferedImage image = chart(m, data, several).createBufferedImage(WIDTH, HEIGHT);
            files.write(target, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            });
            written.add(target);
        }
        return written;
    }

    static JFreeChart chart(Metric m, DefaultBoxAndWhiskerCategoryDataset data, boolean legend) {
        String axis = m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")")
                + (m.higherIsBetter() ? ", higher is better" : ", lower is better");
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(m.label() + ": " + m.description(), "method", axis,
                data, legend);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
        renderer.setMeanVisible(true);
        renderer.setMaximumBarWidth(0.06); // narrow boxes keep the mean dot smaller than the box
        renderer.setMaxOutlierVisible(true);
        renderer.setMinOutlierVisible(true);
        Color[] palette = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868), new Color(0xC44E52),
            new Color(0x8172B3)};
        for (int i = 0; i < palette.length; i++) {
            renderer.setSeriesPaint(i, palette[i]);
        }
        return chart;
    }
}
