package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import dev.rekey.directory.DirectoryPasswordRefused;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns a directory's password policy answer into {@link DirectoryPasswordRefused} reasons. */
final class PasswordRefusals {

  private PasswordRefusals() {}

  /** The reason for a ppolicy response control error (draft-behera-ldap-password-policy §6.2). */
  static List<String> fromPolicyError(DraftBeheraLDAPPasswordPolicy10ErrorType error) {
    return List.of(
        switch (error) {
          case PASSWORD_TOO_SHORT -> DirectoryPasswordRefused.TOO_SHORT;
          case PASSWORD_IN_HISTORY -> DirectoryPasswordRefused.IN_HISTORY;
          case PASSWORD_TOO_YOUNG -> DirectoryPasswordRefused.TOO_YOUNG;
          case INSUFFICIENT_PASSWORD_QUALITY -> DirectoryPasswordRefused.QUALITY;
          case PASSWORD_MOD_NOT_ALLOWED, MUST_SUPPLY_OLD_PASSWORD ->
              DirectoryPasswordRefused.NOT_ALLOWED;
          case ACCOUNT_LOCKED -> DirectoryPasswordRefused.LOCKED;
          default -> DirectoryPasswordRefused.OTHER;
        });
  }

  /**
   * Reasons read from a diagnostic message, for servers that refuse without the response control
   * (OpenLDAP's ppolicy texts, Samba's check_password_restrictions). Empty when no words match.
   */
  static List<String> fromText(@Nullable String diagnostic) {
    if (diagnostic == null) {
      return List.of();
    }
    String text = diagnostic.toLowerCase(Locale.ROOT);
    Set<String> reasons = new LinkedHashSet<>();
    if (text.contains("too short") || text.contains("length")) {
      reasons.add(DirectoryPasswordRefused.TOO_SHORT);
    }
    if (text.contains("history") || text.contains("already used")) {
      reasons.add(DirectoryPasswordRefused.IN_HISTORY);
    }
    if (text.contains("too young") || text.contains("minimum password age")) {
      reasons.add(DirectoryPasswordRefused.TOO_YOUNG);
    }
    if (text.contains("quality") || text.contains("complexity")) {
      reasons.add(DirectoryPasswordRefused.QUALITY);
    }
    if (text.contains("not allowed") || text.contains("must supply old password")) {
      reasons.add(DirectoryPasswordRefused.NOT_ALLOWED);
    }
    if (text.contains("locked")) {
      reasons.add(DirectoryPasswordRefused.LOCKED);
    }
    return List.copyOf(reasons);
  }
}
