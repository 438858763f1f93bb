package dev.rekey.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/** Who may use self-service password reset in a tenant (SPEC §3). */
public enum EnabledFor {
  @JsonProperty("none")
  NONE,
  /** The members of one group, nested groups included. */
  @JsonProperty("selected")
  SELECTED,
  @JsonProperty("all")
  ALL;

  /** The lower-case name used in the API and the database. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EnabledFor> fromCode(String code) {
    for (EnabledFor value : values()) {
      if (value.code().equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
