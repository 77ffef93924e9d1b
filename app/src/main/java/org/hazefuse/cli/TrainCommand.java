package org.hazefuse.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hazefuse.runtime.Engines;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.loss.FusionLoss;
import org.hazefuse.training.Trainer;
import org.hazefuse.training.TrainingConfig;
import org.hazefuse.training.TrainingListener;
import org.hazefuse.training.TrainingLog;
import org.hazefuse.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hazefuse train}: trains or fine-tunes an IASSF configuration with checkpoints, validation and a progress
 * bar; {@code --resume} continues an interrupted run (even after kill -9) from its last checkpoint, and finishes a
 * run killed after its last one (final validation and weights). Ctrl-C or SIGTERM saves a checkpoint, prints
 * "stopped at step N" and exits with 130 or 143 ({@link ExitCodes#TERMINATED}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train an IASSF model on clear pairs (haze synthesized on the fly) or hazy/ir/gt triplets.",
            "Checkpoints go to --run every --checkpoint-every steps; --resume continues from the last one.",
            "The final weights are <run>/model.hzf; per-step and validation logs are CSV files beside them."})
final class TrainCommand extends HeadlessCommand {
    private static final long SHUTDOWN_GRACE_SECONDS = 120;

    @Option(names = "--model", defaultValue = "lite", paramLabel = "CONFIG",
            description = "Configuration to train: lite, paper or tiny (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", required = true, split = ",", paramLabel = "DIR|LIST",
            description = "Training data: folders with vis/ir (or hazy/ir/gt) subfolders, or list files of stems "
                    + "(e.g. roadscene/train.txt). Comma-separated or repeated.")
    List<Path> data;

    @Option(names = "--val", split = ",", paramLabel = "DIR|LIST",
            description = "Held-aside validation pairs, scored on whole frames (removed from the training data).")
    List<Path> validation = List.of();

    @Option(names = "--val-count", defaultValue = "8", paramLabel = "N",
            description = "At most this many validation pairs (default: ${DEFAULT-VALUE}).")
    int validationCount;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder (checkpoints, logs, weights).")
    Path runDir;

    @Option(names = "--resume", description = "Continue the run in --run from its checkpoint (a different --steps "
            + "extends or shortens it; the cosine schedule is re-planned); a run killed after its last checkpoint is "
            + "finished (final validation and model.hzf).")
    boolean resume;

    @Option(names = "--init", paramLabel = "WEIGHTS", description = "Fine-tune from these weights (.hzf).")
    Path initialWeights;

