package dev.rekey.captcha.internal;

import dev.rekey.captcha.Captcha;
import dev.rekey.captcha.CaptchaChallenge;
import dev.rekey.captcha.CaptchaProperties;
import dev.rekey.crypto.KeyedHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * ALTCHA-style proof of work: the server hides a random number in {@code sha256(salt + number)} and
 * signs the hash, so it keeps no state until a solution is redeemed.
 */
@Component
class ProofOfWorkCaptcha implements Captcha {

  static final String ALGORITHM = "SHA-256";
  static final String SIGNATURE_LABEL = "rekey/captcha/v1";

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern SALT = Pattern.compile("[0-9a-f]{24}\\?expires=([0-9]{1,12})");
  private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

  /** Tolerated clock difference between the node that issued a challenge and the one verifying. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final KeyedHash keyedHash;
  private final SpentChallenges spent;
  private final CaptchaProperties properties;
  private final Clock clock;
  private final SecureRandom random;

  ProofOfWorkCaptcha(
      KeyedHash keyedHash,
      SpentChallenges spent,
      CaptchaProperties properties,
      Clock clock,
      SecureRandom random) {
    this.keyedHash = keyedHash;
    this.spent = spent;
    this.properties = properties;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public CaptchaChallenge challenge() {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    // The expiry travels inside the salt (ALTCHA convention): changing it changes the hash, so it
    // cannot be extended without redoing the work and forging the signature.
    long expires = clock.instant().plus(properties.ttl()).getEpochSecond();
    String salt = HEX.formatHex(nonce) + "?expires=" + expires;
    // Uniform in [0, maxNumber] from a CSPRNG, so the expected work cannot be shortcut.
    long secret = random.nextLong(properties.maxNumber() + 1);
    String challenge = HEX.formatHex(sha256(salt + secret));
    return new CaptchaChallenge(
        ALGORITHM, challenge, salt, properties.maxNumber(), HEX.formatHex(sign(challenge)));
  }

  @Override
  public boolean redeem(@Nullable String payload) {
    Optional<CaptchaPayload> parsed = CaptchaPayload.parse(payload);
    if (parsed.isEmpty()) {
      return false;
    }
    Optional<Instant> expiresAt = verify(parsed.get());
    return expiresAt.isPresent() && spent.spend(parsed.get().challenge(), expiresAt.get());
  }

  /** The challenge's expiry if the payload is a valid, unexpired solution; empty otherwise. */
  private Optional<Instant> verify(CaptchaPayload p) {
    if (!ALGORITHM.equals(p.algorithm())
        || p.number() < 0
        || p.number() > properties.maxNumber()
        || !HEX_256.matcher(p.challenge()).matches()
        || !HEX_256.matcher(p.signature()).matches()) {
      return Optional.empty();
    }
    Matcher salt = SALT.matcher(p.salt());
    if (!salt.matches()) {
      return Optional.empty();
    }
    // Constant-time comparisons of the hash and the MAC (ASVS 5.0 §11.2.4).
    boolean solved =
        MessageDigest.isEqual(sha256(p.salt() + p.number()), HEX.parseHex(p.challenge()));
    boolean signed = MessageDigest.isEqual(sign(p.challenge()), HEX.parseHex(p.signature()));
    if (!solved || !signed) {
      return Optional.empty();
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(salt.group(1)));
    Instant now = clock.instant();
    boolean fresh =
        now.isBefore(expires) && !expires.isAfter(now.plus(properties.ttl()).plus(CLOCK_SKEW));
    return fresh ? Optional.of(expires) : Optional.empty();
  }

  private byte[] sign(String challenge) {
    return keyedHash.digest(SIGNATURE_LABEL, challenge);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
