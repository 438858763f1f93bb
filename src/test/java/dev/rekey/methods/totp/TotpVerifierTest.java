package dev.rekey.methods.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rekey.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {

  private static final byte[] SECRET =
      HexFormat.of().parseHex("00112233445566778899aabbccddeeff01234567");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:15Z");
  private static final long NONE = TotpVerifier.NO_STEP_USED;

  private final TestClock clock = new TestClock();
  private final TotpVerifier verifier = new TotpVerifier(clock);
  private long step;

  @BeforeEach
  void setUp() {
    clock.set(NOW);
    step = TotpVerifier.stepAt(NOW);
  }

  @Test
  void verifyWhenCurrentCodeThenReturnsItsStep() {
    assertThat(verifier.verify(SECRET, verifier.currentCode(SECRET), NONE)).hasValue(step);
    assertThat(verifier.currentStep()).isEqualTo(step);
  }

  @Test
  void verifyWhenCodeOfPreviousStepThenAccepted() {
    assertThat(verifier.verify(SECRET, code(step - 1), NONE)).hasValue(step - 1);
  }

  @Test
  void verifyWhenCodeOfTwoStepsBackThenRejected() {
    assertThat(verifier.verify(SECRET, code(step - 2), NONE)).isEmpty();
  }

  @Test
  void verifyWhenCodeOfNextStepThenAccepted() {
    assertThat(verifier.verify(SECRET, code(step + 1), NONE)).hasValue(step + 1);
  }

  @Test
  void verifyWhenCodeOfTwoStepsAheadThenRejected() {
    assertThat(verifier.verify(SECRET, code(step + 2), NONE)).isEmpty();
  }

  @Test
  void verifyWhenClockMovesPastTheWindowThenCodeRejected() {
    String code = code(step);
    clock.advance(Duration.ofSeconds(30));
    assertThat(verifier.verify(SECRET, code, NONE)).hasValue(step);
    clock.advance(Duration.ofSeconds(30));
    assertThat(verifier.verify(SECRET, code, NONE)).isEmpty();
  }

  @Test
  void verifyWhenCodeReusedThenRejected() {
    String code = code(step);
    long used = verifier.verify(SECRET, code, NONE).orElseThrow();
    assertThat(verifier.verify(SECRET, code, used)).isEmpty();
  }

  @Test
  void verifyWhenOlderCodeAfterNewerOneThenRejected() {
    long used = verifier.verify(SECRET, code(step + 1), NONE).orElseThrow();
    assertThat(verifier.verify(SECRET, code(step), used)).isEmpty();
    assertThat(verifier.verify(SECRET, code(step - 1), used)).isEmpty();
  }

  @Test
  void verifyWhenNewerCodeAfterOlderOneThenAccepted() {
    long used = verifier.verify(SECRET, code(step - 1), NONE).orElseThrow();
    assertThat(verifier.verify(SECRET, code(step), used)).hasValue(step);
  }

  @Test
  void verifyWhenWrongSecretThenRejected() {
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    assertThat(verifier.verify(other, code(step), NONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "12345",
        "1234567",
        "12a456",
        "12-345",
        "+12345",
        "-12345",
        "123.45",
        "١٢٣٤٥٦",
        "１２３４５６",
        "123456\n",
        "0123456789012345678901234567890123456789"
      })
  void verifyWhenMalformedThenRejected(String code) {
    assertThat(verifier.verify(SECRET, code, NONE)).isEmpty();
    assertThat(TotpVerifier.normalise(code)).isNull();
  }

  @Test
  void verifyWhenCodeHasSpacesThenTheyAreIgnored() {
    String code = code(step);
    String spaced = " " + code.substring(0, 3) + " " + code.substring(3) + " ";
    assertThat(verifier.verify(SECRET, spaced, NONE)).hasValue(step);
    assertThat(TotpVerifier.normalise(" 123 456 ")).isEqualTo("123456");
    assertThat(TotpVerifier.normalise("123\u00A0456")).isEqualTo("123456");
  }

  @Test
  void verifyWhenSecretShorterThan128BitsThenRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> verifier.verify(new byte[15], "123456", NONE));
  }

  @Test
  void verifyNearTheEpochThenNoNegativeStep() {
    clock.set(Instant.ofEpochSecond(10));
    assertThat(verifier.verify(SECRET, code(0), NONE)).hasValue(0);
    assertThat(verifier.verify(SECRET, code(1), NONE)).hasValue(1);
  }

  private static String code(long step) {
    return TotpVerifier.codeAt(SECRET, step);
  }
}
