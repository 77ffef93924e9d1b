package org.hazefuse.gui.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Recently opened pairs and folders, newest first, at most {@value #MAX}. Each item is the list of paths that
 * was opened (one folder, or a visible and an infrared file), so re-opening goes through the normal pairing.
 */
public final class RecentItems {
    public static final int MAX = 10;
    private final ObservableList<List<Path>> items = FXCollections.observableArrayList();

    public ObservableList<List<Path>> items() {
        return items;
    }

    public void add(List<Path> paths) {
        List<Path> item = List.copyOf(paths);
        items.remove(item);
        items.add(0, item);
        while (items.size() > MAX) {
            items.remove(items.size() - 1);
        }
    }

    /** One item per line, paths separated by tabs. */
    public String encode() {
        List<String> lines = new ArrayList<>();
        for (List<Path> item : items) {
            lines.add(String.join("\t", item.stream().map(Path::toString).toList()));
        }
        return String.join("\n", lines);
    }

    public void decode(String text) {
        items.clear();
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank() && items.size() < MAX) {
                items.add(Arrays.stream(line.split("\t")).map(Path::of).toList());
            }
        }
    }

    /** A menu label: the folder, or "visible + infrared" file names. */
    public static String label(List<Path> item) {
        if (item.size() == 1) {
            return item.get(0).toString();
        }
        return String.join(" + ", item.stream().map(p -> p.getFileName().toString()).toList())
                + "  (" + item.get(0).getParent() + ")";
    }
}
