package org.hazefuse.degradation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The task vocabulary of docs/design/lure.md, "Degradations": one id per degradation, with the modality it
 * belongs to. Declared in the spec table's order (the order ids are listed in); {@link #APPLICATION_ORDER} is the
 * order a combination is applied in.
 *
 * <p>Application order follows the image formation chain, so that a combination looks like one camera made it:
 * the scene (haze, rain in front of the lens), the optics (blur), sampling (low resolution), the exposure
 * (low light, over-exposure) and last the sensor's noise, which is never smoothed by a later step. Infrared:
 * the scene's contrast, then the read-out's fixed column pattern, then temporal noise.
 */
public enum Task {
    HAZE("haze", Modality.VISIBLE, 0),
    LOW_LIGHT("low-light", Modality.VISIBLE, 4),
    OVER_EXPOSURE("over-exposure", Modality.VISIBLE, 5),
    NOISE("noise", Modality.VISIBLE, 6),
    BLUR("blur", Modality.VISIBLE, 2),
    RAIN("rain", Modality.VISIBLE, 1),
    LOW_RESOLUTION("low-resolution", Modality.VISIBLE, 3),
    IR_NOISE("ir-noise", Modality.INFRARED, 9),
    IR_STRIPES("ir-stripes", Modality.INFRARED, 8),
    IR_LOW_CONTRAST("ir-low-contrast", Modality.INFRARED, 7),
    /** The pseudo-degradation: clean in, clean out, on either modality. */
    NONE("none", null, 10);

    /** The order in which {@link DegradationSynthesizer} applies a combination of tasks. */
    public static final Comparator<Task> APPLICATION_ORDER = Comparator.comparingInt(t -> t.rank);

    private final String id;
    private final Modality modality;
    private final int rank;

    Task(String id, Modality modality, int rank) {
        this.id = id;
        this.modality = modality;
        this.rank = rank;
    }

    /** The spec's id, e.g. {@code low-light}. */
    public String id() {
        return id;
    }

    /** The modality the task degrades; empty for {@link #NONE}, which applies to both. */
    public Optional<Modality> modality() {
        return Optional.ofNullable(modality);
    }

    public boolean appliesTo(Modality m) {
        return modality == null || modality == m;
    }

    /**
     * Refuses a task on the wrong kind of image, naming both: a visible task on a one-channel image or an infrared
     * task on an RGB image is a caller's mistake, not something to guess around.
     *
     * @throws IllegalArgumentException if the task does not apply to {@code m}
     */
    public void requireModality(Modality m) {
        if (!appliesTo(m)) {
            throw new IllegalArgumentException("task " + id + " applies to " + modality.id() + " images ("
                    + modality.channels() + (modality.channels() == 1 ? " channel" : " channels") + "), not to "
                    + m.describe());
        }
    }

    /** The known ids, comma-separated, in the spec's order: for messages. */
    public static String knownIds() {
        return Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", "));
    }

    /** The task of an id (case-insensitive, surrounding blanks ignored). */
    public static Task parse(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (Task t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id.trim() + "'; known tasks: " + knownIds());
    }

    /**
     * The tasks of a comma-separated list such as {@code low-light,noise}, in the order written; a repeated id is
     * refused (a task is applied once, at one strength).
     */
    public static List<Task> parseList(String ids) {
        List<Task> tasks = new ArrayList<>();
        for (String part : ids.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty task id in '" + ids + "'; known tasks: " + knownIds());
            }
            Task t = parse(part);
            if (tasks.contains(t)) {
                throw new IllegalArgumentException("task " + t.id + " is listed twice in '" + ids + "'");
            }
            tasks.add(t);
        }
        return tasks;
    }

    /** The tasks sorted into {@link #APPLICATION_ORDER}. */
    public static List<Task> inApplicationOrder(Collection<Task> tasks) {
        return tasks.stream().sorted(APPLICATION_ORDER).toList();
    }
}
