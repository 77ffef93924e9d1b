package org.hazefuse.gui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything that asks the user something or tells them about a failure. View models depend on this
 * interface only, so their tests answer with a fake instead of a window ({@link FxDialogService} in production).
 */
public interface DialogService {

    /** A failure the user must know about: {@code message} names the file and the reason, never a stack trace. */
    void showError(String title, String message);

    /** Yes/no question; true for yes. */
    boolean confirm(String title, String message);

    /**
     * A question whose answers are actions, e.g. "Resize infrared to visible" or "Cancel": true for {@code accept}.
     * Buttons that name what happens are read; a bare OK next to a question is a dead end.
     */
    default boolean confirm(String title, String message, String accept, String decline) {
        return confirm(title, message);
    }

    /**
     * Two dropped images whose names do not tell which is the infrared one.
     *
     * @return the file the user picked as infrared, or empty if they cancelled
     */
    Optional<Path> chooseInfrared(Path first, Path second);

    /** Image files, e.g. a visible and an infrared image; empty list if cancelled. */
    List<Path> openImages(String title, Path initialFolder);

    Optional<Path> openFolder(String title, Path initialFolder);

    Optional<Path> openFile(String title, Path initialFolder, String filterName, String... patterns);

    Optional<Path> saveFile(String title, Path initialFolder, String initialName);
}
