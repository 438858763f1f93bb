package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import dev.rekey.directory.LdapSettings.GroupMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How user entries are searched for and read, per flavour and attribute mapping. */
final class UserEntries {

  static final String ENTRY_UUID = "entryUUID";
  static final String OBJECT_GUID = "objectGUID";
  static final String MEMBER_OF = "memberOf";
  static final String PWD_ACCOUNT_LOCKED_TIME = "pwdAccountLockedTime";
  static final String USER_ACCOUNT_CONTROL = "userAccountControl";
  static final String LOCKOUT_TIME = "lockoutTime";

  /** ppolicy's value for a lock only an administrator lifts (draft-behera §5.3.3). */
  private static final String PERMANENT_LOCK = "000001010000Z";

  private final LdapSettings settings;
  private final Filter userFilter;

  /**
   * @throws LDAPException when the configured user filter is not a valid filter
   */
  UserEntries(LdapSettings settings) throws LDAPException {
    this.settings = settings;
    this.userFilter = parseOrAll(settings.userFilter());
  }

  /** A blank filter setting matches every entry. */
  static Filter parseOrAll(@Nullable String filter) throws LDAPException {
    return filter == null || filter.isBlank()
        ? Filter.createPresenceFilter("objectClass")
        : Filter.create(filter.trim());
  }

  Filter all() {
    return userFilter;
  }

  /**
   * The user filter AND the user ID equal to the value. The value is encoded as an assertion value
   * (RFC 4515 §3), so {@code *}, {@code (} and {@code )} in it are literal, never filter syntax.
   */
  Filter byUserId(String value) {
    return Filter.createANDFilter(
        userFilter, Filter.createEqualityFilter(settings.userIdAttribute(), value));
  }

  /**
   * The user filter AND the stable identifier.
   *
   * @return empty when the identifier cannot be one (not a UUID)
   */
  Optional<Filter> byStableId(String stableId) {
    try {
      Filter id =
          isActiveDirectory()
              ? Filter.createEqualityFilter(OBJECT_GUID, ActiveDirectory.uuidToGuidBytes(stableId))
              : Filter.createEqualityFilter(
                  ENTRY_UUID, java.util.UUID.fromString(stableId).toString());
      return Optional.of(Filter.createANDFilter(userFilter, id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The attributes to read; operational ones are named, since {@code *} does not return them. */
  String[] attributes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(settings.userIdAttribute());
    names.add(settings.displayNameAttribute());
    names.add(settings.firstNameAttribute());
    names.add(settings.lastNameAttribute());
    names.add(settings.emailAttribute());
    if (settings.groupMode() == GroupMode.MEMBER_OF) {
      names.add(MEMBER_OF);
    }
    if (isActiveDirectory()) {
      names.add(OBJECT_GUID);
      names.add(USER_ACCOUNT_CONTROL);
      names.add(LOCKOUT_TIME);
    } else {
      names.add(ENTRY_UUID);
      names.add(PWD_ACCOUNT_LOCKED_TIME);
    }
    names.removeIf(name -> name == null || name.isBlank());
    return names.toArray(String[]::new);
  }

  /**
   * The user of an entry.
   *
   * @return empty when the entry lacks a stable identifier or a user ID (then it cannot be keyed)
   */
  Optional<LdapUser> toUser(Entry entry, List<String> groups) {
    String stableId = stableId(entry);
    String userId = entry.getAttributeValue(settings.userIdAttribute());
    if (stableId == null || userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    String first = blankToNull(entry.getAttributeValue(settings.firstNameAttribute()));
    String last = blankToNull(entry.getAttributeValue(settings.lastNameAttribute()));
    String display = blankToNull(entry.getAttributeValue(settings.displayNameAttribute()));
    if (display == null) {
      String joined = String.join(" ", nonNull(first, last)).trim();
      display = joined.isEmpty() ? userId : joined;
    }
    boolean disabled;
    boolean locked;
    if (isActiveDirectory()) {
      disabled = ActiveDirectory.isDisabled(entry.getAttributeValue(USER_ACCOUNT_CONTROL));
      locked = ActiveDirectory.isLockedOut(entry.getAttributeValue(LOCKOUT_TIME));
    } else {
      String lockedTime = entry.getAttributeValue(PWD_ACCOUNT_LOCKED_TIME);
      locked = lockedTime != null;
      disabled = PERMANENT_LOCK.equals(lockedTime);
    }
    return Optional.of(
        new LdapUser(
            entry.getDN(),
            stableId,
            userId,
            display,
            first,
            last,
            blankToNull(entry.getAttributeValue(settings.emailAttribute())),
            disabled,
            locked,
            groups));
  }

  @Nullable String stableId(Entry entry) {
    if (isActiveDirectory()) {
      byte[] guid = entry.getAttributeValueBytes(OBJECT_GUID);
      return guid == null || guid.length != 16 ? null : ActiveDirectory.guidToUuid(guid);
    }
    String uuid = entry.getAttributeValue(ENTRY_UUID);
    return uuid == null ? null : uuid.toLowerCase(Locale.ROOT);
  }

  private boolean isActiveDirectory() {
    return settings.flavour() == Flavour.ACTIVE_DIRECTORY;
  }

  private static List<String> nonNull(@Nullable String first, @Nullable String last) {
    return java.util.stream.Stream.of(first, last)
        .filter(java.util.Objects::nonNull)
        .map(String::strip)
        .toList();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
