package dev.rekey.directory.internal;

import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import dev.rekey.directory.LdapSettings.GroupMode;
import dev.rekey.directory.LdapSettings.Security;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings as they arrive from the API, the admin page or the properties: everything optional and
 * as text, so nothing a caller sends fails before it can be reported at its field. A missing value
 * (null) takes the flavour's default; a blank one is reported as required by the validator.
 */
record SettingsDraft(
    @Nullable String flavour,
    @Nullable List<String> urls,
    @Nullable String security,
    @Nullable String trustedCertificates,
    @Nullable String bindDn,
    @Nullable String bindSecret,
    @Nullable String baseDn,
    @Nullable String userFilter,
    @Nullable String userIdAttribute,
    @Nullable String displayNameAttribute,
    @Nullable String firstNameAttribute,
    @Nullable String lastNameAttribute,
    @Nullable String emailAttribute,
    @Nullable String groupMode,
    @Nullable String groupBaseDn,
    @Nullable String groupFilter,
    @Nullable Boolean nestedGroups,
    @Nullable String connectTimeoutMillis,
    @Nullable String responseTimeoutMillis,
    @Nullable String poolSize,
    @Nullable Boolean enabled) {

  static final int DEFAULT_CONNECT_TIMEOUT = 5_000;
  static final int DEFAULT_RESPONSE_TIMEOUT = 10_000;
  static final int DEFAULT_POOL = 5;

  /**
   * The settings, with defaults for what is missing.
   *
   * @throws SettingsRejected when a choice is unknown or a number is not one; the rest is checked
   *     by {@link LdapSettingsValidator}
   */
  LdapSettings toSettings() {
    Flavour f = choice("flavour", flavour, Flavour.class);
    Security s = choice("security", security, Security.class);
    boolean ad = f == Flavour.ACTIVE_DIRECTORY;
    GroupMode g =
        groupMode == null
            ? (ad ? GroupMode.MEMBER_OF : GroupMode.NONE)
            : choice("groupMode", groupMode, GroupMode.class);
    return new LdapSettings(
        f,
        // JSON may hold nulls in the list; LdapSettings copies it with List.copyOf, which refuses
        // them.
        urls == null ? List.of() : urls.stream().filter(Objects::nonNull).toList(),
        s,
        trustedCertificates,
        text(bindDn),
        bindSecret,
        text(baseDn),
        or(
            userFilter,
            ad ? "(&(objectCategory=person)(objectClass=user))" : "(objectClass=inetOrgPerson)"),
        or(userIdAttribute, ad ? "userPrincipalName" : "uid"),
        or(displayNameAttribute, ad ? "displayName" : "cn"),
        or(firstNameAttribute, "givenName"),
        or(lastNameAttribute, "sn"),
        or(emailAttribute, "mail"),
        g,
        groupBaseDn,
        or(
            groupFilter,
            ad
                ? "(objectClass=group)"
                : "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))"),
        nestedGroups != null && nestedGroups,
        number("connectTimeoutMillis", connectTimeoutMillis, DEFAULT_CONNECT_TIMEOUT),
        number("responseTimeoutMillis", responseTimeoutMillis, DEFAULT_RESPONSE_TIMEOUT),
        number("poolSize", poolSize, DEFAULT_POOL),
        enabled == null || enabled);
  }

  /** The stored settings as a draft (secret left out), for the admin page's form. */
  static SettingsDraft of(LdapSettings s) {
    return new SettingsDraft(
        s.flavour().code(),
        s.urls(),
        s.security().code(),
        s.trustedCertificates(),
        s.bindDn(),
        null,
        s.baseDn(),
        s.userFilter(),
        s.userIdAttribute(),
        s.displayNameAttribute(),
        s.firstNameAttribute(),
        s.lastNameAttribute(),
        s.emailAttribute(),
        s.groupMode().code(),
        s.groupBaseDn(),
        s.groupFilter(),
        s.nestedGroups(),
        Integer.toString(s.connectTimeoutMillis()),
        Integer.toString(s.responseTimeoutMillis()),
        Integer.toString(s.poolSize()),
        s.enabled());
  }

  private static <E extends Enum<E>> E choice(String field, @Nullable String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      throw LdapSettingsValidator.rejected(field, "required");
    }
    String wanted = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw LdapSettingsValidator.rejected(field, "invalid");
  }

  private static int number(String field, @Nullable String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    String digits = value.strip();
    if (!digits.matches("-?[0-9]{1,9}")) {
      throw LdapSettingsValidator.rejected(field, "range");
    }
    return Integer.parseInt(digits);
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static String or(@Nullable String value, String fallback) {
    return value == null ? fallback : value;
  }
}
