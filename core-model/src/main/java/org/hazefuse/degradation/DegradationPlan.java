package org.hazefuse.degradation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to do to every image of a run (docs/design/lure.md, "Degradations"; combined degradations are a set of
 * task ids): a set of tasks of one modality, each at a preset {@link Severity} or drawn at random per image.
 *
 * <p>Refused when it cannot describe one camera's image: no task; {@code none} with another task (clean and
 * degraded at once); visible and infrared tasks together (each modality is its own image: make two plans);
 * {@code low-light} with {@code over-exposure} (one exposure cannot be both).
 *
 * @param tasks the tasks, in {@link Task#APPLICATION_ORDER}
 * @param severity the preset strength, or empty to draw each image's parameters at random
 */
public record DegradationPlan(List<Task> tasks, Optional<Severity> severity) {
    public DegradationPlan {
        Objects.requireNonNull(severity, "severity");
        tasks = Task.inApplicationOrder(EnumSet.copyOf(requireValid(tasks)));
    }

    /** Every image gets the presets of {@code severity}. */
    public static DegradationPlan preset(Collection<Task> tasks, Severity severity) {
        return new DegradationPlan(List.copyOf(tasks), Optional.of(severity));
    }

    /** Every image gets its own random parameters, over the full ranges. */
    public static DegradationPlan random(Collection<Task> tasks) {
        return new DegradationPlan(List.copyOf(tasks), Optional.empty());
    }

    /** The modality the plan degrades; empty for {@code none} alone, which applies to both. */
    public Optional<Modality> modality() {
        return tasks.stream().map(Task::modality).flatMap(Optional::stream).findFirst();
    }

    /**
     * The degradations of one image, in application order: the presets, or draws from
     * {@link DegradationSeeds#parameters(long, Task)} so each task's draw is independent of the others.
     */
    public List<Degradation> degradations(long imageSeed) {
        List<Degradation> out = new ArrayList<>();
        for (Task task : tasks) {
            out.add(severity.isPresent() ? DegradationPresets.preset(task, severity.get())
                    : DegradationSampler.sample(task, DegradationSeeds.parameters(imageSeed, task)));
        }
        return out;
    }

    private static Collection<Task> requireValid(Collection<Task> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no task given; known tasks: " + Task.knownIds());
        }
        if (tasks.contains(Task.NONE) && tasks.size() > 1) {
            throw new IllegalArgumentException("task none (clean) cannot be combined with other tasks");
        }
        if (tasks.contains(Task.LOW_LIGHT) && tasks.contains(Task.OVER_EXPOSURE)) {
            throw new IllegalArgumentException("tasks low-light and over-exposure cannot be combined: "
                    + "one exposure is either too dark or too bright");
        }
        Collection<Modality> modalities = tasks.stream().map(Task::modality).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Modality.class)));
        if (modalities.size() > 1) {
            throw new IllegalArgumentException("tasks " + ids(tasks, Modality.VISIBLE) + " are visible and "
                    + ids(tasks, Modality.INFRARED) + " infrared; degrade each modality in its own plan");
        }
        return tasks;
    }

    private static String ids(Collection<Task> tasks, Modality m) {
        return tasks.stream().filter(t -> t.modality().equals(Optional.of(m))).map(Task::id)
                .collect(Collectors.joining(", "));
    }
}
