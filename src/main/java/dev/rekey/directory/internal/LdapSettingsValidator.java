package dev.rekey.directory.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import dev.rekey.directory.LdapSettings.GroupMode;
import dev.rekey.directory.LdapSettings.Security;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a directory connection's settings before they are stored or tried, and returns them tidied
 * (trimmed, blanks as null). The first offending field is reported as a {@link SettingsRejected}
 * whose code is the suffix of the message key {@code directory.field.<field>.<code>}. The bind
 * secret is checked by the caller, which knows what is stored.
 */
final class LdapSettingsValidator {

  static final int MAX_URLS = 5;
  static final int MAX_FILTER = 1024;
  static final int MAX_DN = 1024;
  static final int MAX_CERTIFICATES = 200_000;
  static final int MIN_TIMEOUT = 100;
  static final int MAX_TIMEOUT = 60_000;
  static final int MIN_POOL = 1;
  static final int MAX_POOL = 50;
  static final Set<String> USER_ID_ATTRIBUTES =
      Set.of("userprincipalname", "uid", "mail", "samaccountname");

  /** Scheme, host name / IPv4 / bracketed IPv6, optional port; nothing after (no DN, no query). */
  private static final Pattern URL =
      Pattern.compile(
          "(?i)(ldaps?)://([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\])"
              + "(?::([0-9]{1,5}))?");

  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

  private LdapSettingsValidator() {}

  static LdapSettings validate(LdapSettings s) {
    List<String> urls = urls(s.urls(), s.security());
    if (s.flavour() == Flavour.ACTIVE_DIRECTORY && s.security() == Security.NONE) {
      // Active Directory refuses unicodePwd writes over an unencrypted connection (MS-ADTS
      // 3.1.1.3.1.5: "the attribute can only be modified over an encrypted connection"), and a
      // password must never cross the network in clear text anyway (RFC 4513 §5.1.2).
      throw rejected("security", "ad_needs_tls");
    }
    String certificates = certificates(s.trustedCertificates());
    String bindDn = dn("bindDn", s.bindDn(), true);
    String baseDn = dn("baseDn", s.baseDn(), true);
    String userFilter = filter("userFilter", s.userFilter(), true);
    String userId = attribute("userIdAttribute", s.userIdAttribute());
    if (!USER_ID_ATTRIBUTES.contains(userId.toLowerCase(Locale.ROOT))) {
      throw rejected("userIdAttribute", "unsupported");
    }
    String displayName = attribute("displayNameAttribute", s.displayNameAttribute());
    String firstName = attribute("firstNameAttribute", s.firstNameAttribute());
    String lastName = attribute("lastNameAttribute", s.lastNameAttribute());
    String email = attribute("emailAttribute", s.emailAttribute());
    String groupBaseDn = dn("groupBaseDn", s.groupBaseDn(), false);
    String groupFilter = filter("groupFilter", s.groupFilter(), s.groupMode() == GroupMode.SEARCH);
    range("connectTimeoutMillis", s.connectTimeoutMillis(), MIN_TIMEOUT, MAX_TIMEOUT);
    range("responseTimeoutMillis", s.responseTimeoutMillis(), MIN_TIMEOUT, MAX_TIMEOUT);
    range("poolSize", s.poolSize(), MIN_POOL, MAX_POOL);
    return new LdapSettings(
        s.flavour(),
        urls,
        s.security(),
        certificates,
        bindDn,
        s.bindSecret(),
        baseDn,
        userFilter,
        userId,
        displayName,
        firstName,
        lastName,
        email,
        s.groupMode(),
        groupBaseDn,
        groupFilter == null ? "" : groupFilter,
        s.nestedGroups(),
        s.connectTimeoutMillis(),
        s.responseTimeoutMillis(),
        s.poolSize(),
        s.enabled());
  }

  private static List<String> urls(List<String> given, Security security) {
    List<String> urls = new ArrayList<>();
    for (String url : given) {
      if (url != null && !url.isBlank()) {
        urls.add(url.strip());
      }
    }
    if (urls.isEmpty()) {
      throw rejected("urls", "required");
    }
    if (urls.size() > MAX_URLS) {
      throw rejected("urls", "too_many");
    }
    for (String url : urls) {
      Matcher m = URL.matcher(url);
      if (!m.matches()) {
        throw rejected("urls", "invalid");
      }
      if (m.group(3) != null) {
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65_535) {
          throw rejected("urls", "invalid");
        }
      }
      boolean ldaps = m.group(1).equalsIgnoreCase("ldaps");
      // LDAPS is TLS from the first byte (RFC 4513 §3.1.3 leaves it to the transport); StartTLS
      // upgrades an ldap:// connection (RFC 4511 §4.14). Mixing them would fail every connect.
      if (ldaps && security != Security.LDAPS) {
        throw rejected("urls", "scheme_ldaps");
      }
      if (!ldaps && security == Security.LDAPS) {
        throw rejected("urls", "scheme_ldap");
      }
    }
    return List.copyOf(urls);
  }

  private static @Nullable String certificates(@Nullable String pem) {
    if (pem == null || pem.isBlank()) {
      return null;
    }
    if (pem.length() > MAX_CERTIFICATES) {
      throw rejected("trustedCertificates", "too_large");
    }
    String text = pem.strip();
    if (!text.contains("-----BEGIN CERTIFICATE-----")) {
      throw rejected("trustedCertificates", "invalid");
    }
    try {
      var parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
      if (parsed.isEmpty()) {
        throw rejected("trustedCertificates", "invalid");
      }
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof SettingsRejected rejected) {
        throw rejected;
      }
      throw rejected("trustedCertificates", "invalid");
    }
    return text + "\n";
  }

  private static @Nullable String dn(String field, @Nullable String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw rejected(field, "required");
      }
      return null;
    }
    String dn = value.strip();
    if (dn.length() > MAX_DN) {
      throw rejected(field, "too_long");
    }
    try {
      new DN(dn);
    } catch (LDAPException e) {
      throw rejected(field, "invalid");
    }
    return dn;
  }

  private static @Nullable String filter(String field, @Nullable String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw rejected(field, "required");
      }
      return null;
    }
    String filter = value.strip();
    if (filter.length() > MAX_FILTER) {
      throw rejected(field, "too_long");
    }
    try {
      Filter.create(filter);
    } catch (LDAPException e) {
      throw rejected(field, "invalid");
    }
    return filter;
  }

  private static String attribute(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw rejected(field, "required");
    }
    String name = value.strip();
    if (!ATTRIBUTE.matcher(name).matches()) {
      throw rejected(field, "invalid");
    }
    return name;
  }

  private static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw rejected(field, "range");
    }
  }

  static SettingsRejected rejected(String field, String code) {
    return new SettingsRejected(field, code, "Directory setting " + field + " rejected: " + code);
  }
}
