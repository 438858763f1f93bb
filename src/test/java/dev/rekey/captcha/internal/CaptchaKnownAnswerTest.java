package dev.rekey.captcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.captcha.CaptchaChallenge;
import dev.rekey.support.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed independently (Python's hashlib and hmac) for a fixed key (bytes 0..31),
 * nonce (bytes 0..11), number 4242 and time 2026-01-01T00:00:00Z:
 *
 * <pre>
 * salt      = "000102030405060708090a0b?expires=1767226200"
 * challenge = sha256(salt + "4242")
 * signature = HMAC-SHA-256(key, "rekey/captcha/v1" || 0x00 || challenge)
 * payload   = base64('{"algorithm":"SHA-256","challenge":...,"number":4242,"salt":...,"signature":...}')
 * </pre>
 */
class CaptchaKnownAnswerTest {

  static final String SALT = "000102030405060708090a0b?expires=1767226200";
  static final String CHALLENGE =
      "92a8e2bb3d3875a041e6f917440f00147a4ce0c8772fb310bddf800bee1b2c4b";
  static final String SIGNATURE =
      "cc5a25e9e61f246e77518f42c4ebb90a7293234d69fdd64e4aa1ab412f83b0dc";
  static final String PAYLOAD =
      "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiOTJhOGUyYmIzZDM4NzVhMDQxZTZmOTE3NDQwZjAwMTQ3"
          + "YTRjZTBjODc3MmZiMzEwYmRkZjgwMGJlZTFiMmM0YiIsIm51bWJlciI6NDI0Miwic2FsdCI6IjAwMDEwMjAz"
          + "MDQwNTA2MDcwODA5MGEwYj9leHBpcmVzPTE3NjcyMjYyMDAiLCJzaWduYXR1cmUiOiJjYzVhMjVlOWU2MWYy"
          + "NDZlNzc1MThmNDJjNGViYjkwYTcyOTMyMzRkNjlmZGQ2NGU0YWExYWI0MTJmODNiMGRjIn0=";

  /** Hands out the nonce 00 01 .. 0b and the secret number 4242. */
  static final class FixedRandom extends SecureRandom {
    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) i;
      }
    }

    @Override
    public long nextLong(long bound) {
      assertThat(bound).as("bound is maxnumber + 1").isEqualTo(100_001);
      return 4242;
    }
  }

  final TestClock clock = new TestClock();
  final ProofOfWorkCaptcha captcha =
      CaptchaFixtures.captcha(
          new CaptchaFixtures.FixedKeyHash(CaptchaFixtures.key(0)),
          clock,
          100_000,
          new FixedRandom());

  @Test
  void challengeIsExactlyTheHandComputedOne() {
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(captcha.challenge())
        .isEqualTo(new CaptchaChallenge("SHA-256", CHALLENGE, SALT, 100_000, SIGNATURE));
  }

  @Test
  void handComputedPayloadIsAcceptedOnceUntilItExpires() {
    clock.set(Instant.parse("2026-01-01T00:09:59Z"));
    assertThat(captcha.redeem(PAYLOAD)).isTrue();
    assertThat(captcha.redeem(PAYLOAD)).isFalse();
  }

  @Test
  void handComputedPayloadIsRefusedFromItsExpiryOn() {
    clock.set(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(10)));
    assertThat(captcha.redeem(PAYLOAD)).isFalse();
  }
}
