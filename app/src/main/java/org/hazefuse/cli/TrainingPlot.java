package org.hazefuse.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.training.TrainingLog;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A run's training curves as one PNG (JFreeChart): on top the loss and its three parts per step, as a trailing
 * moving average (single steps are too noisy to read); below, the whole-frame validation PSNR (left axis) and SSIM
 * (right axis), one point per validation.
 */
final class TrainingPlot {
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;

    private TrainingPlot() {
    }

    /** Moving-average window of the loss curves when the user does not choose one. */
    static final String DEFAULT_SMOOTHING = "50";

    /**
     * Writes the plot of {@code history}, read from {@code runDir}'s logs, to {@code target} atomically, replacing an
     * earlier plot but never the logs themselves.
     */
    static void write(Path runDir, TrainingLog.History history, int smoothing, Path target) throws IOException {
        String title = "Training run " + runDir.toAbsolutePath().normalize().getFileName();
        BufferedImage image = chart(history, smoothing, title).createBufferedImage(WIDTH, HEIGHT);
        AtomicFiles files = new AtomicFiles(TrainingLog.files(runDir), OverwritePolicy.REPLACE);
        files.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    static JFreeChart chart(TrainingLog.History history, int smoothing, String title) {
        XYSeriesCollection losses = new XYSeriesCollection();
        List<TrainingLog.StepRow> steps = history.steps();
        losses.addSeries(smoothed("loss (total)", steps, TrainingLog.StepRow::loss, smoothing));
        losses.addSeries(smoothed("2·L1 dehazing", steps, r -> 2 * r.dehaze(), smoothing));
        losses.addSeries(smoothed("intensity", steps, TrainingLog.StepRow::intensity, smoothing));
        losses.addSeries(smoothed("gradient", steps, TrainingLog.StepRow::gradient, smoothing));
        XYLineAndShapeRenderer lossLines = lines(false);
        Color[] colours = {Color.BLACK, new Color(0x1F77B4), new Color(0x2CA02C), new Color(0xFF7F0E)};
        for (int i = 0; i < colours.length; i++) {
            lossLines.setSeriesPaint(i, colours[i]);
        }
        XYPlot lossPlot = new XYPlot(losses, null,
                new NumberAxis("training loss, mean of the last " + smoothing + " steps"), lossLines);

        XYSeries psnr = new XYSeries("validation PSNR (dB)");
        XYSeries ssim = new XYSeries("validation SSIM");
        for (TrainingLog.ValidationRow v : history.validations()) {
            psnr.add(v.step(), v.psnr());
            ssim.add(v.step(), v.ssim());
        }
        NumberAxis psnrAxis = new NumberAxis("PSNR (dB), whole frames");
        psnrAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer psnrRenderer = lines(true);
        psnrRenderer.setSeriesPaint(0, new Color(0x1F77B4));
        XYPlot validationPlot = new XYPlot(new XYSeriesCollection(psnr), null, psnrAxis, psnrRenderer);
        NumberAxis ssimAxis = new NumberAxis("SSIM");
        ssimAxis.setAutoRangeIncludesZero(false);
        validationPlot.setRangeAxis(1, ssimAxis);
        validationPlot.setDataset(1, new XYSeriesCollection(ssim));
        validationPlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer ssimRenderer = lines(true);
        ssimRenderer.setSeriesPaint(0, new Color(0xC0392B));
        validationPlot.setRenderer(1, ssimRenderer);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
        plot.add(lossPlot, 3);
        plot.add(validationPlot, 2);
        for (XYPlot p : List.of(lossPlot, validationPlot)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Trailing mean over the last {@code window} steps (fewer at the start). */
    private static XYSeries smoothed(String name, List<TrainingLog.StepRow> rows,
            ToDoubleFunction<TrainingLog.StepRow> value, int window) {
        XYSeries series = new XYSeries(name);
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += value.applyAsDouble(rows.get(i));
            if (i >= window) {
                sum -= value.applyAsDouble(rows.get(i - window));
            }
            series.add(rows.get(i).step(), sum / Math.min(i + 1, window));
        }
        return series;
    }

    private static XYLineAndShapeRenderer lines(boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < 4; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        return renderer;
    }
}
