package org.hazefuse.gui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hazefuse.gui.dialog.DialogService;

/** Records what would be shown and answers questions from fields set by the test. */
public final class FakeDialogService implements DialogService {
    public record Message(String title, String text) {
    }

    public final List<Message> errors = new ArrayList<>();
    public final List<Message> questions = new ArrayList<>();
    /** The accept button of each question asked with named answers. */
    public final List<String> acceptLabels = new ArrayList<>();
    public boolean confirmAnswer = true;
    public Optional<Path> infraredAnswer = Optional.empty();
    public List<Path> openImagesAnswer = List.of();
    public Optional<Path> folderAnswer = Optional.empty();
    public Optional<Path> fileAnswer = Optional.empty();
    public int chooseInfraredCalls;

    @Override
    public void showError(String title, String message) {
        errors.add(new Message(title, message));
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(new Message(title, message));
        return confirmAnswer;
    }

    @Override
    public boolean confirm(String title, String message, String accept, String decline) {
        acceptLabels.add(accept);
        return confirm(title, message);
    }

    @Override
    public Optional<Path> chooseInfrared(Path first, Path second) {
        chooseInfraredCalls++;
        return infraredAnswer;
    }

    @Override
    public List<Path> openImages(String title, Path initialFolder) {
        return openImagesAnswer;
    }

    @Override
    public Optional<Path> openFolder(String title, Path initialFolder) {
        return folderAnswer;
    }

    @Override
    public Optional<Path> openFile(String title, Path initialFolder, String filterName, String... patterns) {
        return fileAnswer;
    }

    @Override
    public Optional<Path> saveFile(String title, Path initialFolder, String initialName) {
        return fileAnswer;
    }
}
