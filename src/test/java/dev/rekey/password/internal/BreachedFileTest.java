package dev.rekey.password.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.password.PasswordProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline "pwned passwords" look-up: binary search over a sorted SHA-1 file. */
class BreachedFileTest {

  @TempDir Path dir;

  /** A sorted file of the SHA-1s of "breached-0" … "breached-(n-1)". */
  private Path file(int count, String lineEnd) throws IOException {
    List<String> hashes =
        new ArrayList<>(
            IntStream.range(0, count).mapToObj(i -> BreachedFile.sha1("breached-" + i)).toList());
    hashes.sort(null);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < hashes.size(); i++) {
      text.append(hashes.get(i)).append(':').append(i + 1).append(lineEnd);
    }
    Path path = dir.resolve("pwned-" + count + lineEnd.length() + ".txt");
    Files.writeString(path, text, StandardCharsets.US_ASCII);
    return path;
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void everyListedPasswordIsFoundAndOthersAreNot(String lineEnd) throws IOException {
    BreachedFile file = new BreachedFile(file(500, lineEnd));
    for (int i = 0; i < 500; i++) {
      assertThat(file.contains("breached-" + i)).as("breached-" + i).isTrue();
    }
    for (int i = 500; i < 700; i++) {
      assertThat(file.contains("breached-" + i)).isFalse();
    }
  }

  @Test
  void firstAndLastLinesAreFoundAndHashesOutsideTheRangeAreNot() throws IOException {
    Path path = file(100, "\n");
    List<String> lines = Files.readAllLines(path);
    BreachedFile file = new BreachedFile(path);
    assertThat(file.containsHash(lines.get(0).substring(0, 40))).isTrue();
    assertThat(file.containsHash(lines.get(99).substring(0, 40))).isTrue();
    assertThat(file.containsHash("0".repeat(40))).isFalse();
    assertThat(file.containsHash("F".repeat(40))).isFalse();
  }

  @Test
  void lastLineWithoutLineEndAndSingleLineFilesWork() throws IOException {
    String hash = BreachedFile.sha1("only");
    Path single = dir.resolve("single.txt");
    Files.writeString(single, hash + ":3");
    assertThat(new BreachedFile(single).contains("only")).isTrue();
    assertThat(new BreachedFile(single).contains("other")).isFalse();
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    assertThat(new BreachedFile(empty).contains("only")).isFalse();
  }

  @Test
  void sha1IsUpperCaseHexOfTheUtf8Bytes() {
    // SHA-1("password"), as listed by the public pwned-passwords corpus.
    assertThat(BreachedFile.sha1("password")).isEqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
  }

  @Test
  void offUnlessConfiguredAndAnUnreadableFileFailsAtStartUp() throws IOException {
    assertThat(new BreachedPasswords(new PasswordProperties(null)).isBreached("breached-1"))
        .isFalse();
    BreachedPasswords on = new BreachedPasswords(new PasswordProperties(file(10, "\r\n")));
    assertThat(on.isEnabled()).isTrue();
    assertThat(on.isBreached("breached-1")).isTrue();
    assertThat(on.isBreached("not-breached")).isFalse();
    assertThatThrownBy(
            () -> new BreachedPasswords(new PasswordProperties(dir.resolve("missing.txt"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rekey.password.breached-file");
  }
}
