package dev.rekey.methods.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.rekey.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 6238 Appendix B (SHA-1 rows) and RFC 4226 Appendix D. */
class TotpKnownAnswerTest {

  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 0000000000000001, 94287082",
    "1111111109, 00000000023523EC, 07081804",
    "1111111111, 00000000023523ED, 14050471",
    "1234567890, 000000000273EF07, 89005924",
    "2000000000, 0000000003F940AA, 69279037",
    "20000000000, 0000000027BC86AA, 65353130"
  })
  void rfc6238AppendixBWhenEightDigitsThenMatches(long seconds, String stepHex, String expected)
      throws Exception {
    Instant at = Instant.ofEpochSecond(seconds);
    assertThat(TotpVerifier.stepAt(at)).isEqualTo(Long.parseLong(stepHex, 16));
    var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8);
    assertThat(totp.generateOneTimePasswordString(key(), at, Locale.ROOT)).isEqualTo(expected);
    var hotp = new HmacOneTimePasswordGenerator(8);
    assertThat(hotp.generateOneTimePasswordString(key(), TotpVerifier.stepAt(at), Locale.ROOT))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "59, 287082",
    "1111111109, 081804",
    "1111111111, 050471",
    "1234567890, 005924",
    "2000000000, 279037",
    "20000000000, 353130"
  })
  void rfc6238AppendixBWhenSixDigitsThenLastSixDigitsAndVerified(long seconds, String expected) {
    Instant at = Instant.ofEpochSecond(seconds);
    assertThat(TotpVerifier.codeAt(SECRET, TotpVerifier.stepAt(at))).isEqualTo(expected);
    TestClock clock = new TestClock();
    clock.set(at);
    assertThat(new TotpVerifier(clock).verify(SECRET, expected, TotpVerifier.NO_STEP_USED))
        .hasValue(TotpVerifier.stepAt(at));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
    "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
  })
  void rfc4226AppendixDWhenCounterThenHotpValue(long counter, String expected) {
    assertThat(TotpVerifier.codeAt(SECRET, counter)).isEqualTo(expected);
  }

  private static SecretKeySpec key() {
    return new SecretKeySpec(SECRET, "HmacSHA1");
  }
}
