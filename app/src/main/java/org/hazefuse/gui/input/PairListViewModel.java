package org.hazefuse.gui.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.prefs.Setting;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.TaskExecutor;
import org.hazefuse.io.DroppedPairs;
import org.hazefuse.io.PairFinder;

/**
 * The side list of pairs: filled by drops, File → Open and recent items; browsed with the keyboard. Pairing
 * runs through core {@link PairFinder#ofDropped} (the rules {@code fuse} names pairs by) off the UI thread; the user is asked when two names do not tell which image
 * is infrared.
 */
public final class PairListViewModel {
    private final ObservableList<InputPair> pairs = FXCollections.observableArrayList();
    private final ObjectProperty<InputPair> selected = new SimpleObjectProperty<>();
    private final RecentItems recent = new RecentItems();
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final AppSettings settings;

    public PairListViewModel(TaskExecutor executor, DialogService dialogs, AppSettings settings) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.settings = settings;
        recent.decode(settings.getString(Setting.RECENT_ITEMS));
        recent.items().addListener((javafx.collections.ListChangeListener<List<Path>>) c ->
                settings.put(Setting.RECENT_ITEMS, recent.encode()));
    }

    /** File → Open pair: the user picks the two images (or one folder's worth of images). */
    public void openPair() {
        List<Path> files = dialogs.openImages("Open a visible and an infrared image", lastFolder());
        if (!files.isEmpty()) {
            rememberFolder(files.get(0).getParent());
            addFiles(files);
        }
    }

    /** File → Open folder: vis/ + ir/ subfolders, or images matched by name. */
    public void openFolder() {
        dialogs.openFolder("Open a folder of pairs", lastFolder()).ifPresent(folder -> {
            rememberFolder(folder.getParent() == null ? folder : folder.getParent());
            addFiles(List.of(folder));
        });
    }

    private Path lastFolder() {
        String s = settings.getString(Setting.LAST_INPUT_FOLDER);
        return s.isBlank() ? null : Path.of(s);
    }

    private void rememberFolder(Path folder) {
        if (folder != null) {
            settings.put(Setting.LAST_INPUT_FOLDER, folder.toString());
        }
    }

    /** Files and folders dropped on the window or chosen in File → Open. */
    public void addFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> item = List.copyOf(files);
        executor.execute(BackgroundTask.of("Pairing files", (progress, cancel) -> PairFinder.ofDropped(item))
                .onSuccess(outcome -> accept(item, outcome))
                .onFailure(e -> dialogs.showError("Cannot open the files", ErrorMessages.describe(e))));
    }

    private void accept(List<Path> item, DroppedPairs outcome) {
        List<InputPair> found = new ArrayList<>(outcome.pairs().stream().map(InputPair::of).toList());
        if (outcome.needsDecision()) {
            Path a = outcome.undecided().get(0);
            Path b = outcome.undecided().get(1);
            Optional<Path> infrared = dialogs.chooseInfrared(a, b);
            infrared.map(outcome::decide).map(InputPair::of).ifPresent(found::add);
            if (infrared.isEmpty() && found.isEmpty()) {
                return;
            }
        }
        if (!outcome.problems().isEmpty()) {
            String title = found.isEmpty() ? "No image pairs found" : "Some files were left out";
            dialogs.showError(title, String.join("\n", outcome.problems().stream().limit(12).toList())
                    + (outcome.problems().size() > 12 ? "\n… and " + (outcome.problems().size() - 12) + " more." : ""));
        } else if (found.isEmpty()) {
            dialogs.showError("No image pairs found", "Nothing to open in " + RecentItems.label(item) + ".");
        }
        if (found.isEmpty()) {
            return;
        }
        if (item.stream().allMatch(p -> Files.exists(p))) {
            recent.add(item);
        }
        InputPair first = null;
        for (InputPair p : found) {
            if (!pairs.contains(p)) {
                pairs.add(p);
            }
            if (first == null) {
                first = p;
            }
        }
        selected.set(first);
    }

    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (pairs.isEmpty()) {
            return;
        }
        int i = pairs.indexOf(selected.get());
        int j = i < 0 ? 0 : Math.max(0, Math.min(pairs.size() - 1, i + step));
        selected.set(pairs.get(j));
    }

    public void removeSelected() {
        InputPair s = selected.get();
        if (s != null) {
            remove(s);
        }
    }

    /** Takes a pair off the list (e.g. one that cannot be read); when it was selected, the next one is. */
    public void remove(InputPair pair) {
        int i = pairs.indexOf(pair);
        if (i < 0) {
            return;
        }
        pairs.remove(i);
        if (pair.equals(selected.get())) {
            selected.set(pairs.isEmpty() ? null : pairs.get(Math.min(i, pairs.size() - 1)));
        }
    }

    public void clear() {
        pairs.clear();
        selected.set(null);
    }

    public ObservableList<InputPair> pairs() {
        return pairs;
    }

    public ObjectProperty<InputPair> selectedProperty() {
        return selected;
    }

    public RecentItems recent() {
        return recent;
    }
}
