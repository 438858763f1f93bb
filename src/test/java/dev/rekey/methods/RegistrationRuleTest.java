package dev.rekey.methods;

import static dev.rekey.methods.MethodType.EMAIL;
import static dev.rekey.methods.MethodType.FIDO2;
import static dev.rekey.methods.MethodType.PHONE;
import static dev.rekey.methods.MethodType.SECURITY_QUESTIONS;
import static dev.rekey.methods.MethodType.SOFTWARE_OATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationRuleTest {

  @Test
  void enoughDifferentCountedKindsWithAStrongOne() {
    RegistrationRule two =
        new RegistrationRule(Set.of(SOFTWARE_OATH, EMAIL, SECURITY_QUESTIONS), 2);
    assertThat(two.isMetBy(Set.of(SOFTWARE_OATH, EMAIL))).isTrue();
    assertThat(two.isMetBy(Set.of(EMAIL, SECURITY_QUESTIONS))).as("no strong method").isFalse();
    assertThat(two.isMetBy(Set.of(SOFTWARE_OATH))).as("one kind").isFalse();
    assertThat(two.isMetBy(Set.of(SOFTWARE_OATH, PHONE))).as("phone not offered").isFalse();
    assertThat(two.strongTypes()).containsExactly(SOFTWARE_OATH);
  }

  @Test
  void oneStrongMethodIsEnoughWhenOneIsRequired() {
    RegistrationRule one = new RegistrationRule(Set.of(SOFTWARE_OATH, FIDO2, EMAIL), 1);
    assertThat(one.isMetBy(Set.of(FIDO2))).isTrue();
    assertThat(one.isMetBy(Set.of(EMAIL))).isFalse();
    assertThat(one.isMetBy(Set.of())).isFalse();
  }

  @Test
  void aPolicyWithoutStrongMethodsRegistersNobody() {
    RegistrationRule weak = new RegistrationRule(Set.of(EMAIL, SECURITY_QUESTIONS), 1);
    assertThat(weak.strongTypes()).isEmpty();
    assertThat(weak.isMetBy(Set.of(EMAIL, SECURITY_QUESTIONS))).isFalse();
  }
}
