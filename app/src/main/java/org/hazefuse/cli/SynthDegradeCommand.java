package org.hazefuse.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hazefuse.degradation.Degradation;
import org.hazefuse.degradation.DegradationPlan;
import org.hazefuse.degradation.DegradationResult;
import org.hazefuse.degradation.DegradationSynthesizer;
import org.hazefuse.degradation.Modality;
import org.hazefuse.degradation.Severity;
import org.hazefuse.degradation.Task;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PngWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hazefuse synth-degrade}: degrades clean images with any of LURE's tasks (docs/design/lure.md,
 * "Degradations"; {@link DegradationSynthesizer}), the generalisation of {@code synth-haze}. Output
 * {@code <out>/<stem>.png} keeps the input's stem, so a degraded folder pairs with the other modality's folder by
 * stem; {@code <out>/degradations.json} records the parameters of every image (the draws, with {@code --random}).
 * Deterministic: the same seed gives the same files. Like {@code synth-haze}, everything is checked before the
 * first file is written, writes are atomic and inputs are never overwritten.
 */
@Command(name = "synth-degrade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Degrade clean images with LURE's tasks, seeded and reproducible.",
            "Visible: haze, low-light, over-exposure, noise, blur, rain, low-resolution.",
            "Infrared: ir-noise, ir-stripes, ir-low-contrast. Both: none (identity).",
            "Combined tasks are applied in a fixed order: haze, rain, blur, low-resolution,",
            "low-light or over-exposure, noise; ir-low-contrast, ir-stripes, ir-noise.",
            "Writes <out>/<stem>.png per image (the input's stem, so the folder pairs with",
            "the other modality's) and <out>/degradations.json with every image's parameters."})
final class SynthDegradeCommand extends HeadlessCommand {
    /** The record of the run's parameters, next to the images. */
    static final String RECORD = "degradations.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // AtomicFiles owns the stream

    @Option(names = "--in", required = true, paramLabel = "DIR|FILE", description = "Clean image or folder.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--task", required = true, paramLabel = "ID[,ID...]",
            description = "Task ids, comma-separated: haze, low-light, over-exposure, noise, blur, rain, "
                    + "low-resolution, ir-noise, ir-stripes, ir-low-contrast, none.")
    String task;

    @Option(names = "--severity", paramLabel = "light|medium|heavy",
            description = "Preset strength of every task (default: medium).")
    String severity;

