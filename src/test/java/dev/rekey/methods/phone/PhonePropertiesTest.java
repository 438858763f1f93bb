package dev.rekey.methods.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PhonePropertiesTest {

  @Test
  void anEmptyAllowListAllowsEveryCountry() {
    PhoneProperties properties = new PhoneProperties(List.of(" "), 100, 1000, 5);
    assertThat(properties.allowedCountries()).isEmpty();
    assertThat(properties.allowList().allows(PhoneNumbers.parse("+1 425 555 0100", null))).isTrue();
  }

  @Test
  void theAllowListTakesCodesWithOrWithoutPlus() {
    CountryAllowList list = new PhoneProperties(List.of("31", "+32"), 100, 1000, 5).allowList();
    assertThat(list.allows(PhoneNumbers.parse("+32 470 12 34 56", null))).isTrue();
    assertThat(list.allows(PhoneNumbers.parse("+31 6 12345678", null))).isTrue();
    assertThat(list.allows(PhoneNumbers.parse("+1 425 555 0100", null))).isFalse();
  }

  @Test
  void anUnassignedCodeStopsTheStart() {
    assertThatThrownBy(() -> new PhoneProperties(List.of("999"), 100, 1000, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws Exception {
    assertThat(keys("i18n/methods-phone_nl.properties"))
        .isEqualTo(keys("i18n/methods-phone.properties"))
        .contains("problem.sms_budget_exceeded", "methods.add.phone");
  }

  private static java.util.Set<Object> keys(String resource) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        PhonePropertiesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(in);
    }
    return properties.keySet();
  }
}
