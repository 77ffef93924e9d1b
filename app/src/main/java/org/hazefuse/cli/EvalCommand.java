package org.hazefuse.cli;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.evaluation.Candidate;
import org.hazefuse.evaluation.Candidates;
import org.hazefuse.evaluation.ComparisonGrid;
import org.hazefuse.evaluation.Datasets;
import org.hazefuse.evaluation.Evaluation;
import org.hazefuse.evaluation.HazeChoice;
import org.hazefuse.evaluation.Reports;
import org.hazefuse.evaluation.ScoreRecord;
import org.hazefuse.evaluation.Summary;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PairLoader;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.hazefuse.model.MethodOptions;

/**
 * {@code hazefuse eval}: runs methods (or reads other tools' outputs) on a folder of pairs and writes the tables
 * and plots a report needs. Scoring lives in {@link Evaluation} (core-model); this class handles options, files
 * and the terminal.
 *
 * <p>Exit codes: 0 done, 2 bad input (message names the file and the problem; no output is written), 1 internal
 * error ({@link HeadlessCommand}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores dehazing+fusion methods with the papers' metrics (docs/metrics.md).",
            "Example: eval --data roadscene --list roadscene/val.txt --haze light,medium,heavy "
                + "--methods dcp+max,dcp+gff --markdown table.md --csv scores.csv --plots plots"})
final class EvalCommand extends HeadlessCommand {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder with vis/ + ir/ clear pairs (add --haze) or hazy/ + ir/ + gt/ triplets.")
    Path data;

    @Option(names = "--list", paramLabel = "FILE",
            description = "Only the pairs whose stems this file lists, in its order (e.g. roadscene/val.txt).")
    Path list;

    @Option(names = "--haze", paramLabel = "LEVEL", split = ",", defaultValue = "none",
            description = "Haze synthesized on clear pairs: none, light, medium, heavy (fixed presets) or random "
                    + "(per image, from --seed). Several, e.g. light,medium,heavy, give one table with a row per "
                    + "level and method. Default: ${DEFAULT-VALUE}.")
    List<String> haze = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of --haze random. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--methods", split = ",", paramLabel = "NAME",
            description = "Methods to run, e.g. lite,dcp+gff,none+max, or weights files (.hzf); lite+gff fuses lite's"
                    + " dehazed image with a classical rule (avg, max, lap, gff).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--fused", paramLabel = "DIR",
            description = "Score another tool's outputs: <stem>_fused.png or <stem>.png (and optional "
                    + "<stem>_dehazed.png for PSNR/SSIM); named after the folder. Repeatable.")
    List<Path> fused = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE", description = "Per-image scores.")
    Path csv;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Summary table: mean ± std, best in bold.")
    Path markdown;

    @Option(names = "--plots", paramLabel = "DIR", description = "A box plot per metric (PNG).")
    Path plots;

    @Option(names = "--json", description = "Print the summary (mean of each metric per method) as JSON on stdout.")
    boolean json;

    @Option(names = "--save-images", paramLabel = "DIR",
            description = "One PNG per pair with every method's outputs side by side.")
    Path saveImages;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Pairs evaluated in parallel, each with its own copy of every method (memory grows with "
                    + "it). Default: the number of cores.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    EngineOptions engine;

    @Option(names = "--overwrite", description = "Replace existing output files (inputs are never written).")
    boolean overwrite;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    protected int execute() throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        List<HazeChoice> levels = parseHaze();
        if (methods.isEmpty() && fused.isEmpty()) {
            throw new BadInputException(null, "nothing to evaluate: give --methods and/or --fused");
        }
        if (jobs < 1) {
            throw badOption("--jobs must be at least 1, got " + jobs);
        }
        Device device = device(engine);
        if (!Files.isDirectory(data)) {
            throw new BadInputException(data, "data folder not found");
        }
        // Every level's pairs are found (and bad layouts reported) before any work is done.
        Map<HazeChoice, Datasets.Dataset> datasets = new LinkedHashMap<>();
        for (HazeChoice level : levels) {
            datasets.put(level, Datasets.open(data, Optional.ofNullable(list), level, seed, new PairLoader()));
        }
        Datasets.Dataset first = datasets.values().iterator().next();
        first.warnings().forEach(w -> err.println("warning: " + w));
        List<Path> protectedFiles = new ArrayList<>(first.inputs());
        Optional.ofNullable(list).ifPresent(protectedFiles::add);
        AtomicFiles files = new AtomicFiles(protectedFiles, overwrite ? OverwritePolicy.REPLACE : OverwritePolicy.REFUSE);

        List<Candidate.Factory> candidates = candidates(device);
        List<String> names = Evaluation.names(candidates);
        checkOutputs(files);

        Map<String, List<ScoreRecord>> records = new LinkedHashMap<>();
        Map<String, Summary> summaries = new LinkedHashMap<>();
        int total = first.pairs().size() * levels.size();
        try (ProgressBar bar = progressBar(total)) {
            for (Map.Entry<HazeChoice, Datasets.Dataset> e : datasets.entrySet()) {
                String level = label(e.getKey());
                String gridSuffix = levels.size() > 1 ? "_" + level + "_grid.png" : "_grid.png";
                Evaluation.Listener listener = outcome -> {
                    if (saveImages != null) {
                        saveGrid(files, outcome, gridSuffix);
                    }
                    if (bar != null) {
                        bar.step();
                    }
                };
                List<ScoreRecord> levelRecords = Evaluation.run(e.getValue().pairs(), candidates, jobs, listener,
                        CancelSignal.NEVER);
                records.put(level, levelRecords);
                summaries.put(level, Summary.of(levelRecords, names));
            }
        }

        if (csv != null) {
            writeText(files, csv, Reports.csv(records));
        }
        if (markdown != null) {
            writeText(files, markdown, Reports.markdown(summaries, caption(first.pairs().size(), levels)));
        }
        if (plots != null) {
            MetricPlots.write(records, names, plots, files);
        }
        if (json) {
            out.println(Reports.json(summaries));
        } else {
            out.print(Reports.markdown(summaries, null));
        }
        return ExitCodes.OK;
    }

    static String label(HazeChoice level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private List<HazeChoice> parseHaze() {
        List<HazeChoice> levels = new ArrayList<>();
        try {
            for (String h : haze) {
                HazeChoice level = HazeChoice.parse(h);
                if (levels.contains(level)) {
                    throw new IllegalArgumentException("haze level '" + h + "' is given twice");
                }
                levels.add(level);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, e.getMessage());
        }
        if (levels.isEmpty()) {
            levels.add(HazeChoice.NONE);
        }
        return levels;
    }

    /** Methods are opened once here so an unknown name fails before any work; workers open their own copies. */
    private List<Candidate.Factory> candidates(Device device) {
        List<Candidate.Factory> out = new ArrayList<>();
        MethodOptions options = MethodOptions.defaults(device);
        for (String name : new LinkedHashSet<>(methods)) {
            String trimmed = name.trim();
            try (FusionMethod probe = MethodCatalog.open(trimmed, options)) {
                out.add(Candidates.method(probe.name(), () -> MethodCatalog.open(trimmed, options),
                        DensitySettings.DEFAULT));
            }
        }
        ImageLoader loader = new ImageLoader();
        for (Path folder : fused) {
            Path name = folder.toAbsolutePath().normalize().getFileName();
            out.add(Candidates.fusedFolder(name == null ? folder.toString() : name.toString(), folder, loader));
        }
        List<String> names = Evaluation.names(out);
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new BadInputException(null, "two candidates share a name: " + names);
        }
        return out;
    }

    /** Fails before the run when an output cannot be written (missing folder, existing file, an input). */
    private void checkOutputs(AtomicFiles files) throws IOException {
        for (Path p : new Path[] {csv, markdown}) {
            if (p != null) {
                files.checkTarget(p);
            }
        }
        for (Path dir : new Path[] {plots, saveImages}) {
            if (dir != null) {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new BadInputException(dir, "is a file, expected a folder for outputs");
                }
                Files.createDirectories(dir);
            }
        }
    }

    private void saveGrid(AtomicFiles files, Evaluation.PairOutcome outcome, String suffix) {
        var image = ComparisonGrid.render(outcome.pair(), outcome.outputs());
        Path target = saveImages.resolve(outcome.pair().name() + suffix);
        try {
            files.write(target, o -> {
                if (!ImageIO.write(image, "png", o)) {
                    throw new IOException("no PNG writer");
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeText(AtomicFiles files, Path target, String text) throws IOException {
        files.write(target, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String caption(int pairs, List<HazeChoice> levels) {
        List<String> parts = new ArrayList<>();
        for (HazeChoice level : levels) {
            parts.add(switch (level) {
                case NONE -> "no synthesized haze";
                case RANDOM -> "random synthesized haze (seed " + seed + ")";
                default -> label(level) + " synthesized haze (fixed preset)";
            });
        }
        return "Evaluation on " + pairs + " pairs of `" + data + "`" + (list == null ? "" : " listed in `" + list + "`")
                + ": " + String.join("; ", parts) + ".";
    }

    private ProgressBar progressBar(int max) {
        if (noProgress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("eval").setInitialMax(max).setUnit(" pairs", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
}
