package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.common.UserSessions;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.SecurityInfoAdministration;
import dev.rekey.policy.SsprPolicies;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does to a user from the console, each audited. Unlock lives in {@link
 * AccountUnlock}. Refusals are {@link ApiProblem}s, which the API answers as they are and the pages
 * show as a message.
 */
@Service
class UserActions {

  private final AccountDirectory directory;
  private final SecurityInfoAdministration securityInfo;
  private final UserSessions sessions;
  private final TemporaryPasswords passwords;
  private final ApplicationEventPublisher events;
  private final SsprPolicies policies;

  UserActions(
      AccountDirectory directory,
      SecurityInfoAdministration securityInfo,
      UserSessions sessions,
      TemporaryPasswords passwords,
      ApplicationEventPublisher events,
      SsprPolicies policies) {
    this.policies = policies;
    this.directory = directory;
    this.securityInfo = securityInfo;
    this.sessions = sessions;
    this.passwords = passwords;
    this.events = events;
  }

  /** Deletes all the user's methods, so the next sign-in asks them to register again. */
  @Transactional
  List<RegisteredMethod> requireReregistration(
      SignedInUser operator, Account account, RequestOrigin origin) {
    requireAuthorityOver(operator, account);
    return securityInfo.requireReregistration(account, operator.accountId(), origin);
  }

  /** Signs the user out everywhere (ASVS 5.0 §7.4.5). */
  @Transactional
  int endSessions(SignedInUser operator, Account account, RequestOrigin origin) {
    requireAuthorityOver(operator, account);
    int ended = sessions.endAll(account.id());
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("sessionsEnded", ended);
    audit(operator, account, AuditActivity.SESSIONS_REVOKED_BY_ADMIN, origin, details);
    return ended;
  }

  /**
   * Sets a random temporary password the user must change at the next sign-in and ends their
   * sessions (ASVS 5.0 §6.4.6, §7.4.3). The password is returned once and never stored in clear,
   * logged or audited.
   */
  @Transactional
  String resetPassword(SignedInUser operator, Account account, RequestOrigin origin) {
    requireAuthorityOver(operator, account);
    boolean writable =
        account.passwordAuthority() == PasswordAuthority.REKEY
            || (account.passwordAuthority() == PasswordAuthority.DIRECTORY
                && policies.get(account.tenantId()).writebackEnabled());
    if (!writable) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "password_not_managed",
          "admin.users.problem.password_not_managed",
          new Object[0],
          Map.of());
    }
    String temporary = passwords.generate();
    directory.setPassword(account.id(), temporary, true);
    events.publishEvent(
        new PasswordChanged(
            account.tenantId(),
            account.id(),
            operator.accountId(),
            PasswordChanged.Kind.ADMIN_RESET,
            origin));
    sessions.endAll(account.id());
    return temporary;
  }

  /**
   * Replaces the user's roles. Admins only; an admin cannot drop their own admin role, so a tenant
   * is never left without the admin who was changing it. The user's sessions end so that the new
   * roles apply at once instead of at their next sign-in (ASVS 5.0 V8: authorization decisions use
   * current data).
   */
  @Transactional
  Set<Role> setRoles(
      SignedInUser operator, Account account, Set<Role> roles, RequestOrigin origin) {
    if (!operator.isAdmin()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
    boolean self = account.id().equals(operator.accountId());
    if (self && !roles.contains(Role.ADMIN)) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "own_admin_role",
          "admin.users.problem.own_admin_role",
          new Object[0],
          Map.of());
    }
    Set<Role> added = EnumSet.noneOf(Role.class);
    added.addAll(roles);
    added.removeAll(account.roles());
    Set<Role> removed = EnumSet.noneOf(Role.class);
    removed.addAll(account.roles());
    removed.removeAll(roles);
    if (added.isEmpty() && removed.isEmpty()) {
      return account.roles();
    }
    directory.setRoles(account.id(), roles);
    for (Role role : added) {
      audit(operator, account, AuditActivity.ROLE_MEMBER_ADDED, origin, roleDetails(role));
    }
    for (Role role : removed) {
      audit(operator, account, AuditActivity.ROLE_MEMBER_REMOVED, origin, roleDetails(role));
    }
    if (!self) {
      sessions.endAll(account.id());
    }
    return EnumSet.copyOf(roles);
  }

  /**
   * A helpdesk operator may not reset the password, security info or sessions of an admin: that
   * would let the helpdesk take over an admin account (ASVS 5.0 §8.2.1, least privilege; Entra's
   * Helpdesk Administrator has the same limit).
   */
  private static void requireAuthorityOver(SignedInUser operator, Account account) {
    if (account.hasRole(Role.ADMIN) && !operator.isAdmin()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
  }

  private static Map<String, @Nullable Object> roleDetails(Role role) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("role", role.code());
    return details;
  }

  private void audit(
      SignedInUser operator,
      Account account,
      AuditActivity activity,
      RequestOrigin origin,
      Map<String, @Nullable Object> details) {
    events.publishEvent(
        new Audited(
            account.tenantId(),
            operator.accountId(),
            account.id(),
            null,
            activity,
            AuditResult.SUCCEEDED,
            null,
            null,
            origin,
            null,
            details));
  }
}
