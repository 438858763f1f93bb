package dev.rekey.methods.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "megan@fabrikam.example",
        "Megan.Bowen+rekey@Fabrikam.Example",
        "o'brien@example.co.uk",
        "a@b.io",
        "x_y-z!#$%&*/=?^`{|}~@sub-domain.example.org",
        "user@xn--bcher-kva.example",
        "  padded@fabrikam.example  "
      })
  void parseWhenPragmaticAddressThenAccepted(String text) {
    assertThat(EmailAddress.parse(text).address()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@fabrikam.example",
        "megan@",
        "megan@@fabrikam.example",
        "me gan@fabrikam.example",
        "megan@fabrikam",
        "megan@fabrikam.example.",
        ".megan@fabrikam.example",
        "megan.@fabrikam.example",
        "me..gan@fabrikam.example",
        "megan@fabrikam..example",
        "megan@-fabrikam.example",
        "megan@fabrikam-.example",
        "megan@fabrikam.123",
        "megan@[192.0.2.1]",
        "\"megan\"@fabrikam.example",
        "megan(comment)@fabrikam.example",
        "mégan@fabrikam.example",
        "megan@fabrikam.example\nBcc: x@evil.example",
        "Megan <megan@fabrikam.example>"
      })
  void parseWhenMalformedThenInvalid(String text) {
    var parsed = EmailAddress.parse(text);
    assertThat(parsed.address()).isEmpty();
    assertThat(parsed.problem()).contains(EmailAddress.Problem.INVALID);
  }

  @Test
  void parseWhenBlankThenMissing() {
    assertThat(EmailAddress.parse("  ").problem()).contains(EmailAddress.Problem.MISSING);
  }

  @Test
  void parseWhenLongerThan254ThenTooLongAndLocalPartAtMost64() {
    String label = "a".repeat(60);
    String domain = String.join(".", label, label, label, label) + ".example";
    assertThat(EmailAddress.parse("a".repeat(10) + "@" + domain).problem())
        .contains(EmailAddress.Problem.TOO_LONG);
    assertThat(EmailAddress.parse("m@" + domain).address()).isPresent();
    assertThat(EmailAddress.parse("a".repeat(64) + "@fabrikam.example").address()).isPresent();
    assertThat(EmailAddress.parse("a".repeat(65) + "@fabrikam.example").problem())
        .contains(EmailAddress.Problem.INVALID);
  }

  @Test
  void domainIsLowerCasedAndLocalPartKept() {
    EmailAddress address = EmailAddress.parse("Megan.B@FABRIKAM.Example").address().orElseThrow();
    assertThat(address.value()).isEqualTo("Megan.B@fabrikam.example");
    assertThat(address.domain()).isEqualTo("fabrikam.example");
  }

  @Test
  void maskShowsFirstLetterAndDomainOnly() {
    EmailAddress address = EmailAddress.parse("megan@fabrikam.example").address().orElseThrow();
    assertThat(address.masked()).isEqualTo("m•••@fabrikam.example");
    assertThat(address.toString()).isEqualTo("m•••@fabrikam.example").doesNotContain("megan");
  }

  @Test
  void maskOfAVeryLongDomainFitsTheHintColumn() {
    String label = "b".repeat(60);
    String domain = String.join(".", label, label, label) + ".example";
    EmailAddress address = EmailAddress.parse("m@" + domain).address().orElseThrow();
    assertThat(address.masked())
        .hasSizeLessThanOrEqualTo(128)
        .startsWith("m•••@…")
        .endsWith(".example");
  }

  @Test
  void inDomainOfMatchesTheDomainAndItsSubdomainsOnly() {
    List<String> own = List.of("contoso.com", "Contoso.NL");
    assertThat(parse("x@contoso.com").inDomainOf(own)).contains("contoso.com");
    assertThat(parse("x@CONTOSO.com").inDomainOf(own)).contains("contoso.com");
    assertThat(parse("x@sub.contoso.com").inDomainOf(own)).contains("contoso.com");
    assertThat(parse("x@deep.sub.contoso.nl").inDomainOf(own)).contains("contoso.nl");
    assertThat(parse("x@notcontoso.com").inDomainOf(own)).isEmpty();
    assertThat(parse("x@contoso.com.evil.example").inDomainOf(own)).isEmpty();
  }

  private static EmailAddress parse(String text) {
    return EmailAddress.parse(text).address().orElseThrow();
  }
}
