package org.hazefuse.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.hazefuse.cli.HazeFuseCli;

/**
 * Main class of {@code hazefuse.jar}: no arguments start the desktop app, and so do files opened from the desktop
 * ({@link #opensFilesInGui}); anything else runs the command line.
 *
 * <p>Deliberately not a JavaFX {@code Application}: a headless subcommand never loads a JavaFX class, so it works
 * without a display. The GUI class is looked up by name so this module compiles whether or not the GUI is built.
 */
public final class Launcher {
    static final String GUI_CLASS = "org.hazefuse.gui.HazeFuseApp";
    private static final String FX_APPLICATION = "javafx.application.Application";

    private Launcher() {}

    /** System property the CLI's help names the command by (see {@code HazeFuseCli}'s description). */
    static final String COMMAND_PROPERTY = "hazefuse.command";

    public static void main(String[] args) {
        // The engine's process settings (offline, OpenMP wait policy, malloc) are applied by its one gate,
        // org.hazefuse.runtime.Engines, on first use: nothing here needs to precede it.
        System.setProperty(COMMAND_PROPERTY, commandName(System.getProperty("jpackage.app-path"),
                System.getProperty("os.name", "")));
        if (args.length == 0 || opensFilesInGui(args)) {
            System.exit(startGui(args));
        }
        System.exit(HazeFuseCli.run(args));
    }

    /**
     * What the user typed to start this program, for the help text: {@code java -jar hazefuse.jar} from a build,
     * the installed command from a package. jpackage's launchers set {@code jpackage.app-path}; on Linux the
     * package links the launcher as {@code /usr/bin/hazefuse}, on Windows the console launcher is the command.
     */
    static String commandName(String jpackageAppPath, String osName) {
        if (jpackageAppPath == null || jpackageAppPath.isBlank()) {
            return "java -jar hazefuse.jar";
        }
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return "hazefuse-cli";
        }
        return "hazefuse";
    }

    /**
     * Whether the arguments are files handed over by the desktop rather than a command line: one or two absolute
     * paths that exist, as a file manager passes them through the desktop entry's {@code Exec=... %F} ("Open
     * with HazeFuse"). The GUI opens them (a folder, or a visible and an infrared image). A command line always
     * starts with a subcommand or an option, never with an absolute path, so it cannot be mistaken for this.
     */
    static boolean opensFilesInGui(String[] args) {
        if (args.length == 0 || args.length > 2) {
            return false;
        }
        for (String arg : args) {
            Path path;
            try {
                path = Path.of(arg);
            } catch (InvalidPathException e) {
                return false;
            }
            if (!path.isAbsolute() || !Files.exists(path)) {
                return false;
            }
        }
        return true;
    }

    /** Starts the GUI and returns when its window closes; 1 when no GUI is built in or it cannot start. */
    static int startGui(String[] args) {
        Class<?> app;
        try {
            app = Class.forName(GUI_CLASS);
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println("hazefuse: this build has no desktop app (" + GUI_CLASS + " is missing). "
                    + "Run 'hazefuse --help' for the command line.");
            return 1;
        }
        try {
            Method launch = app.getMethod("launch", String[].class);
            if (launch.getDeclaringClass().getName().equals(FX_APPLICATION)) {
                // Application.launch(String...) finds its class from the caller's stack; name it explicitly.
                Class.forName(FX_APPLICATION).getMethod("launch", Class.class, String[].class)
                        .invoke(null, app, args);
            } else {
                launch.invoke(null, (Object) args);
            }
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("hazefuse: the desktop app could not start: " + cause
                    + (System.getenv("DISPLAY") == null && isLinux()
                            ? " (no display: use a subcommand, e.g. 'hazefuse fuse --help', to run headless)"
                            : ""));
            return 1;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("hazefuse: the desktop app could not start: " + e);
            return 1;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
