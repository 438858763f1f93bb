package dev.rekey.directory.internal;

import dev.rekey.directory.LdapSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin page's form: every setting as text (an unticked checkbox is absent, meaning off), so
 * nothing a browser sends fails to bind; {@link SettingsDraft} reports what does not parse.
 */
final class DirectoryForms {

  /** The page's fields in the order the page shows them (and reports their errors). */
  static final List<String> FIELDS =
      List.of(
          "flavour",
          "urls",
          "security",
          "trustedCertificates",
          "bindDn",
          "bindSecret",
          "baseDn",
          "userFilter",
          "userIdAttribute",
          "displayNameAttribute",
          "firstNameAttribute",
          "lastNameAttribute",
          "emailAttribute",
          "groupMode",
          "groupBaseDn",
          "groupFilter",
          "nestedGroups",
          "connectTimeoutMillis",
          "responseTimeoutMillis",
          "poolSize",
          "enabled");

  private DirectoryForms() {}

  /** What the browser sent; a missing text field counts as blank, not as "take the default". */
  static SettingsDraft draft(Map<String, String> params) {
    return new SettingsDraft(
        text(params, "flavour"),
        Arrays.stream(text(params, "urls").split("\\s+")).filter(u -> !u.isBlank()).toList(),
        text(params, "security"),
        text(params, "trustedCertificates"),
        text(params, "bindDn"),
        text(params, "bindSecret"),
        text(params, "baseDn"),
        text(params, "userFilter"),
        text(params, "userIdAttribute"),
        text(params, "displayNameAttribute"),
        text(params, "firstNameAttribute"),
        text(params, "lastNameAttribute"),
        text(params, "emailAttribute"),
        text(params, "groupMode"),
        text(params, "groupBaseDn"),
        text(params, "groupFilter"),
        params.containsKey("nestedGroups"),
        text(params, "connectTimeoutMillis"),
        text(params, "responseTimeoutMillis"),
        text(params, "poolSize"),
        params.containsKey("enabled"));
  }

  /** The values to show again: what was sent, but never the secret. */
  static Map<String, String> values(Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (!field.equals("bindSecret") && params.containsKey(field)) {
        values.put(field, limit(params.get(field)));
      }
    }
    return values;
  }

  /** The stored (or default) settings as the form's values. */
  static Map<String, String> values(LdapSettings s) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("flavour", s.flavour().code());
    values.put("urls", String.join("\n", s.urls()));
    values.put("security", s.security().code());
    values.put("trustedCertificates", or(s.trustedCertificates()));
    values.put("bindDn", s.bindDn());
    values.put("baseDn", s.baseDn());
    values.put("userFilter", s.userFilter());
    values.put("userIdAttribute", s.userIdAttribute());
    values.put("displayNameAttribute", s.displayNameAttribute());
    values.put("firstNameAttribute", s.firstNameAttribute());
    values.put("lastNameAttribute", s.lastNameAttribute());
    values.put("emailAttribute", s.emailAttribute());
    values.put("groupMode", s.groupMode().code());
    values.put("groupBaseDn", or(s.groupBaseDn()));
    values.put("groupFilter", s.groupFilter());
    if (s.nestedGroups()) {
      values.put("nestedGroups", "true");
    }
    values.put("connectTimeoutMillis", Integer.toString(s.connectTimeoutMillis()));
    values.put("responseTimeoutMillis", Integer.toString(s.responseTimeoutMillis()));
    values.put("poolSize", Integer.toString(s.poolSize()));
    if (s.enabled()) {
      values.put("enabled", "true");
    }
    return values;
  }

  /** A new connection's starting point: OpenLDAP defaults, switched on. */
  static Map<String, String> defaults() {
    Map<String, String> values =
        values(
            new SettingsDraft(
                    "generic",
                    List.of("ldaps://ldap.example.org:636"),
                    "ldaps",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    true)
                .toSettings());
    values.put("urls", "");
    return values;
  }

  private static String text(Map<String, String> params, String field) {
    String value = params.get(field);
    return value == null ? "" : value;
  }

  private static String or(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** Shown back as typed, within the largest a field may be (the certificates). */
  private static String limit(String value) {
    return value.length() > LdapSettingsValidator.MAX_CERTIFICATES
        ? value.substring(0, LdapSettingsValidator.MAX_CERTIFICATES)
        : value;
  }
}
