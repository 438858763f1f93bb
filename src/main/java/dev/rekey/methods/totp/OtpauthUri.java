package dev.rekey.methods.totp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code otpauth://totp/...} URI an authenticator app scans, in the Key Uri Format
 * (github.com/google/google-authenticator/wiki/Key-Uri-Format): label {@code issuer:account}, the
 * same issuer as a parameter, and the RFC 6238 parameters Rekey uses (SHA1, 6 digits, 30 s).
 *
 * @param issuer shown by the app as the account's title, e.g. {@code Rekey (Contoso)}
 * @param accountName the user's sign-in name
 * @param secret the Base32 secret without padding
 */
public record OtpauthUri(String issuer, String accountName, String secret) {

  public static final String PRODUCT = "Rekey";
  private static final String PREFIX = "otpauth://totp/";

  public OtpauthUri {
    issuer = withoutColons(issuer);
    accountName = withoutColons(accountName);
    if (issuer.isEmpty() || accountName.isEmpty() || secret.isEmpty()) {
      throw new IllegalArgumentException("issuer, account name and secret are required");
    }
  }

  /** For a user of a tenant: issuer {@code Rekey (Tenant name)}, or {@code Rekey} without one. */
  public static OtpauthUri of(String tenantName, String upn, byte[] secret) {
    String tenant = withoutColons(tenantName);
    String issuer = tenant.isEmpty() ? PRODUCT : PRODUCT + " (" + tenant + ")";
    return new OtpauthUri(issuer, upn, TotpSecrets.encode(secret));
  }

  /** The URI text, percent-encoded (RFC 3986; spaces as {@code %20}, never {@code +}). */
  public String toUri() {
    return PREFIX
        + encode(issuer)
        + ':'
        + encode(accountName)
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + TotpVerifier.DIGITS
        + "&period="
        + TotpVerifier.PERIOD.toSeconds();
  }

  /**
   * Reads a URI made by {@link #toUri()} (used by tests).
   *
   * @throws IllegalArgumentException when it is not a TOTP URI with Rekey's parameters
   */
  public static OtpauthUri parse(String uri) {
    int query = uri.indexOf('?');
    if (!uri.startsWith(PREFIX) || query < 0) {
      throw new IllegalArgumentException("not an otpauth TOTP URI");
    }
    String label = decode(uri.substring(PREFIX.length(), query));
    int colon = label.indexOf(':');
    if (colon < 0 || label.indexOf(':', colon + 1) >= 0) {
      throw new IllegalArgumentException("label is not issuer:account");
    }
    Map<String, String> params = new HashMap<>();
    for (String pair : uri.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0 || params.put(pair.substring(0, eq), decode(pair.substring(eq + 1))) != null) {
        throw new IllegalArgumentException("malformed parameter " + pair);
      }
    }
    String issuer = label.substring(0, colon);
    if (!issuer.equals(params.get("issuer"))
        || !"SHA1".equals(params.get("algorithm"))
        || !String.valueOf(TotpVerifier.DIGITS).equals(params.get("digits"))
        || !String.valueOf(TotpVerifier.PERIOD.toSeconds()).equals(params.get("period"))
        || !params.containsKey("secret")) {
      throw new IllegalArgumentException("unexpected parameters");
    }
    return new OtpauthUri(issuer, label.substring(colon + 1), params.get("secret"));
  }

  /** Leaves the secret out, so a logged URI does not leak it. */
  @Override
  public String toString() {
    return "OtpauthUri[issuer=" + issuer + ", accountName=" + accountName + ", secret=***]";
  }

  /** The Key Uri Format allows a colon only as the issuer separator. */
  private static String withoutColons(String text) {
    return text.replace(':', ' ').replaceAll("\\s+", " ").strip();
  }

  /** Keeps RFC 3986 unreserved characters and {@code @}; percent-encodes the UTF-8 of the rest. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~@".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
