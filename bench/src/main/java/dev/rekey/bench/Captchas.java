package dev.rekey.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Solves Rekey's proof-of-work CAPTCHA (ALTCHA format, docs/api.md) like a browser: try every
 * number up to {@code maxnumber}. The bench sets the server's {@code rekey.captcha.max-number} low
 * so this costs the shared CPU little.
 */
final class Captchas {

  private Captchas() {}

  static String solve(String challengeJson) {
    String algorithm = Json.string(challengeJson, "algorithm");
    String challenge = Json.string(challengeJson, "challenge");
    String salt = Json.string(challengeJson, "salt");
    String signature = Json.string(challengeJson, "signature");
    long max = Json.number(challengeJson, "maxnumber");
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    HexFormat hex = HexFormat.of();
    for (long n = 0; n <= max; n++) {
      if (hex.formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8)))
          .equals(challenge)) {
        String payload =
            "{\"algorithm\":"
                + Json.quote(algorithm)
                + ",\"challenge\":"
                + Json.quote(challenge)
                + ",\"number\":"
                + n
                + ",\"salt\":"
                + Json.quote(salt)
                + ",\"signature\":"
                + Json.quote(signature)
                + "}";
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      }
    }
    throw new IllegalStateException("no number solves " + challengeJson);
  }
}
