package dev.rekey.directory;

import java.util.Locale;
import java.util.Optional;

/** Who owns an account's password (SPEC §2). */
public enum PasswordAuthority {
  /** Rekey owns it: the embedded directory keeps an Argon2id hash. */
  REKEY,
  /** An LDAP or Active Directory server owns it; Rekey writes it back. */
  DIRECTORY,
  /** Managed where Rekey cannot write (federated, no writeback): seed error 1. */
  EXTERNAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PasswordAuthority> fromCode(String code) {
    for (PasswordAuthority authority : values()) {
      if (authority.code().equals(code)) {
        return Optional.of(authority);
      }
    }
    return Optional.empty();
  }
}
