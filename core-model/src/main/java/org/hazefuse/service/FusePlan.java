package org.hazefuse.service;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.io.IOException;
import org.hazefuse.io.AtomicFiles;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ExistingSets;
import org.hazefuse.io.FoundPairs;
import org.hazefuse.io.OutputNames;
import org.hazefuse.io.OutputSetWriter;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PairFinder;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.io.Remedy;
import org.hazefuse.io.PngWriter;
import org.hazefuse.io.SetState;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * The pairs of a fuse run (the CLI's {@code fuse}, any front end's batch) and their output files
 * ({@link OutputNames}), checked completely before anything is written: every
 * input exists and decodes, each pair's sizes agree, no output is an input, and no output exists unless
 * overwriting or skipping was asked for ({@link ExistingSets}). A run that fails here has written nothing. The
 * outputs are then written as sets ({@link OutputSetWriter}), which decides again under its claim: what the plan saw
 * may have changed since, when other runs write to the same folder.
 */
public final class FusePlan {
    /** Decoded pairs are kept for the run up to this many pixels in all, and read again after that. */
    private static final long CACHE_PIXELS = 16_000_000L;

    /**
     * One pair and the three files it becomes.
     *
     * @param complete its set was complete when planned, under {@link ExistingSets#SKIP_COMPLETE}: nothing to do
     */
    public record Item(PairPaths pair, Path dehazed, Path density, Path fused, boolean complete) {
        /** The output files, in the order a set is published. */
        public List<Path> outputs() {
            return List.of(dehazed, density, fused);
        }

        /** The set {@link OutputSetWriter} writes for {@code result} (8-bit PNGs). */
        public List<OutputSetWriter.Output> outputs(FusionResult result) {
            return List.of(OutputSetWriter.Output.png(dehazed, result.dehazed(), PngWriter.BitDepth.EIGHT),
                    OutputSetWriter.Output.png(density, result.density(), PngWriter.BitDepth.EIGHT),
                    OutputSetWriter.Output.png(fused, result.fused(), PngWriter.BitDepth.EIGHT));
        }
    }

    private final List<Item> items;
    private final List<String> warnings;
    private final Set<Path> inputs;
    private final Map<PairPaths, ImagePair> cache;

    private FusePlan(List<Item> items, List<String> warnings, Set<Path> inputs, Map<PairPaths, ImagePair> cache) {
        this.items = List.copyOf(items);
        this.warnings = List.copyOf(warnings);
        this.inputs = Set.copyOf(inputs);
        this.cache = cache;
    }

    /**
     * Finds the pairs: two files; a visible folder and an infrared folder matched by stem; or one folder with
     * visible and infrared subfolders ({@code infrared} null).
     */
    public static FoundPairs findPairs(Path visible, Path infrared) {
        if (infrared == null) {
            if (Files.isDirectory(visible)) {
                return PairFinder.inFolder(visible);
            }
            throw new BadInputException(visible, Files.exists(visible)
                    ? "an infrared image is needed too (--ir), or give a folder with visible and infrared subfolders"
                    : "not found");
        }
        boolean visibleFolder = Files.isDirectory(visible);
        boolean infraredFolder = Files.isDirectory(infrared);
        if (visibleFolder && infraredFolder) {
            return PairFinder.inFolders(visible, infrared, Optional.empty());
        }
        if (visibleFolder != infraredFolder && Files.exists(visible) && Files.exists(infrared)) {
            Path folder = visibleFolder ? visible : infrared;
            throw new BadInputException(folder, "is a folder but " + (visibleFolder ? infrared : visible)
                    + " is a file: give two files or two folders");
        }
        return PairFinder.ofFiles(visible, infrared);
    }

    /**
     * Checks everything and reads every pair once (a complete set skipped under
     * {@link ExistingSets#SKIP_COMPLETE} is not read).
     *
     * @throws BadInputException for the first problem found, naming the file
     */
    public static FusePlan prepare(FoundPairs found, Path outDir, ExistingSets policy, PairLoader loader) {
        return prepare(found, outDir, policy, loader, CACHE_PIXELS);
    }

