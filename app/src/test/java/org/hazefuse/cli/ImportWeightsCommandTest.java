package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hazefuse import-weights}: every bad input ends in exit 2, one line, and no output file. */
class ImportWeightsCommandTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({"os, system", "builtins, eval", "subprocess, Popen", "posix, system"})
    void aPickleThatWouldCallSomethingIsRefused(String module, String name) throws IOException {
        Path pth = checkpoint(tmp.resolve("IASSF.pth"), calling(module, name));
        assertRefused(pth, module + "." + name);
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    @Test
    void damagedAndForeignFilesAreRefused() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.pth"), "not a checkpoint");
        assertRefused(text, "notes.pth");
        byte[] real = Files.readAllBytes(checkpoint(tmp.resolve("real.pth"), calling("os", "system")));
        Path truncated = Files.write(tmp.resolve("truncated.pth"), Arrays.copyOf(real, real.length / 2));
        assertRefused(truncated, "truncated.pth");
        assertRefused(tmp.resolve("missing.pth"), "no such file");
    }

    @Test
    void partsThatAreNotTheFirstOrNotCompleteAreRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint(tmp.resolve("c.pth"), calling("os", "system")));
        Path aa = Files.write(tmp.resolve("IASSF_part_aa"), Arrays.copyOf(bytes, bytes.length / 2));
        Path ab = Files.write(tmp.resolve("IASSF_part_ab"), Arrays.copyOfRange(bytes, bytes.length / 2,
                bytes.length - 1));
        assertRefused(ab, "give the first, IASSF_part_aa");
        Files.delete(ab);
        assertRefused(aa, "is a later part missing?");
    }

    @Test
    void anExistingOutputIsNotReplacedWithoutOverwrite() throws IOException {
        Path out = Files.writeString(tmp.resolve("iassf.hzf"), "mine");
        Cli.Result r = Cli.run("import-weights", "--from", tmp.resolve("whatever.pth"), "--out", out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("already exists (use --overwrite");
        assertThat(Files.readString(out)).isEqualTo("mine");
    }

    /** The fixture's checkpoint in the authors' three parts: imported, then described by {@code info}. */
    @Test
    void thePartsOfAReleasedCheckpointBecomeAWeightsFileThatInfoDescribes() throws IOException {
        Path fixture = fixture();
        byte[] bytes = Files.readAllBytes(fixture.resolve("IASSF_random_seed7.pth"));
        int piece = bytes.length / 3 + 1;
        for (int i = 0; i < 3; i++) {
            Files.write(tmp.resolve("IASSF_part_a" + (char) ('a' + i)),
                    Arrays.copyOfRange(bytes, i * piece, Math.min(bytes.length, (i + 1) * piece)));
        }
        Path out = tmp.resolve("published/iassf.hzf");

        Cli.Result r = Cli.run("import-weights", "--from", tmp.resolve("IASSF_part_aa"), "--out", out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("3 files joined").contains("density released").contains("11,197,692");
        Cli.Result info = Cli.run("info", "--model", out, "--json", "--device", "cpu");
        assertThat(info.exitCode()).as(info.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertThat(json.get("parameters").asLong()).isEqualTo(11_197_692L);
        assertThat(json.get("configuration").get("name").asText()).isEqualTo("paper");
        assertThat(json.get("configuration").get("density").asText()).isEqualTo("released");
        assertThat(json.get("weights").get("status").asText()).isEqualTo("trained");
        assertThat(json.get("weights").get("origin").asText()).isEqualTo("IASSF authors' release");
        assertThat(json.get("weights").get("manifest").get("provenance").get("checkpoint").asText())
                .isEqualTo("IASSF_part_aa + IASSF_part_ab + IASSF_part_ac");
        Cli.Result text = Cli.run("info", "--model", out, "--device", "cpu");
        assertThat(text.out()).contains("origin       IASSF authors' release (density released)");

        assertThat(Cli.run("import-weights", "--from", tmp.resolve("IASSF_part_aa"), "--out", out).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run("import-weights", "--from", tmp.resolve("IASSF_part_aa"), "--out", out, "--overwrite")
                .exitCode()).isEqualTo(ExitCodes.OK);
    }

    private void assertRefused(Path from, String messagePart) {
        Path out = tmp.resolve("out.hzf");
        Cli.Result r = Cli.run("import-weights", "--from", from, "--out", out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("hazefuse import-weights: ").contains(messagePart);
        assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(out).doesNotExist();
        assertThat(Cli.listing(tmp)).noneMatch(n -> n.endsWith(".hzf") || n.startsWith("hazefuse-joined"));
    }

    /** A pickle that, in Python's loader, would call {@code module.name("touch pwned")}. */
    private static byte[] calling(String module, String name) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] arg = "touch pwned".getBytes(StandardCharsets.US_ASCII);
        p.write('X');
        p.writeBytes(new byte[] {(byte) arg.length, 0, 0, 0});
        p.writeBytes(arg);
        p.write(0x85); // TUPLE1
        p.write('R'); // REDUCE
        p.write('.');
        return p.toByteArray();
    }

    /** A torch.save-shaped zip around {@code pickle}. */
    private static Path checkpoint(Path file, byte[] pickle) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return file;
    }

    /** ../shared/fixtures/iassf-parity: required under CI, else the test is skipped. */
    private static Path fixture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/iassf-parity");
            if (Files.isRegularFile(candidate.resolve("IASSF_random_seed7.pth"))) {
                return candidate;
            }
        }
        String message = "shared/fixtures/iassf-parity not found above " + Path.of("").toAbsolutePath();
        if (System.getenv("CI") != null) {
            fail("the fixture is missing: " + message);
        }
        assumeTrue(false, "skipped: " + message);
        return null;
    }
}
