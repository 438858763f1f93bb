package dev.rekey.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rekey.crypto.CryptoProperties;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dir;

  final SecureRandom random = new SecureRandom();

  MasterKeys load(String masterKey, Path keyFile, String activeKeyId, Map<String, String> keys) {
    return MasterKeys.load(new CryptoProperties(masterKey, keyFile, activeKeyId, keys), random);
  }

  @Test
  void whenKeyFileIsAbsentThenOneIsGeneratedForTheOwnerOnly() throws Exception {
    Path file = dir.resolve("data/master.key");

    MasterKeys keys = load(null, file, null, null);

    assertThat(file).exists();
    assertThat(keys.activeId()).isEqualTo("k1");
    assertThat(keys.byId().get("k1").getEncoded()).hasSize(32);
    assertThat(Files.readString(file)).containsPattern("(?m)^k1=[A-Za-z0-9+/]{43}=$");
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void whenKeyFileExistsThenItIsReusedNotReplaced() throws Exception {
    Path file = dir.resolve("master.key");
    MasterKeys first = load(null, file, null, null);
    String content = Files.readString(file);

    MasterKeys second = load(null, file, null, null);

    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(second.byId().get("k1").getEncoded()).isEqualTo(first.byId().get("k1").getEncoded());
  }

  @Test
  void lastLineOfTheKeyFileIsActiveAndEarlierOnesStillLoad() throws Exception {
    Path file = dir.resolve("master.key");
    String other = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
    Files.writeString(file, "# comment\nk1=" + KEY + "\n\nk2 = " + other + "\n");

    MasterKeys keys = load(null, file, null, null);

    assertThat(keys.activeId()).isEqualTo("k2");
    assertThat(keys.byId()).containsOnlyKeys("k1", "k2");
  }

  @Test
  void configuredMasterKeyWinsOverTheKeyFileAndNoFileIsCreated() {
    Path file = dir.resolve("master.key");

    MasterKeys keys = load(KEY, file, null, null);

    assertThat(keys.activeId()).isEqualTo("env");
    assertThat(keys.byId().get("env").getEncoded()).isEqualTo(new byte[32]);
    assertThat(file).doesNotExist();
  }

  @Test
  void additionalKeysCanBeNamedActiveForRotation() {
    String k2 = Base64.getEncoder().encodeToString(new byte[32]);
    MasterKeys keys = load(KEY, null, "k2", Map.of("k2", k2));
    assertThat(keys.activeId()).isEqualTo("k2");
    assertThat(keys.byId()).containsOnlyKeys("env", "k2");
  }

  @Test
  void whenMasterKeyIsNotBase64ThenStartupFailsClearly() {
    assertThatThrownBy(() -> load("not base64 !!", null, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid base64");
  }

  @Test
  void whenMasterKeyHasTheWrongLengthThenStartupFailsClearly() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> load(short16, null, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("256 bits");
  }

  @Test
  void whenKeyIdIsMalformedThenStartupFailsClearly() {
    assertThatThrownBy(() -> load(KEY, null, "bad id", Map.of("bad id", KEY)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Key id 'bad id'");
  }

  @Test
  void whenKeyFileLineIsMalformedThenStartupFailsClearly() throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, "just-a-key-without-id\n");
    assertThatThrownBy(() -> load(null, file, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id=base64key");
  }

  @Test
  void whenActiveKeyIdIsUnknownThenStartupFailsClearly() {
    assertThatThrownBy(() -> load(KEY, null, "k9", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'k9' is unknown");
  }

  @Test
  void whenNoKeyIsConfiguredAtAllThenStartupFailsClearly() {
    assertThatThrownBy(() -> load(null, null, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REKEY_CRYPTO_MASTER_KEY");
  }
}
