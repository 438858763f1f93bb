package dev.rekey.methods.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How a phone method receives its codes: by text message or by a call that reads it out. */
enum PhoneDelivery {
  SMS("sms"),
  VOICE("voice");

  private static final Pattern IN_DATA = Pattern.compile("\"delivery\"\\s*:\\s*\"(sms|voice)\"");

  private final String code;

  PhoneDelivery(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static Optional<PhoneDelivery> fromCode(@Nullable String code) {
    for (PhoneDelivery delivery : values()) {
      if (delivery.code.equals(code)) {
        return Optional.of(delivery);
      }
    }
    return Optional.empty();
  }

  /** The {@code data} JSON of an {@code auth_method} row that remembers this preference. */
  String toData() {
    return "{\"delivery\":\"" + code + "\"}";
  }

  /** The preference stored in a row's {@code data}; a text message when none is stored. */
  static PhoneDelivery fromData(@Nullable String data) {
    if (data == null) {
      return SMS;
    }
    Matcher matcher = IN_DATA.matcher(data);
    return matcher.find() ? fromCode(matcher.group(1)).orElse(SMS) : SMS;
  }
}
