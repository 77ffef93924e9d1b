package org.hazefuse.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.FileClaim;
import org.hazefuse.io.TempFiles;
import org.hazefuse.runtime.Engines;
import org.hazefuse.data.Batch;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.model.iassf.IassfInputs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.IassfOutputs;
import org.hazefuse.image.Tensors;
import org.hazefuse.loss.FusionLoss;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.ImagePair;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.model.iassf.WeightsManifest;

/**
 * Trains an IASSF network: AdamW with cosine annealing on {@link FusionLoss}, checkpoints every N steps (and when
 * cancelled), validation on whole frames, and progress events. A run resumes from its run folder's checkpoint with
 * the same step count and schedule; the final weights go to {@code model.hzf} in the run folder.
 *
 * <p>Crash safety: the checkpoint at the last step is written before the final validation and {@code model.hzf},
 * so a run killed after it is finished by resuming (validation and weights again, no step). While it runs, the
 * trainer holds a claim on its folder ({@link FileClaim}), sweeps the temp files a killed run left of its own
 * files, and cuts the logs back to the checkpoint's step.
 */
public final class Trainer {

    public static final String WEIGHTS_FILE = "model" + WeightsFile.EXTENSION;
    /** The claim a trainer holds on its run folder while it runs. */
    static final String RUN_CLAIM = "training";
    /** The files a trainer writes in its run folder, whose stale temp files it sweeps. */
    private static final List<String> OWN_FILES = List.of(Checkpoint.FILE_NAME, WEIGHTS_FILE, TrainingLog.STEPS,
            TrainingLog.VALIDATION);
    private static final int THROUGHPUT_WINDOW = 20;
    private static final int MAX_NON_FINITE_IN_A_ROW = 10;

    private final IassfConfig model;
    private final TrainingConfig config;
    private final BatchSource data;
    private final List<ImagePair> validation;
    private final Device device;
    private final Optional<Path> initialWeights;
    private final Map<String, String> provenance;

    /**
     * @param initialWeights weights to fine-tune from (ignored when resuming), or empty to start from scratch
     */
    public Trainer(IassfConfig model, TrainingConfig config, BatchSource data, List<ImagePair> validation,
            Device device, Optional<Path> initialWeights) {
        this(model, config, data, validation, device, initialWeights, Map.of());
    }

    /**
     * @param provenance what the trainer cannot know about its data (sources, batch, patch), written into the
     *     final weights' manifest next to the schedule, the loss weights and the steps
     */
    public Trainer(IassfConfig model, TrainingConfig config, BatchSource data, List<ImagePair> validation,
            Device device, Optional<Path> initialWeights, Map<String, String> provenance) {
        this.model = model;
        this.config = config;
        this.data = data;
        this.validation = List.copyOf(validation);
        this.device = device;
        this.initialWeights = initialWeights;
        this.provenance = Map.copyOf(provenance);
    }

    public Path checkpointFile() {
        return config.runDir().resolve(Checkpoint.FILE_NAME);
    }

    /** What a finished or stopped run reached. */
    public record Result(long step, boolean completed, Path weights, double wallSeconds) {}

    /**
     * Runs to the configured step count.
     *
     * @param resume continue from the run folder's checkpoint (which must exist); otherwise the folder must not
     *     hold one, so a finished or running experiment is never overwritten by accident
     * @return the step reached; {@code completed} is false when cancelled (a checkpoint is saved first)
     */
    public Result run(boolean resume, TrainingListener listener, CancelSignal cancel) throws IOException {
        Files.createDirectories(config.runDir());
        try (FileClaim claim = FileClaim.tryAcquire(config.runDir(), RUN_CLAIM).orElseThrow(() ->
                new BadInputException(config.runDir(), "another training run is using this folder"))) {
            // Under the claim no other trainer writes here: temp files of this run's names are a dead run's.
            TempFiles.sweep(config.runDir(), OWN_FILES);
            return runClaimed(resume, listener, cancel);
        }
    }

