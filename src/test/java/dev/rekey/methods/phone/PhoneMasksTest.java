package dev.rekey.methods.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMasksTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          +31612345678     | +31 6••••••78
          +31201234        | +31 2•••34
          +14255550100     | +1 4•••••••00
          +442079460958    | +44 2•••••••58
          +352621123456    | +352 6••••••56
          +29022123        | +290 •••••
          +3161234         | +31 •••••
          +31 612345678    | •••
          31612345678      | •••
          +21012345678     | •••
          +1234567890123456 | •••
          ''               | •••
          """)
  void showsCountryCodeFirstDigitAndLastTwo(String e164, String masked) {
    assertThat(PhoneMasks.mask(e164)).isEqualTo(masked);
  }
}
