package dev.rekey.captcha;

import org.jspecify.annotations.Nullable;

/**
 * A proof-of-work CAPTCHA in the ALTCHA format (SPEC §5 step 1, Appendix A): nothing to read or
 * click, no third-party service. The client receives a {@link CaptchaChallenge}, finds the number
 * {@code n} in {@code [0, maxnumber]} with {@code hex(sha256(salt + n)) == challenge} and sends
 * {@code base64(json{algorithm, challenge, number, salt, signature})} back as the {@code captcha}
 * field, which the server hands to {@link #redeem}.
 */
public interface Captcha {

  /** A new signed challenge that expires after {@code rekey.captcha.ttl}. */
  CaptchaChallenge challenge();

  /**
   * True once for a correctly solved, unexpired, correctly signed challenge; false for anything
   * else (never throws on hostile input). A second redemption of the same solution is false. The
   * redemption commits on its own, independent of the caller's transaction; only a database failure
   * escapes as an exception.
   */
  boolean redeem(@Nullable String payload);
}
