package org.hazefuse.gui.core;

import ai.djl.Device;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.data.PairCache;
import org.hazefuse.data.PatchSampler;
import org.hazefuse.data.TrainingSet;
import org.hazefuse.data.ValidationSet;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.training.Trainer;
import org.hazefuse.gui.training.TrainingConfig;
import org.hazefuse.gui.training.TrainingListener;
import org.hazefuse.gui.training.TrainingProgress;
import org.hazefuse.gui.training.TrainingRun;
import org.hazefuse.gui.training.ValidationFigures;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.loss.FusionLoss;
import org.hazefuse.training.BatchSource;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.model.iassf.IassfFamily;

/**
 * {@link Trainer} over core {@code org.hazefuse.training}: fine-tunes the chosen configuration (from its shipped
 * weights, or a weights file) on a dataset folder or on the loaded pairs, in a run folder under
 * {@code ~/.hazefuse/runs/}. Pause cancels the core run, which saves a checkpoint; resume continues from it with the
 * same schedule. A few pairs are held aside for validation figures.
 */
public final class CoreTrainer implements Trainer {
    /** Pairs held aside for validation (fewer when there are fewer pairs). */
    private static final int VALIDATION_PAIRS = 2;
    /** Shipped weights as class-path resources (see MethodCatalog). */

    private final Path runsFolder;

    public CoreTrainer(Path runsFolder) {
        this.runsFolder = runsFolder;
    }

    /** Runs under {@code ~/.hazefuse/runs}. */
    public static CoreTrainer inUserHome() {
        return new CoreTrainer(Path.of(System.getProperty("user.home"), ".hazefuse", "runs"));
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public TrainingRun start(TrainingConfig config, TrainingListener listener) {
        Job job = new Job(config, listener);
        Thread thread = new Thread(job::runLoop, "hazefuse-training");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    /** One fine-tuning job: prepares on its thread, then runs, pauses (checkpoint) and resumes until done. */
    private final class Job implements TrainingRun {
        private final TrainingConfig config;
        private final TrainingListener listener;
        private volatile boolean stopRequested;
        private volatile boolean cancelled;
        private boolean paused;
        private long lastStep;

        Job(TrainingConfig config, TrainingListener listener) {
            this.config = config;
            this.listener = listener;
        }

        void runLoop() {
            try {
                org.hazefuse.training.Trainer trainer = prepare();
                boolean resume = false;
                while (true) {
                    stopRequested = false;
                    var result = trainer.run(resume, adapter(), () -> stopRequested || cancelled);
                    if (result.completed()) {
                        listener.finished((int) result.step(), false, Optional.of(result.weights()));
                        return;
                    }
                    if (cancelled || !awaitResume()) {
                        listener.finished((int) result.step(), true, Optional.empty());
                        return;
                    }
                    resume = true;
                }
            } catch (CancellationException e) {
                listener.finished((int) lastStep, true, Optional.empty());
            } catch (Exception | LinkageError e) {
                listener.failed(e);
            }
        }

        private org.hazefuse.training.TrainingListener adapter() {
            return new org.hazefuse.training.TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    lastStep = e.step();
                    Map<String, Double> parts = new LinkedHashMap<>();
                    parts.put("dehaze", (double) e.dehaze());
                    parts.put("intensity", (double) e.intensity());
                    parts.put("gradient", (double) e.gradient());
                    listener.progress(new TrainingProgress((int) e.step(), (int) e.totalSteps(), e.loss(), parts,
                            e.samplesPerSecond(), e.eta()));
                }

                @Override
                public void onValidation(ValidationEvent e) {
                    Map<String, Double> figures = new LinkedHashMap<>();
                    figures.put("PSNR (dB)", e.psnr());
                    figures.put("SSIM", e.ssim());
                    figures.put("loss", e.loss());
                    listener.validation(new ValidationFigures((int) e.step(), figures));
                }

                @Override
                public void onCheckpoint(long step, Path file) {
                    listener.checkpoint(file);
                }
            };
        }

        /** Turns the panel's choices into a core trainer: data, validation, model, initial weights, run folder. */
        private org.hazefuse.training.Trainer prepare() throws IOException {
            Path runDir = runsFolder.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + safe(config.model()));
            Files.createDirectories(runDir);
            IassfConfig model;
            Optional<Path> initial;
            Optional<IassfConfig> named = IassfConfigs.byName(config.model());
            if (named.isPresent()) {
                model = named.get();
                initial = shippedWeights(model.name(), runDir);
            } else if (config.model().endsWith(WeightsFile.EXTENSION) && Files.isRegularFile(Path.of(config.model()))) {
                Path file = Path.of(config.model());
                model = WeightsFile.readManifest(file).config();
                initial = Optional.of(file);
            } else {
                throw new BadInputException(null, "'" + config.model() + "' has no trainable weights: choose an IASSF "
                        + "configuration (" + String.join(", ", IassfConfigs.names()) + ") or a weights file");
            }
            List<PairPaths> pairs = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Path folder : config.datasetFolders()) {
                pairs.addAll(org.hazefuse.training.TrainingRun.find(folder, warnings));
            }
            for (InputPair p : config.pairs()) {
                pairs.add(new PairPaths(p.name(), p.visible(), p.infrared()));
            }
            int held = pairs.size() > VALIDATION_PAIRS ? VALIDATION_PAIRS : 0;
            List<PairPaths> validationPaths = pairs.subList(pairs.size() - held, pairs.size());
            List<PairPaths> trainingPaths = pairs.subList(0, pairs.size() - held);
            if (trainingPaths.isEmpty()) {
                throw new BadInputException(config.datasetFolders().isEmpty() ? null : config.datasetFolders().get(0),
                        "no training pairs found");
            }
            long seed = 1;
            PairLoader loader = new PairLoader();
            HazeSampler haze = new HazeSampler();
            TrainingSet set = new TrainingSet(trainingPaths, haze, new PairCache(loader, PairCache.DEFAULT_MAX_BYTES));
            PatchSampler sampler = org.hazefuse.training.TrainingRun.sampler(set, config.patchSize(), seed, model);
            var validation = ValidationSet.load(validationPaths, loader, haze, seed);
            float lr = (float) config.learningRate();
            // Checkpoints every 50–200 steps; the core trainer also writes one on pause, cancel and at the end.
            var training = new org.hazefuse.training.TrainingConfig(config.steps(), lr, lr / 100, 1e-4f,
                    Math.min(200, Math.max(50, config.steps() / 10)), config.validateEvery(), runDir, seed,
                    FusionLoss.Weights.SPEC, config.fusionOnly() ? Set.of("fusion") : Set.of());
            Device device = Engines.select("auto");
            return new org.hazefuse.training.Trainer(model, training,
                    BatchSource.prefetched(sampler, config.batchSize(), 1), validation, device, initial);
        }

        /** Copies a configuration's shipped weights (a class-path resource) into the run folder to start from. */
        private Optional<Path> shippedWeights(String config, Path runDir) throws IOException {
            Optional<InputStream> shipped = IassfFamily.openShippedWeights(config);
            if (shipped.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = shipped.get()) {
                Path target = runDir.resolve("initial" + WeightsFile.EXTENSION);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                return Optional.of(target);
            }
        }

        private synchronized boolean awaitResume() {
            while (paused && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !cancelled;
        }

        @Override
        public synchronized void pause() {
            paused = true;
            stopRequested = true;
        }

        @Override
        public synchronized void resume() {
            paused = false;
            notifyAll();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }
    }

    private static String safe(String name) {
        String base = Path.of(name).getFileName().toString();
        return base.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