    private Result runClaimed(boolean resume, TrainingListener listener, CancelSignal cancel) throws IOException {
        Path checkpoint = checkpointFile();
        if (resume && !Files.exists(checkpoint)) {
            throw new BadInputException(checkpoint, "nothing to resume: no checkpoint in this folder");
        }
        if (!resume && Files.exists(checkpoint)) {
            throw new BadInputException(checkpoint,
                    "the run folder already holds a checkpoint: resume it or choose another folder");
        }
        Engines.seed(config.seed());
        try (NDManager manager = Engines.manager(device)) {
            IassfNetwork network = createNetwork(manager, resume);
            // Frozen parts get no gradient, so the backward pass also stops where they begin.
            List<Parameter> parameters = network.parametersOf(config.trainedParts());
            AdamW optimizer = new AdamW(parameters, manager, config.weightDecay());
            long startStep = 0;
            double wallBefore = 0;
            if (resume) {
                Checkpoint.Header h = Checkpoint.load(checkpoint, network, optimizer, manager).header();
                // A different --steps extends or shortens the run: the cosine schedule is re-planned over the new
                // total from the checkpoint's step on (the learning rate jumps once, to its value on the new plan).
                if (h.step() > config.steps()) {
                    throw new BadInputException(checkpoint, "the checkpoint is already at step "
                            + h.step() + ": ask for " + h.step() + " steps or more to continue this run");
                }
                startStep = h.step();
                wallBefore = h.wallSeconds();
            }
            // Rows past the checkpoint were logged by a run killed before its next checkpoint: they come again.
            // A run at its last step redoes the final validation, so that row goes too.
            boolean finishing = startStep == config.steps();
            new TrainingLog(config.runDir()).truncate(startStep, finishing ? startStep - 1 : startStep);
            // Loaded parameter arrays are new tensors without gradients; training needs them on every trained one.
            network.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
            parameters.forEach(p -> p.getArray().setRequiresGradient(true));
            return loop(manager, network, optimizer, startStep, wallBefore, listener, cancel);
        }
    }

    private IassfNetwork createNetwork(NDManager manager, boolean resume) {
        if (!resume && initialWeights.isPresent()) {
            return WeightsFile.load(initialWeights.get(), manager, model).network();
        }
        IassfNetwork network = new IassfNetwork(model);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
        return network;
    }

    private Result loop(NDManager manager, IassfNetwork network, AdamW optimizer, long startStep,
            double wallBefore, TrainingListener listener, CancelSignal cancel) throws IOException {
        CosineSchedule schedule = new CosineSchedule(config.learningRate(), config.minLearningRate(), config.steps());
        TrainingLog log = new TrainingLog(config.runDir());
        long runStart = System.nanoTime();
        long step = startStep;
        Throughput throughput = new Throughput(THROUGHPUT_WINDOW);
        int nonFiniteInARow = 0;
        try (BatchSource.Stream batches = data.open(startStep)) {
            while (step < config.steps()) {
                if (cancel.isCancelled()) {
                    save(network, optimizer, step, wallBefore, runStart, listener);
                    return new Result(step, false, null, wall(wallBefore, runStart));
                }
                Batch batch = batches.next();
                long t0 = System.nanoTime();
                float lr = schedule.at(step);
                FusionLoss.Values parts = trainStep(manager, network, optimizer, batch, lr);
                if (!Float.isFinite(parts.total())) {
                    // A rare non-finite batch must not poison the weights: drop its gradients and go on.
                    optimizer.discardGradients();
                    if (++nonFiniteInARow >= MAX_NON_FINITE_IN_A_ROW) {
                        save(network, optimizer, step, wallBefore, runStart, listener);
                        throw new IllegalStateException("the loss was not finite for " + nonFiniteInARow
                                + " steps in a row at step " + step + ": lower the learning rate");
                    }
                    continue;
                }
                nonFiniteInARow = 0;
                step++;
                throughput.add(batch.size(), System.nanoTime() - t0);
                Duration eta = throughput.eta(config.steps() - step, batch.size());
                var event = new TrainingListener.StepEvent(step, config.steps(), lr, parts.total(), parts.dehaze(),
                        parts.intensity(), parts.gradient(), throughput.samplesPerSecond(), eta);
                log.step(event, wall(wallBefore, runStart));
                listener.onStep(event);
                if (step % config.checkpointEvery() == 0 || step == config.steps()) {
                    save(network, optimizer, step, wallBefore, runStart, listener);
                }
                if (config.validateEvery() > 0 && step % config.validateEvery() == 0 && step != config.steps()) {
                    validate(manager, network, step, log, listener, cancel);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            save(network, optimizer, step, wallBefore, runStart, listener);
            throw new CancellationException("training interrupted at step " + step);
        }
        validate(manager, network, step, log, listener, cancel);
        double wall = wall(wallBefore, runStart);
        Path weights = config.runDir().resolve(WEIGHTS_FILE);
        WeightsFile.save(network, weights, manifestNotes(step, wall));
        return new Result(step, true, weights, wall);
    }

    /** How the weights were made: enough to train them again. */
    Map<String, String> manifestNotes(long step, double wallSeconds) {
        Map<String, String> notes = new TreeMap<>(provenance);
        notes.put("steps", Long.toString(step));
        notes.put("wallSeconds", String.format(Locale.ROOT, "%.0f", wallSeconds));
        notes.put("schedule", "AdamW, lr " + plain(config.learningRate()) + " to " + plain(config.minLearningRate())
                + " cosine over " + config.steps() + " steps, weight decay " + plain(config.weightDecay()));
        FusionLoss.Weights w = config.loss();
        notes.put("loss", "dehaze " + plain(w.dehaze()) + ", intensity " + plain(w.intensity()) + ", gradient "
                + plain(w.gradient()));
        notes.put("seed", Long.toString(config.seed()));
        if (!config.trainedParts().isEmpty()) {
            notes.put("trained", String.join(", ", new TreeSet<>(config.trainedParts()))
                    + " (the other parts as initialised)");
        }
        if (initialWeights.isPresent()) {
            // A fine-tune's weights have seen the initial weights' steps too: "steps" counts both.
            Path file = initialWeights.get();
            WeightsManifest init = WeightsFile.readManifest(file);
            String before = init.provenance().getOrDefault("steps", "");
            notes.put("init", file.getFileName() + " (sha256 " + init.sha256().substring(0, 12)
                    + (before.isEmpty() ? "" : ", " + before + " steps") + ")");
            if (before.matches("[0-9]+")) {
                notes.put("steps", Long.toString(Long.parseLong(before) + step));
                notes.put("fineTuneSteps", Long.toString(step));
            }
        }
        return notes;
    }

    /**
     * Forward, loss, backward and the optimizer update on one batch (the update is skipped when the loss is not
     * finite); returns {total, dehaze, intensity, gradient}.
     *
     * <p>The update runs before the step's arrays are closed: PyTorch may hand a parameter the very gradient tensor
     * that started the backward pass, whose memory belongs to an array of this step.
     */
    private FusionLoss.Values trainStep(NDManager manager, IassfNetwork network, AdamW optimizer, Batch batch,
            float lr) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engines.gradientCollector()) {
            FusionLoss.Parts parts = forwardLoss(scope, network, batch, config.loss());
            collector.backward(parts.total());
            FusionLoss.Values values = parts.values();
            if (Float.isFinite(values.total())) {
                optimizer.update(lr);
            }
            return values;
        }
    }

