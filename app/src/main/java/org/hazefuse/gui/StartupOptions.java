package org.hazefuse.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the application is started with: optionally a pair to open and a model to select.
 * Command line: {@code [--model NAME] [VISIBLE INFRARED]}; a single folder argument opens that folder.
 *
 * @param files files or a folder to open at start (empty, one folder, or visible + infrared)
 * @param model the model to select, if given
 */
public record StartupOptions(List<Path> files, Optional<String> model) {
    public static final StartupOptions NONE = new StartupOptions(List.of(), Optional.empty());

    public StartupOptions {
        files = List.copyOf(files);
        if (files.size() > 2) {
            throw new IllegalArgumentException("expected a visible and an infrared image (or a folder), got "
                    + files.size() + " paths");
        }
    }

    public static StartupOptions of(Path visible, Path infrared, String model) {
        return new StartupOptions(List.of(visible, infrared), Optional.ofNullable(model));
    }

    /** @throws IllegalArgumentException with a usage message for anything else */
    public static StartupOptions parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        String model = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--model") || a.equals("-m")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--model needs a model name");
                }
                model = args.get(++i);
            } else if (a.startsWith("--model=")) {
                model = a.substring("--model=".length());
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a + "; usage: [--model NAME] [VISIBLE INFRARED]");
            } else {
                files.add(Path.of(a));
            }
        }
        return new StartupOptions(files, Optional.ofNullable(model));
    }
}
