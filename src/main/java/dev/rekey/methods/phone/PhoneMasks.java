package dev.rekey.methods.phone;

/**
 * Masks phone numbers for display and logs (SPEC §4: {@code +31 6••••••78}): the country calling
 * code, the first national digit and the last two digits; bullets for the rest, one per digit. The
 * person recognises their number; an onlooker or a log reader learns too little to call it (ASVS
 * 5.0 §14.2.6: show sensitive data masked).
 */
public final class PhoneMasks {

  static final char BULLET = '•';
  private static final String UNRECOGNISED = "•••";

  private PhoneMasks() {}

  /**
   * Masks an E.164 number, e.g. {@code +31612345678} → {@code +31 6••••••78}. Anything that is not
   * E.164 with a known country calling code becomes {@code •••}, so nothing leaks by accident.
   */
  public static String mask(String e164) {
    if (!e164.startsWith("+") || e164.length() > PhoneNumbers.MAX_DIGITS + 1) {
      return UNRECOGNISED;
    }
    String digits = e164.substring(1);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return UNRECOGNISED;
    }
    String code = CountryCallingCodes.prefixOf(digits);
    if (code == null) {
      return UNRECOGNISED;
    }
    String national = digits.substring(code.length());
    int shown = 3; // first digit + last two
    if (national.length() < shown + 3) {
      // Too short to show three of its digits and still hide three: hide all of it.
      return "+" + code + " " + String.valueOf(BULLET).repeat(national.length());
    }
    return "+"
        + code
        + " "
        + national.charAt(0)
        + String.valueOf(BULLET).repeat(national.length() - shown)
        + national.substring(national.length() - 2);
  }
}
