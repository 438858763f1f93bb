package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises recipients to the form the outbox stores and the API filters on, and masks them for
 * logs: a log line names who a message went to only as {@code a•••@contoso.com} or {@code
 * +31•••••678}, so logs hold no contact details (ASVS 5.0 §16.2.5: no sensitive data in logs).
 */
final class Recipients {

  static final String MASK = "•••";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-().]");

  private Recipients() {}

  /** Email addresses are stored and compared in lower case. */
  static String email(String address) {
    String trimmed = address.strip();
    if (trimmed.isEmpty() || trimmed.indexOf('@') < 1) {
      throw new DeliveryFailed("not an email address: " + mask(trimmed));
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  /** A phone number in E.164 without spaces or separators (ITU-T E.164: at most 15 digits). */
  static String phone(String number) {
    String compact = PHONE_SEPARATORS.matcher(number).replaceAll("");
    if (!E164.matcher(compact).matches()) {
      throw new DeliveryFailed("not an E.164 phone number: " + mask(compact));
    }
    return compact;
  }

  /** An email address or phone number with most of it hidden. */
  static String mask(String recipient) {
    int at = recipient.lastIndexOf('@');
    if (at >= 0) {
      String local = recipient.substring(0, at);
      String domain = recipient.substring(at);
      return (local.isEmpty() ? "" : local.substring(0, 1)) + MASK + domain;
    }
    if (recipient.length() < 8) {
      return MASK;
    }
    String prefix = recipient.startsWith("+") ? recipient.substring(0, 3) : "";
    return prefix + MASK + recipient.substring(recipient.length() - 3);
  }
}
