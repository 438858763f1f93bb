package dev.rekey.directory;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's connection to its LDAP or Active Directory server (issue 6, SPEC §2 authority {@code
 * directory}).
 *
 * @param urls one or more {@code ldap://host:port} or {@code ldaps://host:port}, tried in order
 *     (failover)
 * @param trustedCertificates PEM certificates (CA or server) trusted for LDAPS / StartTLS in
 *     addition to the JVM's trust store; null for the JVM's alone
 * @param bindSecret the service account's password; null when reading (never returned) or when an
 *     update keeps the stored one
 * @param userFilter extra condition every user entry matches, such as {@code
 *     (objectClass=inetOrgPerson)}
 * @param userIdAttribute the attribute holding the sign-in user ID: {@code userPrincipalName} or
 *     {@code mail} (the whole ID), or {@code uid} / {@code sAMAccountName} (the part before
 *     {@code @})
 * @param groupBaseDn where groups are searched (group mode {@code SEARCH}); null for the base DN
 * @param groupFilter extra condition for group entries in group mode {@code SEARCH}
 * @param nestedGroups whether membership of a group inside a group counts
 */
public record LdapSettings(
    Flavour flavour,
    List<String> urls,
    Security security,
    @Nullable String trustedCertificates,
    String bindDn,
    @Nullable String bindSecret,
    String baseDn,
    String userFilter,
    String userIdAttribute,
    String displayNameAttribute,
    String firstNameAttribute,
    String lastNameAttribute,
    String emailAttribute,
    GroupMode groupMode,
    @Nullable String groupBaseDn,
    String groupFilter,
    boolean nestedGroups,
    int connectTimeoutMillis,
    int responseTimeoutMillis,
    int poolSize,
    boolean enabled) {

  public LdapSettings {
    urls = List.copyOf(urls);
  }

  /** How passwords are written and states read. */
  public enum Flavour {
    /** OpenLDAP, 389 Directory Server and other RFC 3062 / ppolicy servers. */
    GENERIC,
    /** Microsoft Active Directory: unicodePwd, lockoutTime, userAccountControl, objectGUID. */
    ACTIVE_DIRECTORY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Transport protection. Passwords only travel over an encrypted connection unless NONE. */
  public enum Security {
    NONE,
    LDAPS,
    STARTTLS;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where group membership comes from. */
  public enum GroupMode {
    /** No groups: directory users belong to no Rekey group. */
    NONE,
    /** The user entry's {@code memberOf} attribute (AD, OpenLDAP memberof overlay). */
    MEMBER_OF,
    /** A search for groups whose {@code member} / {@code uniqueMember} names the user. */
    SEARCH;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether the user ID attribute holds the whole ID with its domain (else the part before @). */
  public boolean userIdHasDomain() {
    String attribute = userIdAttribute.toLowerCase(Locale.ROOT);
    return attribute.equals("userprincipalname") || attribute.equals("mail");
  }

  /** The same settings with another secret, for updates that keep the stored one. */
  public LdapSettings withBindSecret(@Nullable String secret) {
    return with(urls, secret);
  }

  /** The same settings with other servers (failover order). */
  public LdapSettings withUrls(List<String> otherUrls) {
    return with(otherUrls, bindSecret);
  }

  private LdapSettings with(List<String> newUrls, @Nullable String secret) {
    return new LdapSettings(
        flavour,
        newUrls,
        security,
        trustedCertificates,
        bindDn,
        secret,
        baseDn,
        userFilter,
        userIdAttribute,
        displayNameAttribute,
        firstNameAttribute,
        lastNameAttribute,
        emailAttribute,
        groupMode,
        groupBaseDn,
        groupFilter,
        nestedGroups,
        connectTimeoutMillis,
        responseTimeoutMillis,
        poolSize,
        enabled);
  }
}
