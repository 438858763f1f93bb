package dev.rekey.methods.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kind of phone (Microsoft Graph's {@code phoneType}): one of each, so at most two mobiles
 * (mobile and alternate mobile) and one office phone (SPEC §4).
 */
enum PhoneType {
  MOBILE("mobile"),
  ALTERNATE_MOBILE("alternateMobile"),
  OFFICE("office");

  private final String code;

  PhoneType(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  boolean isMobile() {
    return this != OFFICE;
  }

  static Optional<PhoneType> fromCode(@Nullable String code) {
    for (PhoneType type : values()) {
      if (type.code.equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
