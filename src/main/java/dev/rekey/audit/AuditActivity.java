package dev.rekey.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened, by Microsoft Entra's audit activity names (SPEC §8), so admins find what they
 * know. The English name is stored and is the stable value in the API, the CSV and filters.
 */
public enum AuditActivity {
  RESET_PASSWORD_SELF_SERVICE("Reset password (self-service)"),
  UNLOCK_SELF_SERVICE("Unlock user account (self-service)"),
  BLOCKED_FROM_SSPR("Blocked from self-service password reset"),
  SSPR_FLOW_PROGRESS("Self-service password reset flow activity progress"),
  CHANGE_PASSWORD_SELF_SERVICE("Change password (self-service)"),
  RESET_PASSWORD_BY_ADMIN("Reset password (by admin)"),
  UNLOCK_BY_ADMIN("Unlock user account (by admin)"),
  SECURITY_INFO_REGISTERED("User registered security info"),
  SECURITY_INFO_ALL_REGISTERED("User registered all required security info"),
  SECURITY_INFO_DELETED("User deleted security info"),
  SECURITY_INFO_DEFAULT_CHANGED("User changed default security info"),
  SECURITY_INFO_REVIEWED("User reviewed security info"),
  SECURITY_INFO_DELETED_BY_ADMIN("Admin deleted security info"),
  SESSIONS_REVOKED_BY_ADMIN("Revoke user sessions (by admin)"),
  ROLE_MEMBER_ADDED("Add member to role"),
  ROLE_MEMBER_REMOVED("Remove member from role"),
  SSPR_POLICY_CHANGED("Self-service password reset policy changes"),
  DIRECTORY_CONNECTION_CHANGED("Directory connection changes"),
  DIRECTORY_SYNCHRONISED("Synchronise directory"),
  CONTACTED_ADMIN("Contacted admin"),
  HELPDESK_REQUEST_HANDLED("Helpdesk request handled"),
  ADD_USER("Add user"),
  ADD_GROUP("Add group"),
  ADD_MEMBER_TO_GROUP("Add member to group"),
  REMOVE_MEMBER_FROM_GROUP("Remove member from group"),
  BULK_CREATE_USERS("Bulk create users"),
  SIGNED_IN("User signed in"),
  SIGN_IN_FAILED("User sign-in failed"),
  SIGNED_OUT("User signed out");

  private final String entraName;

  AuditActivity(String entraName) {
    this.entraName = entraName;
  }

  /** The English (Entra) name, as stored. */
  public String entraName() {
    return entraName;
  }

  /** The message key of the localised name. */
  public String messageKey() {
    return "audit.activity." + name().toLowerCase(Locale.ROOT);
  }

  /** The activity with this Entra name or constant name, ignoring case. */
  public static Optional<AuditActivity> fromName(String name) {
    String wanted = name.strip();
    for (AuditActivity activity : values()) {
      if (activity.entraName.equalsIgnoreCase(wanted) || activity.name().equalsIgnoreCase(wanted)) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }
}
