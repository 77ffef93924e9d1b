package org.hazefuse.gui.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and the platform's file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    /** The image types the readers understand, for file choosers. */
    public static final List<String> IMAGE_PATTERNS =
            List.of("*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff", "*.PNG", "*.JPG", "*.JPEG");

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(ButtonType.YES, ButtonType.NO);
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    @Override
    public boolean confirm(String title, String message, String accept, String decline) {
        ButtonType yes = new ButtonType(accept, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(decline, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(yes, no);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseInfrared(Path first, Path second) {
        ButtonType firstIr = new ButtonType(first.getFileName().toString(), ButtonBar.ButtonData.LEFT);
        ButtonType secondIr = new ButtonType(second.getFileName().toString(), ButtonBar.ButtonData.LEFT);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Which image is infrared?",
                "The file names do not tell which image is the infrared one.\nChoose the infrared image:");
        alert.getButtonTypes().setAll(firstIr, secondIr, ButtonType.CANCEL);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.filter(firstIr::equals).isPresent()) {
            return Optional.of(first);
        }
        if (answer.filter(secondIr::equals).isPresent()) {
            return Optional.of(second);
        }
        return Optional.empty();
    }

    @Override
    public List<Path> openImages(String title, Path initialFolder) {
        FileChooser chooser = fileChooser(title, initialFolder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", IMAGE_PATTERNS));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> openFolder(String title, Path initialFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> openFile(String title, Path initialFolder, String filterName, String... patterns) {
        FileChooser chooser = fileChooser(title, initialFolder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, Path initialFolder, String initialName) {
        FileChooser chooser = fileChooser(title, initialFolder);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        // A wrapping label instead of the default content text, so long file paths are never cut off.
        Label content = new Label(message);
        content.setWrapText(true);
        content.setPrefWidth(520);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return alert;
    }

    private static FileChooser fileChooser(String title, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }
}