    /** As above, keeping at most {@code cachePixels} of decoded pairs (tests read pairs again with 0). */
    static FusePlan prepare(FoundPairs found, Path outDir, ExistingSets policy, PairLoader loader, long cachePixels) {
        if (found.isEmpty()) {
            throw new BadInputException(null, "no visible/infrared pairs found"
                    + (found.warnings().isEmpty() ? "" : ":\n  " + String.join("\n  ", found.warnings())));
        }
        checkOutputFolder(outDir);
        Set<Path> inputs = new HashSet<>();
        for (PairPaths p : found.pairs()) {
            if (sameFile(p.visible(), p.infrared())) {
                throw new BadInputException(p.infrared(), "is given as both the visible and the infrared image");
            }
            inputs.add(p.visible());
            inputs.add(p.infrared());
            p.clear().ifPresent(inputs::add);
        }
        Set<Path> targets = new HashSet<>();
        // Existence is the set's business (below); these checks are about inputs and folders.
        AtomicFiles files = new AtomicFiles(inputs, OverwritePolicy.REPLACE);
        for (PairPaths p : found.pairs()) {
            for (Path target : OutputNames.of(outDir, p.stem()).all()) {
                if (!targets.add(target.toAbsolutePath().normalize())) {
                    throw new BadInputException(target, "would be written twice: two pairs have the stem '"
                            + p.stem() + "'");
                }
                if (Files.isDirectory(outDir)) {
                    files.checkTarget(target);
                }
            }
        }
        checkNotAnInputFolder(outDir, inputs);
        List<Item> items = new ArrayList<>();
        for (PairPaths p : found.pairs()) {
            OutputNames.PairOutputs names = OutputNames.of(outDir, p.stem());
            SetState state = SetState.of(names.all());
            if (policy == ExistingSets.REFUSE && !state.absent()) {
                throw state.refusal();
            }
            boolean complete = policy == ExistingSets.SKIP_COMPLETE && state.complete();
            items.add(new Item(p, names.dehazed(), names.density(), names.fused(), complete));
        }
        Map<PairPaths, ImagePair> cache = new LinkedHashMap<>();
        long cached = 0;
        for (Item item : items) {
            if (item.complete()) {
                continue;
            }
            ImagePair pair = loader.load(item.pair());
            long pixels = (long) pair.width() * pair.height();
            if (cached + pixels <= cachePixels) {
                cache.put(item.pair(), pair);
                cached += pixels;
            }
        }
        return new FusePlan(items, found.warnings(), inputs, cache);
    }

    /**
     * Outputs beside the inputs would be taken for inputs by the next run on that folder ({@code x_fused.png} is a
     * visible image by its name), so the output folder may not hold any input.
     */
    private static void checkNotAnInputFolder(Path outDir, Set<Path> inputs) {
        Path out = outDir.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path folder = input.toAbsolutePath().normalize().getParent();
            if (out.equals(folder)) {
                throw new BadInputException(outDir, "holds input images (" + input.getFileName() + "); outputs there "
                        + "would be read as inputs by the next run", List.of(Remedy.OTHER_FOLDER));
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The folder may exist (then it must be a folder) or must be creatable under its nearest existing parent. */
    private static void checkOutputFolder(Path outDir) {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new BadInputException(outDir, "is a file, an output folder was expected");
            }
            if (!Files.isWritable(outDir)) {
                throw new BadInputException(outDir, "output folder is not writable (" + whyNotWritable(outDir) + ")");
            }
            return;
        }
        Path ancestor = outDir.toAbsolutePath().normalize().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            throw new BadInputException(outDir, "output folder cannot be created"
                    + (ancestor == null ? "" : " (" + ancestor + " is not a writable folder)"));
        }
    }

    /** The reason a folder refuses writes, as far as Java can tell without writing there. */
    private static String whyNotWritable(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return store.isReadOnly() ? "Read-only file system" : "Permission denied";
        } catch (IOException e) {
            return "Permission denied";
        }
    }

    public List<Item> items() {
        return items;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Every input file of the run: never written. */
    public Set<Path> inputs() {
        return inputs;
    }

    /** The pair as read during the checks, or read again when it was not kept; one thread at a time. */
    public ImagePair load(Item item, PairLoader loader) {
        ImagePair pair = cache.remove(item.pair());
        return pair != null ? pair : loader.load(item.pair());
    }
}
