package dev.rekey.directory.internal;

import dev.rekey.directory.LdapSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A connection's settings as name → value, by the API's field names and without the secret: the
 * audit trail's before and after, so it names settings exactly as the API does.
 */
final class ConnectionValues {

  static final String SECRET = "bindSecret";

  private ConnectionValues() {}

  static Map<String, @Nullable Object> of(LdapSettings s) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("flavour", s.flavour().code());
    values.put("urls", s.urls());
    values.put("security", s.security().code());
    values.put("trustedCertificates", s.trustedCertificates());
    values.put("bindDn", s.bindDn());
    values.put("baseDn", s.baseDn());
    values.put("userFilter", s.userFilter());
    values.put("userIdAttribute", s.userIdAttribute());
    values.put("displayNameAttribute", s.displayNameAttribute());
    values.put("firstNameAttribute", s.firstNameAttribute());
    values.put("lastNameAttribute", s.lastNameAttribute());
    values.put("emailAttribute", s.emailAttribute());
    values.put("groupMode", s.groupMode().code());
    values.put("groupBaseDn", s.groupBaseDn());
    values.put("groupFilter", s.groupFilter());
    values.put("nestedGroups", s.nestedGroups());
    values.put("connectTimeoutMillis", s.connectTimeoutMillis());
    values.put("responseTimeoutMillis", s.responseTimeoutMillis());
    values.put("poolSize", s.poolSize());
    values.put("enabled", s.enabled());
    return values;
  }

  /**
   * The settings that differ, as {before, after}. A side that does not exist (a new or removed
   * connection) is an empty map. The secret is only ever described: {@code changed} / {@code
   * unchanged}.
   */
  static Difference difference(
      @Nullable LdapSettings before, @Nullable LdapSettings after, boolean secretChanged) {
    Map<String, @Nullable Object> was = before == null ? Map.of() : of(before);
    Map<String, @Nullable Object> now = after == null ? Map.of() : of(after);
    Map<String, @Nullable Object> oldValues = new LinkedHashMap<>();
    Map<String, @Nullable Object> newValues = new LinkedHashMap<>();
    for (String key : (after == null ? was : now).keySet()) {
      if (!Objects.equals(was.get(key), now.get(key))) {
        if (before != null) {
          oldValues.put(key, was.get(key));
        }
        if (after != null) {
          newValues.put(key, now.get(key));
        }
      }
    }
    if (after != null && (secretChanged || !newValues.isEmpty())) {
      if (before != null) {
        oldValues.put(SECRET, "stored");
      }
      newValues.put(SECRET, secretChanged ? "changed" : "unchanged");
    }
    return new Difference(oldValues, newValues);
  }

  record Difference(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
    boolean isEmpty() {
      return before.isEmpty() && after.isEmpty();
    }
  }
}
