package dev.rekey.directory;

import java.util.List;

/**
 * The directory server refused a new password by its own policy (OpenLDAP ppolicy, Active
 * Directory's password restrictions). Nothing was changed.
 *
 * <p>Each reason is a stable code; the {@code password} bundle words it as {@code
 * password.reason.directory_<code>}: {@code too_short}, {@code in_history}, {@code too_young},
 * {@code quality} (too simple / complexity), {@code not_allowed} (the server does not let this
 * account's password be changed), {@code locked}, {@code other}.
 */
public class DirectoryPasswordRefused extends RuntimeException {

  public static final String TOO_SHORT = "too_short";
  public static final String IN_HISTORY = "in_history";
  public static final String TOO_YOUNG = "too_young";
  public static final String QUALITY = "quality";
  public static final String NOT_ALLOWED = "not_allowed";
  public static final String LOCKED = "locked";
  public static final String OTHER = "other";

  private final List<String> reasons;

  public DirectoryPasswordRefused(List<String> reasons, String message) {
    super(message);
    this.reasons = List.copyOf(reasons.isEmpty() ? List.of(OTHER) : reasons);
  }

  /** At least one reason code. */
  public List<String> reasons() {
    return reasons;
  }
}
