package dev.rekey.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A verification method an SSPR policy can offer, named as in Microsoft Graph so Entra admins feel
 * at home (SPEC §9, Appendix A).
 */
public enum AuthMethodType {
  @JsonProperty("softwareOath")
  SOFTWARE_OATH("softwareOath", true),
  @JsonProperty("mobileSms")
  MOBILE_SMS("mobileSms", true),
  @JsonProperty("mobileVoice")
  MOBILE_VOICE("mobileVoice", true),
  @JsonProperty("officeVoice")
  OFFICE_VOICE("officeVoice", true),
  @JsonProperty("fido2")
  FIDO2("fido2", true),
  @JsonProperty("email")
  EMAIL("email", false),
  @JsonProperty("securityQuestions")
  SECURITY_QUESTIONS("securityQuestions", false);

  private final String code;
  private final boolean strong;

  AuthMethodType(String code, boolean strong) {
    this.code = code;
    this.strong = strong;
  }

  /** The camelCase name used in the API and the database. */
  public String code() {
    return code;
  }

  /**
   * Whether the method proves possession of a device (app, phone, security key). Alternate email
   * and security questions only ever count as a second method (SPEC §3, stricter than the seed).
   */
  public boolean isStrong() {
    return strong;
  }

  public static Optional<AuthMethodType> fromCode(String code) {
    for (AuthMethodType value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