    /** The training forward pass and the loss of one batch; every array it makes belongs to {@code scope}. */
    static FusionLoss.Parts forwardLoss(NDManager scope, IassfNetwork network, Batch batch,
            FusionLoss.Weights weights) {
        NDList arrays = batch.toNDList(scope);
        NDArray hazy = Tensors.toSigned(arrays.get(0));
        NDArray infrared = Tensors.toThreeChannels(Tensors.toSigned(arrays.get(1)));
        NDArray clear = Tensors.toSigned(arrays.get(2));
        Optional<DarkChannelPrior.Estimate> prior = batch.hasPrior()
                ? Optional.of(new DarkChannelPrior.Estimate(arrays.get(3), arrays.get(4)))
                : Optional.empty();
        IassfOutputs out = network.forward(new ParameterStore(scope, false), new IassfInputs(hazy, infrared, prior),
                true);
        return FusionLoss.compute(out.dehazed(), out.fused(), clear, infrared, weights);
    }

    private void validate(NDManager manager, IassfNetwork network, long step, TrainingLog log,
            TrainingListener listener, CancelSignal cancel) throws IOException {
        if (validation.isEmpty()) {
            return;
        }
        Validation.Scores scores = Validation.score(manager, network, validation, config.loss(), cancel);
        var event = new TrainingListener.ValidationEvent(step, scores.psnr(), scores.ssim(), scores.loss());
        log.validation(event);
        listener.onValidation(event);
    }

    private void save(IassfNetwork network, AdamW optimizer, long step, double wallBefore, long runStart,
            TrainingListener listener) throws IOException {
        Path file = checkpointFile();
        Checkpoint.save(file, Checkpoint.header(step, config.steps(), model, wall(wallBefore, runStart)), network,
                optimizer);
        listener.onCheckpoint(step, file);
    }

    /** 0.0002 rather than 2.0E-4 or 0.000200000. */
    private static String plain(float x) {
        return new BigDecimal(Float.toString(x)).stripTrailingZeros().toPlainString();
    }

    private static double wall(double before, long start) {
        return before + (System.nanoTime() - start) / 1e9;
    }

    /** Samples per second over a sliding window of recent steps. */
    private static final class Throughput {
        private final int window;
        private final java.util.ArrayDeque<long[]> recent = new java.util.ArrayDeque<>();

        Throughput(int window) {
            this.window = window;
        }

        void add(int samples, long nanos) {
            recent.addLast(new long[] {samples, nanos});
            if (recent.size() > window) {
                recent.removeFirst();
            }
        }

        double samplesPerSecond() {
            long samples = recent.stream().mapToLong(r -> r[0]).sum();
            long nanos = recent.stream().mapToLong(r -> r[1]).sum();
            return nanos == 0 ? 0 : samples / (nanos / 1e9);
        }

        Duration eta(long stepsLeft, int batchSize) {
            double rate = samplesPerSecond();
            return rate == 0 ? Duration.ZERO : Duration.ofMillis((long) (stepsLeft * batchSize / rate * 1000));
        }
    }
}
