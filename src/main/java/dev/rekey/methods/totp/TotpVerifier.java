package dev.rekey.methods.totp;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks authenticator-app codes: RFC 6238 TOTP with HMAC-SHA-1, 6 digits and a 30 s time step, the
 * parameters every common authenticator app supports (SPEC §4).
 */
@Component
public class TotpVerifier {

  public static final int DIGITS = 6;
  public static final Duration PERIOD = Duration.ofSeconds(30);

  /** Pass as {@code lastUsedStep} when no code was ever accepted for the secret. */
  public static final long NO_STEP_USED = Long.MIN_VALUE;

  /** RFC 6238 §5.2: accept one step of clock drift either way, and no more. */
  private static final int DRIFT_STEPS = 1;

  private static final int MAX_INPUT = 32;
  private static final HmacOneTimePasswordGenerator HOTP =
      new HmacOneTimePasswordGenerator(DIGITS); // HMAC-SHA-1, RFC 4226 §5.3

  private final Clock clock;

  public TotpVerifier(Clock clock) {
    this.clock = clock;
  }

  /**
   * Verifies {@code code} against the steps around now. Returns the matched time step only when it
   * is later than {@code lastUsedStep}; the caller stores it as the new {@code lastUsedStep}, so a
   * code (and any older one) is accepted once only (RFC 6238 §5.2, NIST 800-63B §5.1.4.2).
   *
   * @param secret the shared secret, at least 128 bits (RFC 4226 §4 R6)
   * @param code what the user typed; spaces are ignored, anything but 6 ASCII digits is rejected
   * @param lastUsedStep the step returned by the last successful verification, or {@link
   *     #NO_STEP_USED}
   */
  public OptionalLong verify(byte[] secret, String code, long lastUsedStep) {
    requireStrongSecret(secret);
    String normalised = normalise(code);
    if (normalised == null) {
      return OptionalLong.empty(); // malformed: rejected without computing any code
    }
    byte[] typed = normalised.getBytes(StandardCharsets.US_ASCII);
    long now = stepAt(clock.instant());
    long matched = NO_STEP_USED;
    // Every step in the window is computed and compared in constant time, so the response time
    // does not reveal which step (if any) matched.
    for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
      if (step < 0) {
        continue;
      }
      byte[] expected = codeAt(secret, step).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, typed)) {
        matched = Math.max(matched, step);
      }
    }
    return matched != NO_STEP_USED && matched > lastUsedStep
        ? OptionalLong.of(matched)
        : OptionalLong.empty();
  }

  /** The current time step of the injected clock. */
  public long currentStep() {
    return stepAt(clock.instant());
  }

  /** The code an app shows right now (for tests and demos). */
  public String currentCode(byte[] secret) {
    return codeAt(secret, currentStep());
  }

  /** The RFC 6238 time step T = floor(unix seconds / 30) of an instant. */
  public static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), PERIOD.toSeconds());
  }

  /** The 6-digit code for a time step: HOTP(K, T) per RFC 6238 §4.2. */
  public static String codeAt(byte[] secret, long step) {
    try {
      // Locale.ROOT: always ASCII digits, whatever the server's default locale.
      return HOTP.generateOneTimePasswordString(
          new SecretKeySpec(secret, "HmacSHA1"), step, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable TOTP secret", e);
    }
  }

  /** Spaces removed; null unless exactly six ASCII digits remain. */
  static @Nullable String normalise(String code) {
    if (code.length() > MAX_INPUT) {
      return null;
    }
    StringBuilder digits = new StringBuilder(DIGITS);
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t') {
        continue;
      }
      if (c < '0' || c > '9' || digits.length() == DIGITS) {
        return null;
      }
      digits.append(c);
    }
    return digits.length() == DIGITS ? digits.toString() : null;
  }

  private static void requireStrongSecret(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("TOTP secret shorter than 128 bits");
    }
  }
}