    @Option(names = "--steps", defaultValue = "20000", description = "Total optimizer steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch", defaultValue = "4", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--patch", defaultValue = "128", description = "Square patch side (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--lr", defaultValue = "2e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--min-lr", defaultValue = "2e-6", description = "Final cosine learning rate (default: ${DEFAULT-VALUE}).")
    float minLearningRate;

    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--gradient-weight", defaultValue = "1", paramLabel = "W",
            description = "Weight of the fused-gradient loss term; the spec's is 1, fusion papers often use up to 10"
                    + " for sharper fused images (default: ${DEFAULT-VALUE}).")
    float gradientWeight;

    @Option(names = "--train-only", split = ",", paramLabel = "PART",
            description = "Update only these parts of the network and keep the others as initialised, e.g. fusion"
                    + " (parts: encoder, infraredProjection, prompts, embedding, restoration, fusion).")
    Set<String> trainOnly = Set.of();

    @Option(names = "--haze-transmission", paramLabel = "MIN-MAX", defaultValue = "0.05-0.7",
            description = "Range of the synthesized haze's transmission at the farthest point; higher is lighter"
                    + " haze (default: ${DEFAULT-VALUE}).")
    String hazeTransmission;

    @Option(names = "--checkpoint-every", defaultValue = "100", paramLabel = "STEPS",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--validate-every", defaultValue = "500", paramLabel = "STEPS",
            description = "Steps between validations; 0 validates only at the end (default: ${DEFAULT-VALUE}).")
    long validateEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, sampling and haze (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workers", defaultValue = "1", description = "Data threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Mixin
    EngineOptions engine;

    @Override
    protected int execute() throws Exception {
        IassfConfig config = IassfConfigs.byName(model)
                .orElseThrow(() -> badOption("unknown configuration '" + model + "': use " + IassfConfigs.names()));
        Device device = device(engine);
        if (!(gradientWeight >= 0)) {
            throw badOption("--gradient-weight must be zero or more, got " + gradientWeight);
        }
        var loss = new FusionLoss.Weights(FusionLoss.Weights.SPEC.dehaze(), FusionLoss.Weights.SPEC.intensity(),
                gradientWeight);
        TrainingConfig training;
        try {
            training = new TrainingConfig(steps, learningRate, minLearningRate, weightDecay, checkpointEvery,
                    validateEvery, runDir, seed, loss, trainOnly);
        } catch (IllegalArgumentException e) {
            throw badOption(e.getMessage());
        }
        TrainingRun.Prepared prepared = TrainingRun.prepare(new TrainingRun.Spec(config, data, validation,
                validationCount, batch, patch, workers, training, Optional.ofNullable(initialWeights), device,
                hazeRanges()));
        prepared.warnings().forEach(w -> err().println("warning: " + w));
        out().printf(Locale.ROOT, "training '%s' on %d pairs (%d validation) on %s%n", config.name(),
                prepared.trainingPairs(), prepared.validationPairs(), org.hazefuse.runtime.Engines.describe(device));
        // Ctrl-C or SIGTERM: ask the trainer to stop, and hold the JVM until it has written its checkpoint and this
        // command has said so (the JVM exits when the hook returns, whatever the main thread is still doing).
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                reported.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Trainer.Result result;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
                result = prepared.trainer().run(resume, new TrainingListener() {
                    @Override
                    public void onStep(StepEvent e) {
                        bar.stepTo(e.step());
                        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f  %.2f samples/s", e.loss(),
                                e.samplesPerSecond()));
                    }

                    @Override
                    public void onValidation(ValidationEvent e) {
                        out().printf(Locale.ROOT, "%nstep %d: validation PSNR %.2f dB, SSIM %.4f, loss %.4f%n",
                                e.step(), e.psnr(), e.ssim(), e.loss());
                    }
                }, interrupted::get);
            }
            writePlot();
            if (!result.completed()) {
                err().printf("stopped at step %d; continue with --resume%n", result.step());
                // Only a signal stops the command line's trainer; the JVM then exits with 128 + its number.
                return ExitCodes.TERMINATED;
            }
            out().printf(Locale.ROOT, "done: %d steps in %.0f s; weights %s%n", result.step(), result.wallSeconds(),
                    result.weights());
            return ExitCodes.OK;
        } finally {
            out().flush();
            err().flush();
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting (a signal): the checkpoint is saved and the message printed.
            }
        }
    }

    /** The run's curves as {@code <run>/training.png}; a failure here must not fail the finished training. */
    private void writePlot() {
        try {
            TrainingPlot.write(runDir, TrainingLog.read(runDir), Integer.parseInt(TrainingPlot.DEFAULT_SMOOTHING),
                    runDir.resolve(PlotTrainingCommand.FILE_NAME));
        } catch (Exception e) {
            err().println("warning: could not plot the training curves: " + e.getMessage());
        }
    }

    private HazeSampler.Ranges hazeRanges() {
        String[] parts = hazeTransmission.split("-", 2);
        try {
            return HazeSampler.Ranges.defaults().withTransmission(Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]));
        } catch (RuntimeException e) {
            throw badOption("--haze-transmission must look like 0.05-0.7 with 0 < MIN <= MAX <= 1, not '"
                    + hazeTransmission + "'");
        }
    }
}
