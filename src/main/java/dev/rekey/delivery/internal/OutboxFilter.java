package dev.rekey.delivery.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The recipient filter of the outbox page and API. */
final class OutboxFilter {

  static final int MAX_LENGTH = 320;

  private OutboxFilter() {}

  /**
   * Null for no filter; otherwise the recipient to match exactly. Email addresses are stored in
   * lower case, so a typed {@code Alain@Contoso.com} still finds them; phone numbers must be E.164
   * as sent.
   */
  static @Nullable String normalise(@Nullable String to) {
    if (to == null || to.isBlank()) {
      return null;
    }
    String trimmed = to.strip();
    // An unencoded "+" in a query string arrives as a space: ?to=+316... means +316...
    if (to.startsWith(" ") && trimmed.matches("[1-9][0-9]{1,14}")) {
      trimmed = "+" + trimmed;
    }
    if (trimmed.length() > MAX_LENGTH) {
      trimmed = trimmed.substring(0, MAX_LENGTH);
    }
    return trimmed.indexOf('@') >= 0 ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }
}
