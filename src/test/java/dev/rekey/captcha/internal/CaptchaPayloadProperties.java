package dev.rekey.captcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.captcha.CaptchaChallenge;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Fuzz-style properties: no input, however hostile, is accepted or makes redeem throw. */
class CaptchaPayloadProperties {

  final TestClock clock = new TestClock();
  final ProofOfWorkCaptcha captcha = CaptchaFixtures.captcha(clock, 50);

  @Property(tries = 1000)
  void randomTextIsRefused(@ForAll @StringLength(max = 3000) String text) {
    assertThat(captcha.redeem(text)).isFalse();
  }

  @Property(tries = 1000)
  void randomBytesAsBase64AreRefused(@ForAll byte[] bytes) {
    assertThat(captcha.redeem(Base64.getEncoder().encodeToString(bytes))).isFalse();
  }

  @Property(tries = 500)
  void randomJsonLikeTextAsBase64IsRefused(@ForAll("jsonish") String json) {
    assertThat(
            captcha.redeem(
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))))
        .isFalse();
  }

  /** One changed character anywhere in a valid payload's JSON never yields a second acceptance. */
  @Property(tries = 300)
  void mutatedSolutionIsRefused(@ForAll("positions") int position, @ForAll("printable") char c) {
    CaptchaChallenge challenge = captcha.challenge();
    String valid = CaptchaSolver.solve(challenge);
    String json = new String(Base64.getDecoder().decode(valid), StandardCharsets.UTF_8);
    int at = position % json.length();
    String mutated = json.substring(0, at) + c + json.substring(at + 1);
    String encoded = Base64.getEncoder().encodeToString(mutated.getBytes(StandardCharsets.UTF_8));
    if (!mutated.equals(json)) {
      // A change outside the values (say, whitespace for whitespace) may still be valid JSON of
      // the same payload; then it is that payload, accepted at most once across both.
      boolean first = captcha.redeem(encoded);
      boolean second = captcha.redeem(valid);
      assertThat(first && second).isFalse();
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(80).map(s -> "\"" + s.replace("\"", "") + "\""),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of("null", "true", "false", "[]", "{}", "[1,2]", "\"SHA-256\""));
    Arbitrary<String> key =
        Arbitraries.of("algorithm", "challenge", "number", "salt", "signature", "x", "");
    return Arbitraries.entries(key, value)
        .list()
        .ofMaxSize(8)
        .map(
            entries ->
                entries.stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .reduce((a, b) -> a + "," + b)
                    .map(body -> "{" + body + "}")
                    .orElse("{}"));
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<Character> printable() {
    return Arbitraries.chars().range(' ', '~');
  }
}
