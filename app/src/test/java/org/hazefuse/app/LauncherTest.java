package org.hazefuse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the desktop app: files a file manager passes through the desktop entry's {@code %F}. */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void twoExistingAbsoluteFilesOpenTheGui() throws IOException {
        Path visible = Files.createFile(dir.resolve("a_vis.png"));
        Path infrared = Files.createFile(dir.resolve("a_ir.png"));

        assertThat(Launcher.opensFilesInGui(new String[] {visible.toString(), infrared.toString()})).isTrue();
        assertThat(Launcher.opensFilesInGui(new String[] {dir.toString()})).isTrue();
    }

    @Test
    void commandLinesRunTheCli() throws IOException {
        Path file = Files.createFile(dir.resolve("x.png"));

        assertThat(Launcher.opensFilesInGui(new String[] {"fuse", "--vis", file.toString()})).isFalse();
        assertThat(Launcher.opensFilesInGui(new String[] {"--help"})).isFalse();
        assertThat(Launcher.opensFilesInGui(new String[] {"info"})).isFalse();
    }

    @Test
    void missingRelativeOrTooManyPathsRunTheCli() throws IOException {
        Path file = Files.createFile(dir.resolve("x.png"));

        assertThat(Launcher.opensFilesInGui(new String[] {dir.resolve("missing.png").toString()})).isFalse();
        assertThat(Launcher.opensFilesInGui(new String[] {"x.png"})).isFalse();
        assertThat(Launcher.opensFilesInGui(new String[] {file.toString(), file.toString(), file.toString()}))
                .isFalse();
    }

    @Test
    void theHelpNamesTheInstalledCommandWhenStartedFromAPackage() {
        assertThat(Launcher.commandName(null, "Linux")).isEqualTo("java -jar hazefuse.jar");
        assertThat(Launcher.commandName("/opt/hazefuse/bin/HazeFuse", "Linux")).isEqualTo("hazefuse");
        assertThat(Launcher.commandName("C:\\Program Files\\HazeFuse\\hazefuse-cli.exe", "Windows 11"))
                .isEqualTo("hazefuse-cli");
    }
}
