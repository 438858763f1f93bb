package dev.rekey.crypto;

/**
 * A keyed hash (HMAC-SHA-256) for short-lived secrets such as one-time codes: they are stored only
 * as this hash, so a database leak reveals no usable code (SPEC §4; ASVS 5.0 §6.5.2).
 */
public interface KeyedHash {

  /** The hash of {@code value} under the current key, separated by {@code label}. */
  byte[] digest(String label, String value);

  /** Constant-time comparison of {@code value}'s hash with {@code expected}. */
  boolean matches(String label, String value, byte[] expected);
}
