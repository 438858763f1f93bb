package dev.rekey.captcha.internal;

import dev.rekey.captcha.CaptchaProperties;
import dev.rekey.crypto.KeyedHash;
import dev.rekey.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A captcha built without Spring: fixed HMAC key, spent set in memory, movable clock. */
final class CaptchaFixtures {

  static final Duration TTL = Duration.ofMinutes(10);

  private CaptchaFixtures() {}

  /**
   * HMAC-SHA-256 over {@code label 0x00 value}, as {@code KeyedHash} specifies, with a fixed key.
   */
  static final class FixedKeyHash implements KeyedHash {
    private final byte[] key;

    FixedKeyHash(byte[] key) {
      this.key = key.clone();
    }

    @Override
    public byte[] digest(String label, String value) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean matches(String label, String value, byte[] expected) {
      return MessageDigest.isEqual(digest(label, value), expected);
    }
  }

  static final class MemorySpent implements SpentChallenges {
    final Set<String> spent = new HashSet<>();

    @Override
    public boolean spend(String challenge, Instant expiresAt) {
      return spent.add(challenge);
    }
  }

  static byte[] key(int first) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return key;
  }

  static ProofOfWorkCaptcha captcha(
      KeyedHash hash, TestClock clock, long maxNumber, SecureRandom random) {
    return new ProofOfWorkCaptcha(
        hash, new MemorySpent(), new CaptchaProperties(maxNumber, TTL), clock, random);
  }

  static ProofOfWorkCaptcha captcha(TestClock clock, long maxNumber) {
    return captcha(new FixedKeyHash(key(0)), clock, maxNumber, new SecureRandom());
  }
}
