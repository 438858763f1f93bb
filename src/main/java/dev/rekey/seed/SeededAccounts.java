package dev.rekey.seed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a seeded tenant holds, so benchmarks and tests can sign in and verify as any seeded user
 * without reading the database (the contract in docs/BENCHMARKS.md, "A million accounts").
 */
public final class SeededAccounts {

  public static final String DEFAULT_DOMAIN = "scale.example";

  /** Test data only: every seeded account shares this password and one hash of it. */
  public static final String DEFAULT_PASSWORD = "Seeded-Passw0rd-2026";

  public static final int MAX_ACCOUNTS = 10_000_000;

  private static final byte[] TOTP_KEY = "rekey-seed-totp".getBytes(StandardCharsets.UTF_8);

  private SeededAccounts() {}

  /** The user ID of account {@code index}: {@code user0000042@scale.example}. */
  public static String upn(String domain, long index) {
    return String.format(Locale.ROOT, "user%07d@%s", index, domain.toLowerCase(Locale.ROOT));
  }

  /** Whether account {@code index} has an active authenticator app (90 % of them). */
  public static boolean hasApp(long index) {
    return index % 10 != 9;
  }

  /**
   * The authenticator app's TOTP secret of a seeded account: the first 20 bytes of HMAC-SHA256(key
   * = "rekey-seed-totp", message = the lower-case user ID), both UTF-8.
   */
  public static byte[] totpSecret(String upn) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TOTP_KEY, "HmacSHA256"));
      byte[] digest = mac.doFinal(upn.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(digest, 20);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
