package dev.rekey.directory;

import java.util.Locale;
import java.util.Optional;

/** What an account may do in Rekey. */
public enum Role {
  USER,
  HELPDESK,
  ADMIN;

  /** The lower-case name used in the database and the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security authority, {@code ROLE_ADMIN} and so on. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> fromCode(String code) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
