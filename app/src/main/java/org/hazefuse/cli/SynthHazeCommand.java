package org.hazefuse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hazefuse.haze.DepthMode;
import org.hazefuse.haze.HazePreset;
import org.hazefuse.haze.HazeResult;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
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
 * {@code hazefuse synth-haze}: hazes clear visible images with the atmospheric scattering model
 * ({@link HazeSynthesizer}). Output {@code <out>/<stem>.png} keeps the input's stem, so a hazy folder pairs with the
 * infrared folder by stem (the {@code hazy/ + ir/ + gt/} layout). Deterministic: the same seed gives the same files.
 */
@Command(name = "synth-haze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Add synthetic haze to clear visible images.",
            "Model: I = J*t + A*(1 - t), t = exp(-beta*d).",
            "Writes <out>/<stem>.png per image: the input's stem, so the folder pairs",
            "with an ir/ folder. With --transmission DIR also t as <DIR>/<stem>.png."})
final class SynthHazeCommand extends HeadlessCommand {
    @Option(names = "--in", required = true, paramLabel = "DIR|FILE", description = "Clear visible image or folder.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--preset", defaultValue = "medium", paramLabel = "light|medium|heavy|random",
            description = "Starting haze (default: ${DEFAULT-VALUE}); 'random' draws one per image from --seed, "
                    + "covering transmission down to 0.05 and airlight 0.6-1.0. The options below override it.")
    String preset;

    @Option(names = "--beta", paramLabel = "B", description = "Scattering coefficient beta >= 0 "
            + "(transmission at the farthest point is exp(-beta)).")
    Double beta;

    @Option(names = "--airlight", paramLabel = "A|R,G,B", description = "Atmospheric light in [0, 1], gray or per channel.")
    String airlight;

    @Option(names = "--depth", paramLabel = "uniform|radial|vertical|PATH",
            description = "Depth proxy, or a depth image (1 = far) / a folder of depth images named by stem.")
    String depth;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--transmission", paramLabel = "DIR", description = "Also write the transmission maps here.")
    Path transmissionDir;

    @Option(names = "--overwrite", description = "Replace existing output files (inputs are never overwritten).")
    boolean overwrite;

    /** One image to haze. */
    private record Job(Path clear, String stem, HazeSettings settings, Optional<Path> depthImage, Path hazyOut,
            Optional<Path> transmissionOut) {}

    @Override
    protected int execute() throws IOException {
        OverwritePolicy policy = overwrite ? OverwritePolicy.REPLACE : OverwritePolicy.REFUSE;
        List<Path> inputs = inputs();
        ImageLoader loader = new ImageLoader();
        List<Job> jobs = new ArrayList<>();
        Set<Path> protectedFiles = new HashSet<>(inputs);
        for (Path clear : inputs) {
            String stem = PairFinder.stem(clear);
            Optional<Path> depthImage = depthImage(stem);
            depthImage.ifPresent(protectedFiles::add);
            jobs.add(new Job(clear, stem, settings(stem, depthImage.isPresent()), depthImage,
                    out.resolve(stem + ".png"), Optional.ofNullable(transmissionDir).map(d -> d.resolve(stem + ".png"))));
        }
        // Check everything before writing anything: targets, then every input decodes.
        checkTargets(jobs, protectedFiles, policy);
        for (Job job : jobs) {
            loader.readVisible(job.clear());
            job.depthImage().ifPresent(loader::read);
        }
        Files.createDirectories(out);
        if (transmissionDir != null) {
            Files.createDirectories(transmissionDir);
        }
        PngWriter writer = new PngWriter(protectedFiles, policy);
        for (Job job : jobs) {
            long start = System.nanoTime();
            FloatImage clear = loader.readVisible(job.clear());
            FloatImage depthMap = job.depthImage().map(p -> loader.read(p).luma()).orElse(null);
            HazeResult result = HazeSynthesizer.apply(clear, job.settings(), depthMap);
            writer.write(result.hazy(), job.hazyOut());
            if (job.transmissionOut().isPresent()) {
                writer.write(result.transmission(), job.transmissionOut().get());
            }
            HazeSettings s = job.settings();
            out().printf(Locale.ROOT, "%s: beta %.3f, airlight (%.2f, %.2f, %.2f), depth %s, t >= %.3f -> %s (%s)%n",
                    job.stem(), s.beta(), s.airlight().r(), s.airlight().g(), s.airlight().b(),
                    s.mode().name().toLowerCase(Locale.ROOT), s.minTransmission(), job.hazyOut(),
                    FuseCommand.millis(System.nanoTime() - start));
        }
        out().printf(Locale.ROOT, "%d hazy image(s) written to %s%n", jobs.size(), out);
        return ExitCodes.OK;
    }

