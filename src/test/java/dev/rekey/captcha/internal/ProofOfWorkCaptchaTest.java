package dev.rekey.captcha.internal;

import static dev.rekey.support.CaptchaSolver.payload;
import static dev.rekey.support.CaptchaSolver.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.captcha.CaptchaChallenge;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfWorkCaptchaTest {

  static final long MAX = 2000;

  final TestClock clock = new TestClock();
  final CaptchaFixtures.FixedKeyHash hash =
      new CaptchaFixtures.FixedKeyHash(CaptchaFixtures.key(0));
  final ProofOfWorkCaptcha captcha = CaptchaFixtures.captcha(hash, clock, MAX, new SecureRandom());

  String sign(String challenge) {
    return HexFormat.of().formatHex(hash.digest(ProofOfWorkCaptcha.SIGNATURE_LABEL, challenge));
  }

  static String base64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void challengeHasTheAltchaShapeAndExpiresAfterTheTtl() {
    CaptchaChallenge c = captcha.challenge();

    assertThat(c.algorithm()).isEqualTo("SHA-256");
    assertThat(c.maxnumber()).isEqualTo(MAX);
    assertThat(c.challenge()).matches("[0-9a-f]{64}");
    assertThat(c.signature()).isEqualTo(sign(c.challenge()));
    long expires = clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
    assertThat(c.salt()).matches("[0-9a-f]{24}\\?expires=" + expires);
    assertThat(CaptchaSolver.number(c)).isBetween(0L, MAX);
    assertThat(captcha.challenge().salt()).as("a fresh salt each time").isNotEqualTo(c.salt());
  }

  @Test
  void secretNumberCoversTheWholeInclusiveRange() {
    ProofOfWorkCaptcha tiny = CaptchaFixtures.captcha(hash, clock, 3, new SecureRandom());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 400 && seen.size() < 4; i++) {
      seen.add(CaptchaSolver.number(tiny.challenge()));
    }
    assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
  }

  @Test
  void redeemWhenSolvedThenAcceptedOnceAndTheReplayRefused() {
    String solution = CaptchaSolver.solve(captcha.challenge());

    assertThat(captcha.redeem(solution)).isTrue();
    assertThat(captcha.redeem(solution)).as("replay").isFalse();
    assertThat(captcha.redeem(CaptchaSolver.solve(captcha.challenge()))).as("another").isTrue();
  }

  @Test
  void redeemWhenUrlSafeBase64WithoutPaddingThenAccepted() {
    CaptchaChallenge c = captcha.challenge();
    byte[] json = Base64.getDecoder().decode(CaptchaSolver.solve(c));
    assertThat(captcha.redeem(Base64.getUrlEncoder().withoutPadding().encodeToString(json)))
        .isTrue();
  }

  @Test
  void redeemWhenWrongNumberThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    long right = CaptchaSolver.number(c);
    long wrong = right == 0 ? 1 : right - 1;

    assertThat(
            captcha.redeem(payload(c.algorithm(), c.challenge(), wrong, c.salt(), c.signature())))
        .isFalse();
    assertThat(captcha.redeem(CaptchaSolver.solve(c))).as("the right one still works").isTrue();
  }

  @Test
  void redeemWhenSaltAlteredToExpireLaterThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    long expires = Long.parseLong(c.salt().substring(c.salt().indexOf('=') + 1));
    String later = c.salt().replace("=" + expires, "=" + (expires + 86_400));

    assertThat(captcha.redeem(payload(c.algorithm(), c.challenge(), n, later, c.signature())))
        .as("same challenge, later expiry")
        .isFalse();
    String recomputed = sha256Hex(later + n);
    assertThat(captcha.redeem(payload(c.algorithm(), recomputed, n, later, c.signature())))
        .as("challenge recomputed, but not signed")
        .isFalse();
  }

  @Test
  void redeemWhenChallengeAlteredThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    char first = c.challenge().charAt(0);
    String altered = (first == '0' ? '1' : '0') + c.challenge().substring(1);

    assertThat(captcha.redeem(payload(c.algorithm(), altered, n, c.salt(), c.signature())))
        .isFalse();
    assertThat(
            captcha.redeem(
                payload(c.algorithm(), c.challenge().toUpperCase(), n, c.salt(), c.signature())))
        .as("upper-case hex is another string")
        .isFalse();
  }

  @Test
  void redeemWhenSignatureWrongOrFromAnotherKeyThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    char last = c.signature().charAt(63);
    String flipped = c.signature().substring(0, 63) + (last == 'a' ? 'b' : 'a');
    String otherKey =
        HexFormat.of()
            .formatHex(
                new CaptchaFixtures.FixedKeyHash(CaptchaFixtures.key(1))
                    .digest(ProofOfWorkCaptcha.SIGNATURE_LABEL, c.challenge()));

    assertThat(captcha.redeem(payload(c.algorithm(), c.challenge(), n, c.salt(), flipped)))
        .isFalse();
    assertThat(captcha.redeem(payload(c.algorithm(), c.challenge(), n, c.salt(), otherKey)))
        .isFalse();
    assertThat(captcha.redeem(payload(c.algorithm(), c.challenge(), n, c.salt(), ""))).isFalse();
  }

  @Test
  void redeemWhenExpiredThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    String solution = CaptchaSolver.solve(c);
    CaptchaChallenge d = captcha.challenge();
    String justInTime = CaptchaSolver.solve(d);

    clock.advance(Duration.ofMinutes(10).minusSeconds(2));
    assertThat(captcha.redeem(justInTime)).as("just before expiry").isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(captcha.redeem(solution)).as("at expiry").isFalse();
  }

  @Test
  void redeemWhenExpiryFurtherAheadThanTheTtlThenRefused() {
    // Signed with the server's key, yet valid for a day: never issued by this configuration.
    String salt =
        "00112233445566778899aabb?expires="
            + clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
    String challenge = sha256Hex(salt + 7);
    assertThat(captcha.redeem(payload("SHA-256", challenge, 7, salt, sign(challenge)))).isFalse();
  }

  @Test
  void redeemWhenAlgorithmIsNotSha256ThenRefused() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    for (String algorithm : new String[] {"SHA-1", "SHA-512", "sha-256", "", "SHA-256 "}) {
      assertThat(captcha.redeem(payload(algorithm, c.challenge(), n, c.salt(), c.signature())))
          .as(algorithm)
          .isFalse();
    }
    assertThat(captcha.redeem(CaptchaSolver.solve(c))).isTrue();
  }

  @Test
  void redeemWhenNumberOutsideTheRangeThenRefusedEvenIfHashAndSignatureMatch() {
    String salt =
        "00112233445566778899aabb?expires=" + clock.instant().plusSeconds(60).getEpochSecond();
    for (long n : new long[] {-1, MAX + 1, Long.MAX_VALUE}) {
      String challenge = sha256Hex(salt + n);
      assertThat(captcha.redeem(payload("SHA-256", challenge, n, salt, sign(challenge))))
          .as("number %d", n)
          .isFalse();
    }
    String challenge = sha256Hex(salt + MAX);
    assertThat(captcha.redeem(payload("SHA-256", challenge, MAX, salt, sign(challenge))))
        .as("maxnumber itself is in range")
        .isTrue();
  }

  @Test
  void redeemWhenSaltNotInTheIssuedFormatThenRefused() {
    long expires = clock.instant().plusSeconds(60).getEpochSecond();
    for (String salt :
        new String[] {
          "00112233445566778899aabb",
          "00112233445566778899aabb?expires=",
          "00112233445566778899aabb?expires=" + expires + "&x=1",
          "zz112233445566778899aabb?expires=" + expires,
          "00112233445566778899aabb?expires=99999999999999999999"
        }) {
      String challenge = sha256Hex(salt + 5);
      assertThat(captcha.redeem(payload("SHA-256", challenge, 5, salt, sign(challenge))))
          .as(salt)
          .isFalse();
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "not base64!",
        "%%%%",
        "eyJ", // truncated base64
        "bm90IGpzb24=", // "not json"
        "W10=", // []
        "bnVsbA==", // null
        "MTIz", // 123
        "e30=" // {}
      })
  void redeemWhenGarbageThenFalse(String garbage) {
    assertThat(captcha.redeem(garbage)).isFalse();
  }

  @Test
  void redeemWhenJsonHasWrongTypesThenFalse() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    String fields =
        "\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"salt\":\"%s\",\"signature\":\"%s\""
            .formatted(c.challenge(), c.salt(), c.signature());
    for (String number :
        new String[] {
          "\"" + n + "\"",
          n + ".0",
          n + "e0",
          "[" + n + "]",
          "null",
          "true",
          "1e400",
          "123456789012345678901234567890"
        }) {
      assertThat(captcha.redeem(base64("{" + fields + ",\"number\":" + number + "}")))
          .as(number)
          .isFalse();
    }
    assertThat(
            captcha.redeem(
                base64(
                    "{\"algorithm\":256,\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\",\"signature\":\"%s\"}"
                        .formatted(c.challenge(), n, c.salt(), c.signature()))))
        .isFalse();
    assertThat(
            captcha.redeem(
                base64("{" + fields + ",\"number\":" + n + ",\"number\":" + (n + 1) + "}")))
        .as("duplicate member")
        .isFalse();
    assertThat(captcha.redeem(base64("{" + fields + ",\"number\":" + n + "}")))
        .as("the well-formed one")
        .isTrue();
  }

  @Test
  void redeemWhenLongerThanTheLimitThenFalseEvenIfOtherwiseValid() {
    CaptchaChallenge c = captcha.challenge();
    long n = CaptchaSolver.number(c);
    String json =
        "{\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\",\"signature\":\"%s\",\"pad\":\"%s\"}"
            .formatted(c.challenge(), n, c.salt(), c.signature(), "x".repeat(2000));
    assertThat(captcha.redeem(base64(json))).isFalse();
    assertThat(captcha.redeem("A".repeat(5_000_000))).isFalse();
  }
}
