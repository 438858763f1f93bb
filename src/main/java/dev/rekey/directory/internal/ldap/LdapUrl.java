package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.LdapSettings.Security;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One server of a connection: {@code ldap://host[:port]} or {@code ldaps://host[:port]}.
 *
 * @param tls whether the socket itself is TLS (the {@code ldaps} scheme, or security LDAPS)
 */
record LdapUrl(String text, String host, int port, boolean tls) {

  static final int LDAP_PORT = 389;
  static final int LDAPS_PORT = 636;

  /**
   * Parses a URL. An {@code ldap://} URL with security LDAPS still gets a TLS socket: the admin
   * asked for encryption and it is never silently dropped.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static LdapUrl parse(String text, Security security) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + text, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
      throw new IllegalArgumentException("scheme must be ldap or ldaps: " + text);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no host: " + text);
    }
    boolean pathless =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
    if (!pathless
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("only scheme, host and port are allowed: " + text);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean tls = scheme.equals("ldaps") || security == Security.LDAPS;
    int port = uri.getPort() == -1 ? (tls ? LDAPS_PORT : LDAP_PORT) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + text);
    }
    return new LdapUrl(text.trim(), host, port, tls);
  }
}
