package dev.rekey.methods.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.rekey.methods.phone.PhoneNumberRejected.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" (default {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          +31612345678               | -  | +31612345678
          +31 6 12345678             | -  | +31612345678
          +31 (0)6-1234 5678         | -  | +31612345678
          +31 ( 0 ) 6 12345678       | -  | +31612345678
          0031 612345678             | -  | +31612345678
          0031 (0)6 12345678         | -  | +31612345678
          +1 (425) 555-0100          | -  | +14255550100
          +1.425.555.0100            | -  | +14255550100
          +1 425 555 0100 x123       | -  | +14255550100
          +1 425 555 0100 ext. 123   | -  | +14255550100
          +1 425 555 0100 ext123     | -  | +14255550100
          +1 425 555 0100;ext=123    | -  | +14255550100
          +1 425 555 0100 #123       | -  | +14255550100
          +1 425 555 0100 EXT 9      | -  | +14255550100
          '  +44 20 7946 0958  '     | -  | +442079460958
          +49 30 / 1234567           | -  | +49301234567
          06 12345678                | 31 | +31612345678
          06-12345678                | +31| +31612345678
          (425) 555-0100             | 1  | +14255550100
          1 425 555 0100             | 1  | +14255550100
          06 1234 5678               | 39 | +390612345678
          +39 06 1234 5678           | -  | +390612345678
          +7 912 345 67 89           | -  | +79123456789
          +211 912 345 678           | -  | +211912345678
          +290 22 123                | -  | +29022123
          +998 90 123 45 67          | -  | +998901234567
          +123456789012345           | -  | +123456789012345
          """)
  void acceptsWhatPeopleType(String input, String defaultCode, String e164) {
    assertThat(PhoneNumbers.parse(input, defaultCode).e164()).isEqualTo(e164);
  }

  @Test
  void acceptsNoBreakSpacesAndSplitsTheCountryCode() {
    PhoneNumber number = PhoneNumbers.parse("+31\u00A06\u202F1234\u00A05678", null);
    assertThat(number)
        .isEqualTo(new PhoneNumber("+31612345678", "31", "612345678"))
        .hasToString("PhoneNumber[+31 6••••••78]");
    assertThat(PhoneNumbers.parse("+352 621 123 456", null).countryCallingCode()).isEqualTo("352");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" (default {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          ''                          | -  | EMPTY
          '   '                       | 31 | EMPTY
          '\u00A0'                    | -  | EMPTY
          +31 6 1234 567a             | -  | INVALID_CHARACTERS
          call me: +31612345678       | -  | INVALID_CHARACTERS
          ++31612345678               | -  | INVALID_CHARACTERS
          +31+612345678               | -  | INVALID_CHARACTERS
          31+612345678                | 31 | INVALID_CHARACTERS
          +31 612345678 x             | -  | INVALID_CHARACTERS
          x123                        | -  | INVALID_CHARACTERS
          +３１６１２３４５６７８       | -  | INVALID_CHARACTERS
          +31 6 12345678 ext. 12345678901 | - | INVALID_CHARACTERS
          +3161234                    | -  | TOO_SHORT
          +                           | -  | TOO_SHORT
          0612                        | 31 | TOO_SHORT
          +1234567890123456           | -  | TOO_LONG
          0031 6123456789012345       | -  | TOO_LONG
          0612345678                  | -  | NO_COUNTRY_CODE
          (425) 555-0100              | -  | NO_COUNTRY_CODE
          +210 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +259 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +280 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +388 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +800 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +979 12345678               | -  | UNKNOWN_COUNTRY_CODE
          +0 612345678                | -  | UNKNOWN_COUNTRY_CODE
          +00 31612345678             | -  | UNKNOWN_COUNTRY_CODE
          0000 31612345678            | -  | UNKNOWN_COUNTRY_CODE
          """)
  void rejectsWithAReason(String input, String defaultCode, Reason reason) {
    assertThatThrownBy(() -> PhoneNumbers.parse(input == null ? "" : input, defaultCode))
        .isInstanceOfSatisfying(
            PhoneNumberRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageNotContaining("612345678");
  }

  @Test
  void reasonCodesAreStable() {
    assertThat(Reason.values())
        .extracting(Reason::code)
        .containsExactly(
            "empty",
            "invalid_characters",
            "too_short",
            "too_long",
            "no_country_code",
            "unknown_country_code");
  }

  @Test
  void unassignedDefaultCountryCodeIsAProgrammingError() {
    assertThatThrownBy(() -> PhoneNumbers.parse("0612345678", "210"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomInputOnlyEverYieldsANumberOrATypedRejection() {
    Random random = new Random(20261129L);
    String alphabet = "0123456789 +-.()#;=xXet/\u00A0\u202F";
    int accepted = 0;
    for (int i = 0; i < 5_000; i++) {
      String input = randomString(random, alphabet);
      String defaultCode = random.nextBoolean() ? null : "31";
      try {
        PhoneNumber number = PhoneNumbers.parse(input, defaultCode);
        assertThat(number.e164()).matches("\\+[1-9][0-9]{7,14}");
        assertThat(number.e164())
            .isEqualTo("+" + number.countryCallingCode() + number.nationalNumber());
        accepted++;
      } catch (PhoneNumberRejected expected) {
        assertThat(expected.reason()).isNotNull();
      } catch (RuntimeException e) {
        fail("\"" + input + "\" threw " + e, e);
      }
    }
    // The alphabet is phone-like on purpose: some inputs must get through.
    assertThat(accepted).isPositive();
  }

  /** A third printable ASCII, a third any Unicode, a third phone-like with some noise. */
  private static String randomString(Random random, String alphabet) {
    int length = random.nextInt(30);
    int profile = random.nextInt(3);
    StringBuilder text = new StringBuilder(profile == 2 && random.nextBoolean() ? "+" : "");
    for (int i = 0; i < length; i++) {
      switch (profile) {
        case 0 -> text.append((char) (' ' + random.nextInt(95)));
        case 1 -> text.appendCodePoint(randomCodePoint(random));
        default ->
            text.append(
                random.nextInt(5) > 0
                    ? (char) ('0' + random.nextInt(10))
                    : alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return text.toString();
  }

  private static int randomCodePoint(Random random) {
    int codePoint;
    do {
      codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
    } while (Character.getType(codePoint) == Character.SURROGATE && random.nextInt(10) > 0);
    return codePoint; // now and then a lone surrogate, as broken clients send
  }
}
