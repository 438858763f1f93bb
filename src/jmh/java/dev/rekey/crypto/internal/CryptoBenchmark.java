package dev.rekey.crypto.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cheap cryptography on the reset path: hashing and checking a one-time code with the keyed
 * hash (HMAC-SHA-256, as {@code JdbcOneTimeCodes} does), and decrypting a stored TOTP secret with
 * AES-256-GCM (as {@code AppMethods.verify} does before checking the code).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CryptoBenchmark {

  private HmacKeyedHash hash;
  private AesGcmSecretCipher cipher;
  private String label;
  private byte[] storedCode;
  private byte[] encryptedSecret;
  private String context;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[MasterKeys.KEY_BYTES];
    random.nextBytes(key);
    MasterKeys keys = new MasterKeys(Map.of("bench", new SecretKeySpec(key, "AES")), "bench");
    hash = new HmacKeyedHash(keys);
    cipher = new AesGcmSecretCipher(keys, random);
    // The shape of JdbcOneTimeCodes' label: purpose and subject.
    label = "otc:reset:" + UUID.randomUUID();
    storedCode = hash.digest(label, "493027");
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    context = "method:" + UUID.randomUUID() + ":software_oath";
    encryptedSecret = cipher.encrypt(secret, context);
    if (!hash.matches(label, "493027", storedCode) || hash.matches(label, "493028", storedCode)) {
      throw new IllegalStateException("The keyed hash does not behave as intended");
    }
  }

  @Benchmark
  public byte[] hashCode6Digits() {
    return hash.digest(label, "493027");
  }

  @Benchmark
  public boolean matchCode6Digits() {
    return hash.matches(label, "493027", storedCode);
  }

  @Benchmark
  public byte[] decryptTotpSecret() {
    return cipher.decrypt(encryptedSecret, context);
  }
}
