package dev.rekey.crypto.internal;

import dev.rekey.crypto.CryptoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The operator's AES-256 keys by id, and which one encrypts new data. */
record MasterKeys(Map<String, SecretKey> byId, String activeId) {

  static final int KEY_BYTES = 32;

  static MasterKeys load(CryptoProperties properties, SecureRandom random) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String lastId = null;
    if (properties.keyFile() != null
        && (properties.masterKey() == null || properties.masterKey().isBlank())) {
      Path file = properties.keyFile();
      if (!Files.exists(file)) {
        generate(file, random);
      }
      for (String line : read(file).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        if (eq < 1) {
          throw new IllegalStateException("Key file " + file + ": expected lines of id=base64key");
        }
        lastId = trimmed.substring(0, eq).strip();
        keys.put(lastId, decode(lastId, trimmed.substring(eq + 1).strip()));
      }
    }
    if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
      keys.put("env", decode("env", properties.masterKey().strip()));
      lastId = "env";
    }
    if (properties.keys() != null) {
      properties.keys().forEach((id, value) -> keys.put(id, decode(id, value.strip())));
    }
    String active = properties.activeKeyId() != null ? properties.activeKeyId() : lastId;
    if (active == null || !keys.containsKey(active)) {
      throw new IllegalStateException(
          "No master key: set REKEY_CRYPTO_MASTER_KEY or rekey.crypto.key-file"
              + (active == null ? "" : " (active key id '" + active + "' is unknown)"));
    }
    for (String id : keys.keySet()) {
      if (id.isEmpty() || id.length() > 32 || !id.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalStateException("Key id '" + id + "' must be 1-32 letters, digits, - or _");
      }
    }
    return new MasterKeys(Map.copyOf(keys), active);
  }

  private static SecretKey decode(String id, String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Master key '" + id + "' is not valid base64");
    }
    if (raw.length != KEY_BYTES) {
      throw new IllegalStateException("Master key '" + id + "' must be 256 bits (32 bytes)");
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key file " + file, e);
    }
  }

  /** Creates a key file readable by its owner only (the embedded default). */
  private static void generate(Path file, SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    String content =
        "# Rekey master key (AES-256). Keep it secret and back it up: without it, encrypted\n"
            + "# security info cannot be read. Add a new line to rotate; the last line is active.\n"
            + "k1="
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      // another node created it first: use theirs
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create key file " + file, e);
    }
  }
}
