package dev.rekey.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The accounts of the seeding tool's contract (feature/scale): {@code user0000000@<domain>} …,
 * password {@value #PASSWORD}; accounts with {@code i % 10 != 9} have an authenticator app whose
 * secret is the first 20 bytes of HMAC-SHA256("rekey-seed-totp", lower-case UPN).
 */
final class Seeded {

  static final String PASSWORD = "Seeded-Passw0rd-2026";

  private Seeded() {}

  static String upn(int i, String domain) {
    return String.format(Locale.ROOT, "user%07d@%s", i, domain);
  }

  static boolean hasApp(int i) {
    return i % 10 != 9;
  }

  /**
   * An account with an app that a reset may use: the contract also seeds locked accounts ({@code i
   * % 100 == 42}), accounts blocked from SSPR ({@code i % 200 == 77}) and admins and helpdesk
   * operators who need two methods ({@code i % 50000 == 0}); those are left out.
   */
  static boolean resettable(int i) {
    return hasApp(i) && i % 100 != 42 && i % 200 != 77 && i % 50_000 != 0;
  }

  static byte[] totpSecret(String upn) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("rekey-seed-totp".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] full = mac.doFinal(upn.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, 20);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 6238 time step (30 s) of a wall-clock instant in milliseconds. */
  static long step(long epochMillis) {
    return Math.floorDiv(epochMillis / 1000, 30);
  }

  /** RFC 4226 HOTP with HMAC-SHA-1, 6 digits: the TOTP code of a time step. */
  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
