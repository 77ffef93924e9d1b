package org.hazefuse.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.OutputNames;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.ImagePair;

/** The two kinds of {@link Candidate}: running a {@link FusionMethod}, or reading another tool's outputs. */
public final class Candidates {
    private Candidates() {
    }

    /** A method, opened by {@code opener} once per worker thread and run with {@code settings}. */
    public static Candidate.Factory method(String name, Supplier<FusionMethod> opener, DensitySettings settings) {
        return new Candidate.Factory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Candidate open() {
                FusionMethod m = opener.get();
                return new Candidate() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public Outputs produce(ImagePair pair, CancelSignal cancel) {
                        return Outputs.of(m.run(pair, settings, cancel));
                    }

                    @Override
                    public void close() {
                        m.close();
                    }
                };
            }
        };
    }

    /**
     * Existing outputs in {@code folder}: the fused image of pair {@code stem} is {@code <stem>_fused.<ext>} or
     * {@code <stem>.<ext>} (any readable image extension); a dehazed image {@code <stem>_dehazed.<ext>}, when
     * present, adds PSNR/SSIM. Images must have the pair's size.
     */
    public static Candidate.Factory fusedFolder(String name, Path folder, ImageLoader loader) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "folder of fused images not found");
        }
        return new Candidate.Factory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Candidate open() {
                return new Candidate() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public Outputs produce(ImagePair pair, CancelSignal cancel) {
                        Path fusedFile = find(folder, List.of(pair.name() + OutputNames.FUSED, pair.name())).orElseThrow(
                                () -> new BadInputException(folder, "no fused image for pair '" + pair.name()
                                        + "' (looked for " + pair.name() + OutputNames.FUSED + OutputNames.EXTENSION + " or " + pair.name()
                                        + OutputNames.EXTENSION + ")"));
                        FloatImage fused = sized(loader.read(fusedFile), pair, fusedFile);
                        Optional<FloatImage> dehazed = find(folder, List.of(pair.name() + OutputNames.DEHAZED))
                                .map(f -> sized(loader.readVisible(f), pair, f));
                        return new Outputs(fused, dehazed, Optional.empty(), Duration.ZERO);
                    }

                    @Override
                    public void close() {
                        // nothing held
                    }
                };
            }
        };
    }

    private static FloatImage sized(FloatImage image, ImagePair pair, Path file) {
        if (image.width() != pair.width() || image.height() != pair.height()) {
            throw new BadInputException(file, "is " + image.width() + "x" + image.height() + " but pair '"
                    + pair.name() + "' is " + pair.width() + "x" + pair.height());
        }
        return image;
    }

    /** The first existing file named {@code <stem>.<image extension>}, trying stems in order. */
    static Optional<Path> find(Path folder, List<String> stems) {
        for (String stem : stems) {
            List<Path> hits = new ArrayList<>();
            for (String ext : List.of("png", "PNG", "jpg", "jpeg", "JPG", "bmp", "tif", "tiff")) {
                Path p = folder.resolve(stem + "." + ext);
                if (Files.isRegularFile(p)) {
                    hits.add(p);
                }
            }
            if (!hits.isEmpty()) {
                return Optional.of(hits.get(0));
            }
        }
        return Optional.empty();
    }
}
