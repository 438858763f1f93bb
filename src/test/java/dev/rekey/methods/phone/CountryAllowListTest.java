package dev.rekey.methods.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CountryAllowListTest {

  private static final PhoneNumber DUTCH = PhoneNumbers.parse("+31612345678", null);
  private static final PhoneNumber BELGIAN = PhoneNumbers.parse("+32470123456", null);
  private static final PhoneNumber LATVIAN = PhoneNumbers.parse("+37120123456", null);

  @Test
  void emptyListAllowsEveryCountry() {
    assertThat(new CountryAllowList(Set.of()).allows(LATVIAN)).isTrue();
    assertThat(CountryAllowList.all().allows(DUTCH)).isTrue();
  }

  @Test
  void listAllowsOnlyItsCountries() {
    CountryAllowList benelux = new CountryAllowList(Set.of("31", "+32", " 352 "));
    assertThat(benelux.allows(DUTCH)).isTrue();
    assertThat(benelux.allows(BELGIAN)).isTrue();
    assertThat(benelux.allows(LATVIAN)).isFalse();
    assertThat(benelux.countryCallingCodes()).containsExactlyInAnyOrder("31", "32", "352");
  }

  @Test
  void codeIsMatchedWholeNotAsAPrefix() {
    // A naive startsWith("+37") would let Latvia (371) in with Lithuania (370).
    assertThat(new CountryAllowList(Set.of("370")).allows(LATVIAN)).isFalse();
  }

  @Test
  void unassignedCodeFailsAtConfiguration() {
    assertThatThrownBy(() -> new CountryAllowList(Set.of("31", "259")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("259");
    assertThatThrownBy(() -> new CountryAllowList(Set.of("37")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
