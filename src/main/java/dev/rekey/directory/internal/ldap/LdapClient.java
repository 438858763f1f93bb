package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One tenant's directory, reached through a pooled connection with failover. Every method throws
 * {@link DirectoryUnavailable} when no server answers within the timeouts; nothing is then changed.
 */
public interface LdapClient extends AutoCloseable {

  LdapSettings settings();

  /**
   * The user whose user ID attribute equals {@code userIdValue} (already reduced to the part before
   * {@code @} when the attribute holds no domain), within the base DN and the user filter.
   */
  Optional<LdapUser> findUser(String userIdValue);

  /** The user with this stable identifier (see {@link LdapUser#stableId()}), wherever it moved. */
  Optional<LdapUser> findByStableId(String stableId);

  /** Binds as the user on a separate connection (never the pool's service bind). */
  BindOutcome bind(String dn, String password);

  /**
   * Sets a new password as the service account: RFC 3062 Password Modify with the ppolicy request
   * control (generic), or a replace of {@code unicodePwd} (Active Directory).
   *
   * @throws DirectoryPasswordRefused with the server's reasons when its policy says no
   */
  void setPassword(String dn, String newPassword);

  /**
   * Lifts a lockout: deletes {@code pwdAccountLockedTime} (generic) or sets {@code lockoutTime=0}
   * (Active Directory). Succeeds when the account was not locked.
   */
  void unlock(String dn);

  /** Every user within the base DN and the user filter, read with paged results (RFC 2696). */
  void forEachUser(Consumer<LdapUser> action);

  /** Releases the pooled connections. */
  @Override
  void close();
}
