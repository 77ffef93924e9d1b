package org.hazefuse.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One racer of {@link OutputSetWriterTest}'s two-process race, run in its own JVM: waits for the start file, then
 * writes the sets {@code 0..rounds-1} in {@code folder}, each file holding the racer's name, and prints one line per
 * set: {@code <round> WRITTEN|SKIPPED|REFUSED}.
 */
public final class SetRacer {
    private SetRacer() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String racer = args[1];
        int rounds = Integer.parseInt(args[2]);
        ExistingSets policy = ExistingSets.valueOf(args[3]);
        Path start = folder.resolve("start");
        while (!Files.exists(start)) {
            Thread.sleep(1);
        }
        OutputSetWriter writer = new OutputSetWriter(List.of(), policy);
        StringBuilder report = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            String outcome;
            try {
                outcome = writer.write(set(folder, r, racer)).name();
            } catch (BadInputException e) {
                outcome = "REFUSED";
            }
            report.append(r).append(' ').append(outcome).append('\n');
        }
        System.out.print(report);
        System.out.flush();
    }

    /** The three files of round {@code r}; each body takes a little while, so the racers' steps interleave. */
    static List<OutputSetWriter.Output> set(Path folder, int r, String racer) {
        List<OutputSetWriter.Output> set = new ArrayList<>();
        for (String suffix : new String[] {"_dehazed", "_density", "_fused"}) {
            set.add(new OutputSetWriter.Output(folder.resolve(r + suffix + ".png"), out -> {
                out.write(racer.getBytes(StandardCharsets.UTF_8));
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }));
        }
        return set;
    }
}
