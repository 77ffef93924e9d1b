package org.hazefuse.gui.adapters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.hazefuse.gui.training.FineTuneHandle;
import org.hazefuse.gui.training.FineTuneListener;
import org.hazefuse.gui.training.RunControl;
import org.hazefuse.gui.training.FineTuner;
import org.hazefuse.gui.training.TrainingProgress;
import org.hazefuse.gui.training.ValidationFigures;
import org.hazefuse.runtime.Engines;
import org.hazefuse.service.FineTuning;
import org.hazefuse.training.Trainer;
import org.hazefuse.training.TrainingListener;

/**
 * {@link FineTuner} over core: the run is assembled by {@link FineTuning#prepare} (the {@code train} command's
 * assembly and defaults, so the tuned weights carry the same provenance) in a run folder under
 * {@code ~/.hazefuse/runs/}. This class only adds the thread, pause and cancel: pause stops the core run, which
 * saves a checkpoint; resume continues from it with the same schedule.
 */
public final class CoreFineTuner implements FineTuner {
    private final Path runsFolder;

    public CoreFineTuner(Path runsFolder) {
        this.runsFolder = runsFolder;
    }

    /** Runs under {@code ~/.hazefuse/runs}. */
    public static CoreFineTuner inUserHome() {
        return new CoreFineTuner(Path.of(System.getProperty("user.home"), ".hazefuse", "runs"));
    }

    @Override
    public FineTuneHandle start(FineTuning tuning, FineTuneListener listener) {
        Job job = new Job(tuning, listener);
        Thread thread = new Thread(job::runLoop, "hazefuse-training");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    /** One fine-tuning job: prepares on its thread, then runs, pauses (checkpoint) and resumes until done. */
    private final class Job extends RunControl {
        private final FineTuning tuning;
        private final FineTuneListener listener;
        private volatile long lastStep;

        Job(FineTuning tuning, FineTuneListener listener) {
            this.tuning = tuning;
            this.listener = listener;
        }

        void runLoop() {
            try {
                Trainer trainer = tuning.prepare(runsFolder, Engines.select("auto")).trainer();
                boolean resume = false;
                while (true) {
                    var result = trainer.run(resume, adapter(), this::stopRequested);
                    if (result.completed()) {
                        listener.finished((int) result.step(), false, Optional.of(result.weights()));
                        return;
                    }
                    if (!awaitResume()) {
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

        /** Core's events as the panel's: the loss parts production has (dehaze, intensity, gradient), PSNR and SSIM. */
        private TrainingListener adapter() {
            return new TrainingListener() {
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
    }
}
