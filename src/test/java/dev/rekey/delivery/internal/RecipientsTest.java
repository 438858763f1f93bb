package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.delivery.DeliveryFailed;
import org.junit.jupiter.api.Test;

class RecipientsTest {

  @Test
  void maskEmailKeepsFirstLetterAndDomain() {
    assertThat(Recipients.mask("alain@contoso.com")).isEqualTo("a•••@contoso.com");
    assertThat(Recipients.mask("@contoso.com")).isEqualTo("•••@contoso.com");
  }

  @Test
  void maskPhoneKeepsCountryCodeAndLastThreeDigits() {
    assertThat(Recipients.mask("+31612345678")).isEqualTo("+31•••678").doesNotContain("12345");
  }

  @Test
  void maskShortOrOddValuesHidesEverything() {
    assertThat(Recipients.mask("+3161")).isEqualTo("•••");
    assertThat(Recipients.mask("")).isEqualTo("•••");
  }

  @Test
  void emailIsStoredInLowerCase() {
    assertThat(Recipients.email("  Alain@Contoso.COM ")).isEqualTo("alain@contoso.com");
  }

  @Test
  void emailWithoutLocalPartIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> Recipients.email("secret-name"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageNotContaining("secret-name");
    assertThatThrownBy(() -> Recipients.email("@contoso.com")).isInstanceOf(DeliveryFailed.class);
  }

  @Test
  void phoneLosesSpacesAndSeparators() {
    assertThat(Recipients.phone("+31 6 1234-5678")).isEqualTo("+31612345678");
    assertThat(Recipients.phone("+1 (425) 555.0100")).isEqualTo("+14255550100");
  }

  @Test
  void phoneThatIsNotE164IsRejected() {
    for (String bad :
        new String[] {"0612345678", "+0612345678", "+3161234567890123", "+31abc", ""}) {
      assertThatThrownBy(() -> Recipients.phone(bad)).as(bad).isInstanceOf(DeliveryFailed.class);
    }
  }
}