    private List<Path> inputs() throws IOException {
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

    /** The haze of one image: the preset (or a random draw), then the explicit options on top. */
    private HazeSettings settings(String stem, boolean depthImage) {
        HazeSettings base = switch (preset.toLowerCase(Locale.ROOT)) {
            case "light" -> HazePreset.LIGHT.settings();
            case "medium" -> HazePreset.MEDIUM.settings();
            case "heavy" -> HazePreset.HEAVY.settings();
            // One draw per image, from the seed and the stem: adding files to the folder changes no other image.
            case "random" -> new HazeSampler().sample(new SplittableRandom(seed ^ mix(stem)).nextLong());
            default -> throw badOption("--preset must be light, medium, heavy or random, not '" + preset + "'");
        };
        DepthMode mode = depthImage ? DepthMode.DEPTH_IMAGE : depthMode().orElse(base.mode());
        try {
            return new HazeSettings(beta != null ? beta : base.beta(), airlight().orElse(base.airlight()), mode,
                    base.near(), base.centerX(), base.centerY(), base.relief(), base.seed());
        } catch (IllegalArgumentException e) {
            throw badOption(e.getMessage());
        }
    }

    private Optional<DepthMode> depthMode() {
        if (depth == null) {
            return Optional.empty();
        }
        return switch (depth.toLowerCase(Locale.ROOT)) {
            case "uniform" -> Optional.of(DepthMode.UNIFORM);
            case "radial" -> Optional.of(DepthMode.RADIAL);
            case "vertical" -> Optional.of(DepthMode.VERTICAL);
            default -> Optional.empty();
        };
    }

    /** The depth image for {@code stem} when --depth is a path: the file itself, or the folder's file of that stem. */
    private Optional<Path> depthImage(String stem) throws IOException {
        if (depth == null || depthMode().isPresent()) {
            return Optional.empty();
        }
        Path path = Path.of(depth);
        if (!Files.exists(path)) {
            throw new BadInputException(path, "depth image or folder not found (or use uniform, radial, vertical)");
        }
        if (!Files.isDirectory(path)) {
            return Optional.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return Optional.of(s.filter(Files::isRegularFile)
                    .filter(p -> PairFinder.hasImageExtension(p.getFileName().toString()))
                    .filter(p -> PairFinder.stem(p).equals(stem))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(path, "no depth image with stem '" + stem + "'")));
        }
    }

    private Optional<HazeSettings.Airlight> airlight() {
        if (airlight == null) {
            return Optional.empty();
        }
        try {
            String[] parts = airlight.split(",");
            if (parts.length == 1) {
                return Optional.of(HazeSettings.Airlight.gray(Double.parseDouble(parts[0].trim())));
            }
            if (parts.length == 3) {
                return Optional.of(new HazeSettings.Airlight(Double.parseDouble(parts[0].trim()),
                        Double.parseDouble(parts[1].trim()), Double.parseDouble(parts[2].trim())));
            }
        } catch (NumberFormatException e) {
            // reported below
        } catch (IllegalArgumentException e) {
            throw badOption("--airlight: " + e.getMessage());
        }
        throw badOption("--airlight must be one value or three comma-separated values in [0, 1], not '"
                + airlight + "'");
    }

    private void checkTargets(List<Job> jobs, Set<Path> protectedFiles, OverwritePolicy policy) {
        AtomicFiles files = new AtomicFiles(protectedFiles, policy);
        for (Job job : jobs) {
            List<Path> targets = new ArrayList<>(List.of(job.hazyOut()));
            job.transmissionOut().ifPresent(targets::add);
            for (Path target : targets) {
                Path dir = target.toAbsolutePath().getParent();
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new BadInputException(dir, "is a file, an output folder was expected");
                }
                if (Files.isDirectory(dir)) {
                    files.checkTarget(target);
                }
            }
        }
    }

    private static long mix(String stem) {
        long h = 1125899906842597L;
        for (int i = 0; i < stem.length(); i++) {
            h = 31 * h + stem.charAt(i);
        }
        return h;
    }
}
