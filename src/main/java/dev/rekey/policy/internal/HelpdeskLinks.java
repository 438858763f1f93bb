package dev.rekey.policy.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a custom helpdesk link may be: an absolute http(s) URL or an email address. The link ends up
 * in an {@code href} on the reset portal, so only these two schemes are allowed, never {@code
 * javascript:} or {@code data:} (ASVS 5.0 §1.2.2).
 */
final class HelpdeskLinks {

  static final int MAX_URL = 2048;
  static final int MAX_EMAIL = 254;

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@" + LABEL + "(?:\\." + LABEL + ")+");
  private static final Pattern UNSAFE = Pattern.compile("[\\s\\p{Cntrl}<>\"]");

  private HelpdeskLinks() {}

  /** Trims the link and drops a {@code mailto:} prefix; blank means none. */
  static @Nullable String normalise(String link) {
    String value = link.strip();
    if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
      value = value.substring(7).strip();
    }
    return value.isEmpty() ? null : value;
  }

  static boolean isValid(String link) {
    return isEmail(link) || isWebAddress(link);
  }

  static boolean isEmail(String link) {
    return link.length() <= MAX_EMAIL && EMAIL.matcher(link).matches();
  }

  static boolean isWebAddress(String link) {
    if (link.length() > MAX_URL || UNSAFE.matcher(link).find()) {
      return false;
    }
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
