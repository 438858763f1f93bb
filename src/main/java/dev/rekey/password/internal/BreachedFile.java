package dev.rekey.password.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A "pwned passwords" file: lines {@code SHA1HEX:COUNT} sorted by hash, {@code \n} or {@code \r\n}
 * line ends, many gigabytes. A look-up is a binary search over byte offsets with a few small reads
 * (about 30 for a billion lines); the file is never loaded. Nothing leaves the server, not even a
 * hash prefix (SPEC §7; NIST SP 800-63B-4 §3.1.1.2: compare against values from breach corpuses).
 */
final class BreachedFile {

  static final int HASH_LENGTH = 40;
  private static final int CHUNK = 128;

  private final Path path;

  BreachedFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  boolean contains(String password) throws IOException {
    return containsHash(sha1(password));
  }

  /** Whether the upper-case hex SHA-1 is one of the file's hashes. */
  boolean containsHash(String hash) throws IOException {
    byte[] target = hash.getBytes(StandardCharsets.US_ASCII);
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      // Invariant: lo is a line start; the target's line, if any, starts in [lo, hi).
      long lo = 0;
      long hi = file.length();
      while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        long start = mid == lo ? lo : nextLineStart(file, mid);
        if (start >= hi) {
          hi = mid;
          continue;
        }
        byte[] line = readLine(file, start);
        int order = compare(line, target);
        if (order == 0) {
          return true;
        } else if (order < 0) {
          lo = start + line.length + 1;
        } else {
          hi = start;
        }
      }
      return false;
    }
  }

  static String sha1(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-1", e);
    }
  }

  /** The first line start at or after {@code position} (> 0): just past the next {@code \n}. */
  private static long nextLineStart(RandomAccessFile file, long position) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long at = position - 1;
    while (true) {
      file.seek(at);
      int read = file.read(buffer);
      if (read <= 0) {
        return file.length();
      }
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          return at + i + 1;
        }
      }
      at += read;
    }
  }

  /** The bytes of the line starting at {@code start}, without its {@code \n}. */
  private static byte[] readLine(RandomAccessFile file, long start) throws IOException {
    byte[] buffer = new byte[CHUNK];
    var line = new java.io.ByteArrayOutputStream(64);
    long at = start;
    while (true) {
      file.seek(at);
      int read = file.read(buffer);
      if (read <= 0) {
        return line.toByteArray();
      }
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          line.write(buffer, 0, i);
          return line.toByteArray();
        }
      }
      line.write(buffer, 0, read);
      at += read;
    }
  }

  /** Compares the line's hash (up to {@code :} or a line end, case-insensitive) with the target. */
  private static int compare(byte[] line, byte[] target) {
    int length = 0;
    while (length < line.length && line[length] != ':' && line[length] != '\r') {
      length++;
    }
    int common = Math.min(length, target.length);
    for (int i = 0; i < common; i++) {
      int a = Character.toUpperCase(line[i]);
      int b = target[i];
      if (a != b) {
        return a - b;
      }
    }
    return length - target.length;
  }
}
