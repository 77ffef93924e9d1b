package org.hazefuse.gui.testing;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Fires a file drop at a node, as the platform would after a drag from a file manager (which cannot be driven
 * headless). Builds the dragboard through JavaFX's internal factory over a minimal in-memory clipboard; reachable
 * because tests run on the class path.
 */
public final class SyntheticDrop {
    private SyntheticDrop() {
    }

    /** Fires DRAG_OVER then DRAG_DROPPED carrying {@code files}; call on the FX thread. Returns the drop event. */
    public static DragEvent drop(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 10, 10, 10, 10, TransferMode.COPY, null, target, null);
        Event.fireEvent(target, over);
        DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, 10, 10, 10, 10, TransferMode.COPY, null,
                target, null);
        Event.fireEvent(target, dropped);
        return dropped;
    }

    /** Fires DRAG_OVER only: files are being dragged over {@code target}, not dropped yet. */
    public static void dragOver(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        Event.fireEvent(target, new DragEvent(DragEvent.DRAG_OVER, board, 10, 10, 10, 10, TransferMode.COPY, null,
                target, null));
    }

    /** The least clipboard a dragboard needs: content by format, every transfer mode allowed. */
    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();
        private Image dragView;
        private double offsetX;
        private double offsetY;

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... items) {
            content.clear();
            for (Pair<DataFormat, Object> p : items) {
                content.put(p.getKey(), p.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.allOf(TransferMode.class);
        }

        @Override
        public void setDragView(Image image) {
            dragView = image;
        }

        @Override
        public void setDragViewOffsetX(double x) {
            offsetX = x;
        }

        @Override
        public void setDragViewOffsetY(double y) {
            offsetY = y;
        }

        @Override
        public Image getDragView() {
            return dragView;
        }

        @Override
        public double getDragViewOffsetX() {
            return offsetX;
        }

        @Override
        public double getDragViewOffsetY() {
            return offsetY;
        }
    }
}
