package dev.rekey.directory.internal.ldap;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user entry as read from the directory.
 *
 * @param dn the entry's distinguished name now (it changes on rename)
 * @param stableId the entry's permanent identifier: {@code entryUUID} (generic) or {@code
 *     objectGUID} as a UUID string (Active Directory); never changes on rename
 * @param userId the value of the configured user ID attribute, as stored
 * @param disabled the directory says the account is disabled (AD {@code userAccountControl} bit 2;
 *     generic: never, unless the ppolicy lock is permanent)
 * @param locked the directory says the account is locked out (ppolicy {@code pwdAccountLockedTime},
 *     AD {@code lockoutTime} &gt; 0)
 * @param groups the names ({@code cn}) of the groups the user belongs to, nested ones included when
 *     the settings ask for them; sorted, without duplicates
 */
public record LdapUser(
    String dn,
    String stableId,
    String userId,
    String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    boolean disabled,
    boolean locked,
    List<String> groups) {

  public LdapUser {
    groups = List.copyOf(groups);
  }
}
