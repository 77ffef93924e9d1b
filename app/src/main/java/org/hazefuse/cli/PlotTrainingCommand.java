package org.hazefuse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hazefuse.io.BadInputException;
import org.hazefuse.training.TrainingLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hazefuse plot-training}: draws a run's logged loss and validation curves into a PNG. */
@Command(name = "plot-training", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plot the loss parts and validation PSNR/SSIM of a training run (its steps.csv and "
                + "validation.csv) into a PNG.", "`train` writes the same plot to <run>/training.png when it stops."})
final class PlotTrainingCommand extends HeadlessCommand {
    static final String FILE_NAME = "training.png";

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder of `train`.")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG to write (default: <run>/training.png).")
    Path out;

    @Option(names = "--smooth", defaultValue = TrainingPlot.DEFAULT_SMOOTHING, paramLabel = "STEPS",
            description = "Moving-average window of the loss curves (default: ${DEFAULT-VALUE}).")
    int smoothing;

    @Override
    protected int execute() throws Exception {
        if (smoothing < 1) {
            throw badOption("--smooth must be at least 1");
        }
        if (!Files.isDirectory(runDir)) {
            throw new BadInputException(runDir, "no such run folder");
        }
        TrainingLog.History history = TrainingLog.read(runDir);
        if (history.steps().isEmpty()) {
            throw new BadInputException(runDir, "no steps.csv with logged steps in this folder");
        }
        Path target = out != null ? out : runDir.resolve(FILE_NAME);
        TrainingPlot.write(runDir, history, smoothing, target);
        out().printf("%d steps, %d validations: %s%n", history.steps().size(), history.validations().size(), target);
        return ExitCodes.OK;
    }
}
