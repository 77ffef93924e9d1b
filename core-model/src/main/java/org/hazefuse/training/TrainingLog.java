package org.hazefuse.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.OverwritePolicy;

/**
 * The run's CSV logs in its folder, appended across resumes: {@code steps.csv} (one row per step) and
 * {@code validation.csv} (one row per validation); {@link #read} reads them back for plots.
 *
 * <p>Rows are appended after each step, checkpoints come every few steps: a run killed in between has rows past
 * its checkpoint, which the resumed run would log again. {@link #truncate} drops them when a run starts, so every
 * step has one row however often the run was killed.
 */
public final class TrainingLog {
    static final String STEPS = "steps.csv";
    static final String VALIDATION = "validation.csv";
    private final Path steps;
    private final Path validation;

    public TrainingLog(Path runDir) {
        this.steps = runDir.resolve(STEPS);
        this.validation = runDir.resolve(VALIDATION);
    }

    /** The names of the log files in a run folder. */
    public static List<String> names() {
        return List.of(STEPS, VALIDATION);
    }

    /**
     * Keeps the rows a run starting from {@code step} will not write again: steps up to {@code step}, validations up
     * to {@code lastValidation}. Each file is rewritten atomically, and only when it has rows to drop; the header
     * and unreadable lines are kept as they are (they are not rows of this log's steps).
     */
    void truncate(long step, long lastValidation) throws IOException {
        keepRowsUpTo(steps, step);
        keepRowsUpTo(validation, lastValidation);
    }

    private static void keepRowsUpTo(Path file, long last) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean dropped = false;
        int columns = lines.isEmpty() ? 0 : lines.get(0).split(",").length;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0 && stepOf(line, columns) > last) {
                dropped = true;
                continue;
            }
            kept.append(line).append('\n');
        }
        if (dropped) {
            String text = kept.toString();
            new AtomicFiles(List.of(), OverwritePolicy.REPLACE).write(file,
                    out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The step of a row; a partial line (a kill while appending) counts as past every step. */
    private static long stepOf(String line, int columns) {
        String[] cells = line.split(",", -1);
        try {
            return cells.length != columns || cells[cells.length - 1].isBlank() ? Long.MAX_VALUE
                    : Long.parseLong(cells[0].strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The log files of a run folder (whether they exist or not). */
    public static List<Path> files(Path runDir) {
        return List.of(runDir.resolve(STEPS), runDir.resolve(VALIDATION));
    }

    void step(TrainingListener.StepEvent e, double wallSeconds) throws IOException {
        append(steps, "step,wall_seconds,lr,loss,dehaze,intensity,gradient,samples_per_second",
                String.format(Locale.ROOT, "%d,%.1f,%.3e,%.5f,%.5f,%.5f,%.5f,%.3f", e.step(), wallSeconds,
                        e.learningRate(), e.loss(), e.dehaze(), e.intensity(), e.gradient(), e.samplesPerSecond()));
    }

    void validation(TrainingListener.ValidationEvent e) throws IOException {
        append(validation, "step,psnr,ssim,loss",
                String.format(Locale.ROOT, "%d,%.3f,%.4f,%.5f", e.step(), e.psnr(), e.ssim(), e.loss()));
    }

    /** One row of {@code steps.csv}. */
    public record StepRow(long step, double wallSeconds, double learningRate, double loss, double dehaze,
                          double intensity, double gradient, double samplesPerSecond) {}

    /** One row of {@code validation.csv}. */
    public record ValidationRow(long step, double psnr, double ssim, double loss) {}

    /** Both logs of a run, by step; a step logged twice (a run resumed from an earlier checkpoint) keeps its last row. */
    public record History(List<StepRow> steps, List<ValidationRow> validations) {}

    /**
     * Reads the logs of {@code runDir}; a missing file reads as no rows.
     *
     * @throws BadInputException if a file is unreadable or a row is malformed (the message names the line)
     */
    public static History read(Path runDir) {
        TreeMap<Long, StepRow> steps = new TreeMap<>();
        for (double[] v : rows(runDir.resolve(STEPS), 8)) {
            steps.put((long) v[0], new StepRow((long) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        TreeMap<Long, ValidationRow> validations = new TreeMap<>();
        for (double[] v : rows(runDir.resolve(VALIDATION), 4)) {
            validations.put((long) v[0], new ValidationRow((long) v[0], v[1], v[2], v[3]));
        }
        return new History(List.copyOf(steps.values()), List.copyOf(validations.values()));
    }

    private static List<double[]> rows(Path file, int columns) {
        List<double[]> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage());
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != columns) {
                throw new BadInputException(file, "line " + (i + 1) + " has " + cells.length + " columns, expected "
                        + columns);
            }
            double[] values = new double[columns];
            try {
                for (int c = 0; c < columns; c++) {
                    values[c] = Double.parseDouble(cells[c]);
                }
            } catch (NumberFormatException e) {
                throw new BadInputException(file, "line " + (i + 1) + " is not numeric: " + line);
            }
            rows.add(values);
        }
        return rows;
    }

    private static void append(Path file, String header, String row) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append(header).append('\n');
        }
        text.append(row).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
