package org.hazefuse.gui.input;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The side list of pairs; arrow keys browse, Delete removes. Binds to {@link PairListViewModel}. */
public final class PairListPane extends VBox {
    private final ListView<InputPair> list = new ListView<>();

    public PairListPane(PairListViewModel vm) {
        getStyleClass().add("pair-list-pane");
        Label title = new Label("Pairs");
        title.getStyleClass().add("section-title");
        list.setId("pair-list");
        list.setItems(vm.pairs());
        list.setPlaceholder(dropZone(vm));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(InputPair item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setTooltip(empty || item == null ? null
                        : new Tooltip("Visible: " + item.visible() + "\nInfrared: " + item.infrared()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                vm.removeSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.removeSelected());
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.pairs()));
        HBox buttons = new HBox(6, remove, clear);
        Label count = new Label();
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.pairs().size() == 1 ? "1 pair" : vm.pairs().size() + " pairs", vm.pairs()));
        count.getStyleClass().add("hint");
        getChildren().addAll(title, list, count, buttons);
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(210);
        setMinWidth(160);
    }

    /**
     * What the empty list shows: a framed drop target that says what to drop (it lights up while files are dragged
     * over the window, see app.css), and the same as buttons for those who do not drag.
     */
    private static VBox dropZone(PairListViewModel vm) {
        Label title = new Label("Drop image pairs or folders here");
        title.setId("drop-zone-title");
        title.setWrapText(true);
        title.getStyleClass().add("drop-zone-title");
        Label detail = new Label("Both images of a pair, a folder of pairs, or one image whose partner is beside it "
                + "(001_vis.png and 001_ir.png, or vis/ and ir/ folders).");
        detail.setWrapText(true);
        detail.getStyleClass().add("hint");
        Button pair = new Button("Open pair…");
        pair.setOnAction(e -> vm.openPair());
        Button folder = new Button("Open folder…");
        folder.setOnAction(e -> vm.openFolder());
        pair.setMaxWidth(Double.MAX_VALUE);
        folder.setMaxWidth(Double.MAX_VALUE);
        VBox zone = new VBox(8, title, detail, pair, folder);
        zone.setId("drop-zone");
        zone.getStyleClass().add("drop-zone");
        zone.setAlignment(javafx.geometry.Pos.CENTER);
        zone.setPadding(new Insets(12));
        zone.setMaxHeight(Double.MAX_VALUE);
        return zone;
    }

    public ListView<InputPair> list() {
        return list;
    }
}