    @Option(names = "--random", description = "Draw each image's parameters from the full training ranges instead "
            + "(seeded by --seed and the image's stem).")
    boolean random;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--modality", paramLabel = "visible|infrared",
            description = "How to read the inputs: visible as RGB, infrared as one channel (default: the tasks' "
                    + "modality; visible for none).")
    String modality;

    @Option(names = "--overwrite", description = "Replace existing output files (inputs are never overwritten).")
    boolean overwrite;

    /** One image to degrade. */
    private record Job(Path input, String stem, Path output) {}

    @Override
    protected int execute() throws IOException {
        DegradationPlan plan = plan();
        Modality kind = modality(plan);
        OverwritePolicy policy = overwrite ? OverwritePolicy.REPLACE : OverwritePolicy.REFUSE;
        List<Path> inputs = inputs();
        List<Job> jobs = new ArrayList<>();
        for (Path input : inputs) {
            String stem = PairFinder.stem(input);
            jobs.add(new Job(input, stem, out.resolve(stem + ".png")));
        }
        Path record = out.resolve(RECORD);
        // Check everything before writing anything: targets, then every input decodes.
        Set<Path> protectedFiles = new HashSet<>(inputs);
        checkTargets(jobs, record, protectedFiles, policy);
        ImageLoader loader = new ImageLoader();
        for (Job job : jobs) {
            read(loader, job.input(), kind);
        }
        Files.createDirectories(out);
        PngWriter writer = new PngWriter(protectedFiles, policy);
        List<Map<String, Object>> images = new ArrayList<>();
        for (Job job : jobs) {
            long start = System.nanoTime();
            FloatImage clean = read(loader, job.input(), kind);
            DegradationResult result = DegradationSynthesizer.degrade(clean, job.stem(), plan, seed);
            writer.write(result.degraded(), job.output());
            images.add(entry(job, result));
            out().printf(Locale.ROOT, "%s: %s -> %s (%s)%n", job.stem(), describe(result.applied()), job.output(),
                    FuseCommand.millis(System.nanoTime() - start));
        }
        writeRecord(record, plan, kind, images, protectedFiles, policy);
        out().printf(Locale.ROOT, "%d %s image(s) degraded (%s, %s) written to %s; parameters in %s%n", jobs.size(),
                kind.id(), String.join("+", plan.tasks().stream().map(Task::id).toList()), strength(plan), out, record);
        return ExitCodes.OK;
    }

    /** The plan from --task, --severity and --random; a bad value is one line naming it (exit 2). */
    private DegradationPlan plan() {
        try {
            List<Task> tasks = Task.parseList(task);
            if (random && severity != null) {
                throw new IllegalArgumentException("give either --severity or --random, not both");
            }
            return random ? DegradationPlan.random(tasks)
                    : DegradationPlan.preset(tasks, severity == null ? Severity.MEDIUM : Severity.parse(severity));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, e.getMessage());
        }
    }

    /** --modality, checked against every task, or the tasks' own. */
    private Modality modality(DegradationPlan plan) {
        if (modality == null) {
            return plan.modality().orElse(Modality.VISIBLE);
        }
        try {
            Modality m = Modality.parse(modality);
            plan.tasks().forEach(t -> t.requireModality(m));
            return m;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, e.getMessage());
        }
    }

    private static FloatImage read(ImageLoader loader, Path file, Modality kind) {
        return kind == Modality.VISIBLE ? loader.readVisible(file) : loader.readInfrared(file);
    }

    private static String strength(DegradationPlan plan) {
        return plan.severity().map(Severity::id).orElse("random");
    }

    /** {@code low-light (gamma 2.5, gain 0.3, ...) + noise (...)}: for the log line. */
    static String describe(List<Degradation> applied) {
        return applied.stream().map(d -> d.task().id() + (d.parameters().isEmpty() ? "" : " ("
                + d.parameters().entrySet().stream().map(e -> e.getKey() + " " + format(e.getValue()))
                        .collect(Collectors.joining(", ")) + ")"))
                .collect(Collectors.joining(" + "));
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(value);
    }

    private Map<String, Object> entry(Job job, DegradationResult result) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("image", job.stem());
        image.put("input", job.input().toString());
        image.put("output", job.output().toString());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Degradation d : result.applied()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("task", d.task().id());
            step.put("parameters", d.parameters());
            steps.add(step);
        }
        image.put("degradations", steps);
        return image;
    }

    private void writeRecord(Path record, DegradationPlan plan, Modality kind, List<Map<String, Object>> images,
            Set<Path> protectedFiles, OverwritePolicy policy) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "synth-degrade");
        root.put("tasks", plan.tasks().stream().map(Task::id).toList()); // in application order
        root.put("severity", strength(plan));
        root.put("modality", kind.id());
        root.put("seed", seed);
        root.put("images", images);
        new AtomicFiles(protectedFiles, policy).write(record, o -> JSON.writeValue(o, root));
    }

    /** The input images: the file, or the folder's images (sorted, hidden files skipped, one per stem). */
    private List<Path> inputs() throws IOException {
        // As synth-haze lists its inputs, so both commands accept the same folders.
        if (!Files.exists(in)) {
            throw new BadInputException(in, "not found");
        }
        if (!Files.isDirectory(in)) {
            if (!PairFinder.hasImageExtension(in.getFileName().toString())) {
                throw new BadInputException(in, "not an image file (PNG, JPEG, BMP or TIFF expected)");
            }
            return List.of(in);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> PairFinder.hasImageExtension(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new BadInputException(in, "folder holds no images (PNG, JPEG, BMP or TIFF)");
        }
        Set<String> stems = new HashSet<>();
        for (Path f : files) {
            if (!stems.add(PairFinder.stem(f))) {
                throw new BadInputException(f, "another image in the folder has the stem '" + PairFinder.stem(f)
                        + "'; outputs are named by stem, keep one");
            }
        }
        return files;
    }

    private void checkTargets(List<Job> jobs, Path record, Set<Path> protectedFiles, OverwritePolicy policy) {
        AtomicFiles files = new AtomicFiles(protectedFiles, policy);
        List<Path> targets = new ArrayList<>(jobs.stream().map(Job::output).toList());
        targets.add(record);
        Path dir = out.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(out, "is a file, an output folder was expected");
        }
        if (Files.isDirectory(dir)) {
            targets.forEach(files::checkTarget);
        }
    }
}
