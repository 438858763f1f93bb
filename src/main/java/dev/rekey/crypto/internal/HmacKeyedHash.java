package dev.rekey.crypto.internal;

import dev.rekey.crypto.KeyedHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 (RFC 2104) under a subkey derived from the active master key, so the encryption key
 * itself is never used for hashing (NIST SP 800-108 style key separation).
 */
final class HmacKeyedHash implements KeyedHash {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKey key;

  HmacKeyedHash(MasterKeys keys) {
    try {
      Mac derive = Mac.getInstance(ALGORITHM);
      derive.init(keys.byId().get(keys.activeId()));
      byte[] subkey = derive.doFinal("rekey/keyed-hash/v1".getBytes(StandardCharsets.US_ASCII));
      this.key = new SecretKeySpec(subkey, ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  @Override
  public byte[] digest(String label, String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(label.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  @Override
  public boolean matches(String label, String value, byte[] expected) {
    return MessageDigest.isEqual(digest(label, value), expected);
  }
}
