package org.hazefuse.gui.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How a model is named on screen. Catalog names ({@code lite}, {@code dcp+gff}) as they are; a weights file by its
 * name and its folder ({@code model.hzf · 2026-12-01-lite}), because the full path of a fine-tuned model is long
 * enough to push the toolbar off the window. The full path goes into the tooltip.
 */
public final class ModelLabels {
    private ModelLabels() {
    }

    /** The label {@code named} gives {@code model} (the session's {@code modelLabels}), else its short label. */
    public static String label(String model, java.util.Map<String, String> named) {
        String name = model == null ? null : named.get(model);
        return name != null ? name : shortLabel(model);
    }

    public static String shortLabel(String model) {
        if (model == null || model.isBlank()) {
            return "";
        }
        if (!model.endsWith(".hzf") && model.indexOf('/') < 0 && model.indexOf('\\') < 0) {
            return model;
        }
        try {
            Path p = Path.of(model);
            Path file = p.getFileName();
            Path folder = p.getParent() == null ? null : p.getParent().getFileName();
            if (file == null) {
                return model;
            }
            return folder == null ? file.toString() : file + " · " + folder;
        } catch (InvalidPathException e) {
            return model;
        }
    }
}
