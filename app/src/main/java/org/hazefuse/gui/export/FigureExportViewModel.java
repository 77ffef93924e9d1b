package org.hazefuse.gui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.display.DisplaySettings;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairListViewModel;
import org.hazefuse.gui.prefs.Setting;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.viewer.ColorBar;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.gui.viewer.PanelsViewModel;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;

/**
 * File → Export figure: the panels as displayed (display settings applied), titled, with the density panel's colour
 * bar and a caption, as PNG or SVG (by the extension the user gives; PNG without one). Written atomically, never
 * over an input image.
 */
public final class FigureExportViewModel {
    private final Session session;
    private final PanelsViewModel panels;
    private final PairListViewModel pairList;
    private final ExportServices services;

    public FigureExportViewModel(Session session, PanelsViewModel panels, PairListViewModel pairList,
                                 ExportServices services) {
        this.session = session;
        this.panels = panels;
        this.pairList = pairList;
        this.services = services;
    }

    /** Asks for the file, then writes the figure. */
    public void exportFigure() {
        ImagePair in = session.inputProperty().get();
        if (in == null || session.resultProperty().get() == null) {
            services.dialogs().showError("Nothing to export", "Load a pair and run a model first.");
            return;
        }
        if (ExportViewModel.showsPreview(session, services.dialogs())) {
            return;
        }
        String folder = services.settings().getString(Setting.LAST_EXPORT_FOLDER);
        services.dialogs().saveFile("Export the view as a figure (.png or .svg)", folder.isBlank() ? null : Path.of(folder),
                in.name() + "_figure.png").ifPresent(this::exportFigureTo);
    }

    /** Writes the figure of the current view to {@code file} (.svg: SVG, otherwise PNG); true if writing started. */
    public boolean exportFigureTo(Path file) {
        Optional<Figure> figure = currentFigure();
        if (figure.isEmpty()) {
            services.dialogs().showError("Nothing to export", "Load a pair and run a model first.");
            return false;
        }
        if (ExportViewModel.showsPreview(session, services.dialogs())) {
            return false;
        }
        Path target = hasExtension(file) ? file : file.resolveSibling(file.getFileName() + ".png");
        InputPair pair = pairList.selectedProperty().get();
        if (pair != null && (ExportPlan.clashesWithInputs(List.of(target), java.util.Set.of(pair.visible(), pair.infrared())).size() > 0)) {
            services.dialogs().showError("Export would overwrite an input", target + " is one of the input images.");
            return false;
        }
        boolean svg = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Figure f = figure.get();
        services.executor().execute(BackgroundTask.of("Exporting the figure", (p, cancel) -> {
            writeAtomically(target, out -> {
                if (svg) {
                    FigureSvg.write(f, out);
                } else {
                    FigurePng.write(f, out);
                }
            });
            return target;
        }).onSuccess(t -> {
            if (t.getParent() != null) {
                services.settings().put(Setting.LAST_EXPORT_FOLDER, t.getParent().toString());
            }
            session.statusProperty().set("Wrote the figure to " + t + ".");
        }).onFailure(e -> services.dialogs().showError("Cannot write the figure", ErrorMessages.describe(e))));
        return true;
    }

    /** The figure of what the panels show now; empty before a result. Built on the UI thread (one pass per panel). */
    public Optional<Figure> currentFigure() {
        ImagePair in = session.inputProperty().get();
        if (in == null || session.resultProperty().get() == null) {
            return Optional.empty();
        }
        List<Figure.Cell> cells = new ArrayList<>();
        for (Panel p : Panel.values()) {
            FloatImage values = panels.values(p);
            int[] argb = panels.displayedArgb(p);
            if (values == null || argb == null) {
                continue;
            }
            DisplaySettings s = panels.display().settings(p);
            Figure.ColorBar bar = null;
            if (p == Panel.DENSITY) {
                List<String> labels = new ArrayList<>(Arrays.asList(ColorBar.tickLabels(s)));
                Collections.reverse(labels);
                bar = new Figure.ColorBar(s.colorMap(), labels);
            }
            cells.add(new Figure.Cell(p.title(), values.width(), values.height(), argb, bar));
        }
        String model = session.modelProperty().get() == null ? "" : " · " + org.hazefuse.gui.run.ModelLabels.label(session.modelProperty().get(), session.modelLabels());
        return Optional.of(new Figure(cells, in.name() + model));
    }

    private static boolean hasExtension(Path file) {
        String name = file.getFileName().toString();
        return name.lastIndexOf('.') > 0;
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Temp file in the target folder, then a rename: a failed write never leaves half a figure. */
    private static void writeAtomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
