package org.hazefuse.weights.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.hazefuse.io.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split checkpoints: joined in order while hashed, refused when not consecutive or not complete. */
class CheckpointPartsTest {
    @TempDir
    Path temp;
    private Path whole;
    private byte[] bytes;

    @BeforeEach
    void writeCheckpoint() throws IOException {
        whole = TorchCheckpointTest.writeSample(temp.resolve("whole.pth"), false);
        bytes = Files.readAllBytes(whole);
    }

    @Test
    void partsAreJoinedInOrderIntoAReadableCheckpointWithTheWholesHash() throws IOException {
        List<Path> parts = split("IASSF_part_", 4, bytes.length / 4 + 1);
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path joined;
        try (CheckpointParts p = CheckpointParts.open(parts.get(0), tmp)) {
            assertThat(p.parts()).containsExactlyElementsOf(parts);
            assertThat(p.sha256()).isEqualTo(sha256(bytes));
            assertThat(Files.readAllBytes(p.file())).isEqualTo(bytes);
            assertThat(TorchCheckpoint.read(p.file()).entries()).containsKey("model");
            joined = p.file();
        }
        assertThat(joined).doesNotExist();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void aPlainFileIsTakenAsItIsAndKept() throws IOException {
        try (CheckpointParts p = CheckpointParts.open(whole, temp)) {
            assertThat(p.file()).isEqualTo(whole);
            assertThat(p.parts()).containsExactly(whole);
            assertThat(p.sha256()).isEqualTo(sha256(bytes));
        }
        assertThat(whole).exists();
    }

    @Test
    void aLaterPartIsRefusedNamingTheFirst() throws IOException {
        List<Path> parts = split("IASSF_part_", 3, bytes.length / 3 + 1);
        assertThatThrownBy(() -> CheckpointParts.open(parts.get(1), temp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("give the first, IASSF_part_aa");
    }

    @Test
    void aGapIsRefusedNamingTheMissingPart() throws IOException {
        List<Path> parts = split("IASSF_part_", 4, bytes.length / 4 + 1);
        Files.delete(parts.get(2));
        assertThatThrownBy(() -> CheckpointParts.open(parts.get(0), temp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("part IASSF_part_ac is missing, but IASSF_part_ad exists");
    }

    @Test
    void aMissingLastPartIsRefusedAndLeavesNothingBehind() throws IOException {
        List<Path> parts = split("IASSF_part_", 3, bytes.length / 3 + 1);
        Files.delete(parts.get(2));
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        assertThatThrownBy(() -> CheckpointParts.open(parts.get(0), tmp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("do not end a complete archive: is a later part missing?");
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void aTruncatedMiddlePartIsRefused() throws IOException {
        List<Path> parts = split("IASSF_part_", 3, bytes.length / 3 + 1);
        byte[] middle = Files.readAllBytes(parts.get(1));
        Files.write(parts.get(1), Arrays.copyOf(middle, middle.length - 10));
        assertThatThrownBy(() -> CheckpointParts.open(parts.get(0), temp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("IASSF_part_ab").hasMessageContaining("a truncated part");
    }

    @Test
    void suffixesFollowSplit() {
        assertThat(CheckpointParts.suffix(0)).isEqualTo("aa");
        assertThat(CheckpointParts.suffix(25)).isEqualTo("az");
        assertThat(CheckpointParts.suffix(26)).isEqualTo("ba");
    }

    /** {@code split -b size}: parts of {@code size} bytes, the last shorter. */
    private List<Path> split(String stem, int n, int size) throws IOException {
        List<Path> parts = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = i * size;
            int to = Math.min(bytes.length, from + size);
            parts.add(Files.write(temp.resolve(stem + CheckpointParts.suffix(i)), Arrays.copyOfRange(bytes, from, to)));
        }
        return parts;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
