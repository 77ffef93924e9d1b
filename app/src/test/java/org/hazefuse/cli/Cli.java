package org.hazefuse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints; file helpers for the CLI tests. */
final class Cli {
    /** What one run returned and printed. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {}

    static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HazeFuseCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] strings = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        int code = cli.execute(strings);
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies test resource {@code pairs/<role>/<name>} to {@code target}. */
    static Path copyResource(String role, String name, Path target) {
        try (InputStream in = Cli.class.getClassLoader().getResourceAsStream("pairs/" + role + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pairs/" + role + "/" + name);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the regular files in a folder, sorted; empty when the folder does not exist. */
    static List<String> listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
