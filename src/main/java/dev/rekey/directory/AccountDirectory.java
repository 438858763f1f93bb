package dev.rekey.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The accounts of all tenants and their passwords. */
public interface AccountDirectory {

  Optional<Account> findById(UUID id);

  /** The account with this user ID (UPN), compared case-insensitively. */
  Optional<Account> findByUserId(String userId);

  /**
   * The account with this user ID, asking the tenant's LDAP / Active Directory server when it has
   * one: the directory's answer creates or refreshes Rekey's record of the user (names, state,
   * groups, a rename), and a user gone from the directory is not found. Local accounts of such a
   * tenant (authority {@code rekey}) are found as usual.
   *
   * @throws DirectoryUnavailable when the tenant's directory does not answer
   */
  Optional<Account> resolve(String userId);

  /** Accounts of a tenant holding a role, for notifications. */
  List<Account> findByRole(UUID tenantId, Role role);

  /**
   * Creates an account.
   *
   * @param initialPassword the first password of a {@code rekey} account, or null for none
   * @param mustChangePassword whether the user must choose a new password at the next sign-in
   * @throws AccountRejected when the UPN is taken, malformed or outside the tenant's domains
   */
  Account create(NewAccount account, String initialPassword, boolean mustChangePassword);

  /**
   * Checks a password. Unknown accounts, accounts without a local password and wrong passwords all
   * answer empty, and take the same time: an unknown user still costs one Argon2id hash. Users of a
   * tenant with a directory connection are checked by an LDAP bind (RFC 4513 §5.1.3).
   *
   * @throws DirectoryUnavailable when the user's directory does not answer
   */
  Optional<Account> authenticate(String userId, String password);

  /** Whether {@code password} is the current or one of the last N passwords of a rekey account. */
  boolean isRecentPassword(UUID accountId, String password);

  /**
   * Sets a new password for a {@code rekey} account and records it in the history.
   *
   * @param mustChange whether the user must change it at next sign-in (temporary passwords)
   *     <p>For a {@code directory} account the password is written to the directory first and
   *     Rekey's records (history, date) only after the directory accepted it.
   * @throws AccountRejected when the account is unknown or its password is managed elsewhere
   * @throws DirectoryPasswordRefused when the directory's own policy refuses the password
   * @throws DirectoryUnavailable when the directory does not answer; nothing changed
   */
  void setPassword(UUID accountId, String newPassword, boolean mustChange);

  /** Remembers the language the user last used, for email sent later. */
  void setPreferredLanguage(UUID accountId, String language);

  /**
   * Locks or unlocks the account in Rekey; unlocking a {@code directory} account also lifts the
   * directory's lockout first.
   *
   * @throws DirectoryUnavailable when the directory does not answer; nothing changed
   */
  void setLocked(UUID accountId, boolean locked);

  void setEnabled(UUID accountId, boolean enabled);

  /**
   * Replaces the account's roles. Who may change roles is the caller's decision (only admins, SPEC
   * §1); the directory only stores them.
   *
   * @param roles at least one role
   * @throws AccountRejected when the set is empty or the account is unknown
   */
  void setRoles(UUID accountId, Set<Role> roles);
}
