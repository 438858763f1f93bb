package dev.rekey.methods;

import java.util.Optional;

/** The kinds of security info, named as Microsoft Graph names authentication methods. */
public enum MethodType {
  SOFTWARE_OATH("softwareOath", true),
  PHONE("phone", true),
  EMAIL("email", false),
  FIDO2("fido2", true),
  SECURITY_QUESTIONS("securityQuestions", false);

  private final String code;
  private final boolean strong;

  MethodType(String code, boolean strong) {
    this.code = code;
    this.strong = strong;
  }

  /** The API and database name. */
  public String code() {
    return code;
  }

  /**
   * App, phone and security key are strong; alternate email and questions count only as a second
   * method (SPEC §3, stricter than the seed).
   */
  public boolean strong() {
    return strong;
  }

  public static Optional<MethodType> fromCode(String code) {
    for (MethodType type : values()) {
      if (type.code.equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
