package dev.rekey.methods.internal;

import org.jspecify.annotations.Nullable;

/** The add-a-phone form: number, kind of phone, and text message or call. */
record PhoneForm(
    @Nullable String phoneNumber, @Nullable String phoneType, @Nullable String delivery) {

  static PhoneForm empty() {
    return new PhoneForm("", PhoneType.MOBILE.code(), PhoneDelivery.SMS.code());
  }
}
