package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.methods.phone.PhoneNumber;
import dev.rekey.methods.phone.PhoneNumberRejected;
import dev.rekey.methods.phone.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/** A phone someone wants to add: the number, what kind of phone it is, and how codes arrive. */
record PhoneChoice(PhoneNumber number, PhoneType type, PhoneDelivery delivery) {

  /**
   * Reads what a form or API request sent.
   *
   * @throws ApiProblem 400 {@code invalid_request} naming {@code phoneNumber}, {@code phoneType} or
   *     {@code delivery}, with a message that says what is wrong
   */
  static PhoneChoice parse(
      @Nullable String phoneNumber, @Nullable String phoneType, @Nullable String delivery) {
    if (phoneNumber == null || phoneNumber.isBlank()) {
      throw ApiProblem.invalidField("phoneNumber", "methods.phone.number.empty");
    }
    PhoneNumber number;
    try {
      // No default country: the number must start with + or 00 (SPEC §4, E.164 input).
      number = PhoneNumbers.parse(phoneNumber, null);
    } catch (PhoneNumberRejected e) {
      throw ApiProblem.invalidField("phoneNumber", "methods.phone.number." + e.reason().code());
    }
    PhoneType type =
        PhoneType.fromCode(phoneType)
            .orElseThrow(() -> ApiProblem.invalidField("phoneType", "methods.phone.type.required"));
    PhoneDelivery how =
        PhoneDelivery.fromCode(delivery)
            .orElseThrow(
                () -> ApiProblem.invalidField("delivery", "methods.phone.delivery.required"));
    if (type == PhoneType.OFFICE && how == PhoneDelivery.SMS) {
      // An office line cannot receive text messages (SPEC §4: office phones are called).
      throw ApiProblem.invalidField("delivery", "methods.phone.delivery.officeVoiceOnly");
    }
    return new PhoneChoice(number, type, how);
  }
}
