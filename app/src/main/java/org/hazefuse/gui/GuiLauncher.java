package org.hazefuse.gui;

/**
 * Starts the GUI from a class that does not extend {@code Application}, as JavaFX on the class path requires.
 * The project launcher starts the GUI the same way; this class starts it alone, e.g.
 * {@code mvn -q -pl app -am javafx:run -Dhazefuse.mainClass=org.hazefuse.gui.GuiLauncher}.
 */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static void main(String[] args) {
        HazeFuseApp.launch(args);
    }
}
