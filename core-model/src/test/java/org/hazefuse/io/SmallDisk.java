package org.hazefuse.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real full or read-only file system for tests: a tmpfs of a few hundred kilobytes mounted on a folder. Needs
 * root and a kernel that lets this process mount; {@link #mount} returns null where it cannot, and tests then
 * rely on their simulated variant.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** A tmpfs of {@code kilobytes} on {@code folder} (created), or null when mounting is not possible here. */
    public static SmallDisk mount(Path folder, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return null;
        }
        return run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", folder.toString())
                ? new SmallDisk(folder) : null;
    }

    public Path folder() {
        return folder;
    }

    /** Makes the file system read-only (files stay readable). */
    public void readOnly() throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,ro", folder.toString())) {
            throw new IOException("cannot remount " + folder + " read-only");
        }
    }

    /** Fills the disk up to about {@code freeBytes} left. */
    public void fillLeaving(long freeBytes) throws IOException {
        long free = Files.getFileStore(folder).getUsableSpace();
        byte[] filler = new byte[(int) Math.max(0, free - freeBytes)];
        Files.write(folder.resolve("filler.bin"), filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", folder.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noSuchCommand) {
            return false;
        }
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
