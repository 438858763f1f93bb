package dev.rekey.methods.phone;

import dev.rekey.methods.phone.PhoneNumberRejected.Reason;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what people type into an E.164 number (ITU-T E.164): {@code +31 6 12345678}, {@code +31
 * (0)6-1234 5678}, {@code 0031 612345678}, {@code +1 (425) 555-0100 ext. 12}. Separators (spaces,
 * no-break spaces, dots, dashes, slashes, parentheses) are dropped, the trunk prefix {@code (0)} is
 * dropped, extensions are stripped (a text message cannot reach an extension).
 */
public final class PhoneNumbers {

  /** E.164 §6: at most 15 digits including the country calling code. */
  static final int MAX_DIGITS = 15;

  /** Shorter than this is no subscriber number anywhere we send to. */
  static final int MIN_DIGITS = 8;

  private static final int MAX_INPUT = 64;

  private static final Pattern EXTENSION =
      Pattern.compile(
          "(?i)^(.*?[0-9)]\\s*)(?:;\\s*ext\\s*=|ext(?:ension)?\\.?|x|#)\\s*[0-9]{1,10}\\s*$");

  private static final Pattern TRUNK_ZERO = Pattern.compile("\\(\\s*0\\s*\\)");

  private static final Pattern SEPARATOR =
      Pattern.compile("[\\s\\u00A0\\u2007\\u202F.\\-\\u2010\\u2011\\u2012\\u2013\\u2212/()]");

  /** Countries whose national numbers keep their leading 0 in international form. */
  private static final Set<String> KEEP_LEADING_ZERO = Set.of("39", "378", "379");

  private PhoneNumbers() {}

  /**
   * Parses a phone number.
   *
   * @param input what the person typed
   * @param defaultCountryCallingCode the country calling code ({@code 31} or {@code +31}) for
   *     numbers typed without {@code +} or {@code 00}; null to require one
   * @throws PhoneNumberRejected with the reason; nothing else, whatever the input
   * @throws IllegalArgumentException when {@code defaultCountryCallingCode} is not an assigned code
   */
  public static PhoneNumber parse(String input, @Nullable String defaultCountryCallingCode) {
    String defaultCode = normaliseDefault(defaultCountryCallingCode);
    String text = input.strip().replace('\u00A0', ' ').strip();
    if (text.isEmpty()) {
      throw new PhoneNumberRejected(Reason.EMPTY);
    }
    if (text.length() > MAX_INPUT) {
      throw new PhoneNumberRejected(Reason.TOO_LONG);
    }
    Matcher extension = EXTENSION.matcher(text);
    if (extension.matches()) {
      text = extension.group(1).strip();
    }
    boolean plus = text.startsWith("+");
    if (plus) {
      text = text.substring(1);
    }
    String digits = SEPARATOR.matcher(text).replaceAll("");
    boolean international = plus || digits.startsWith("00");
    if (international) {
      // "+31 (0)6 ..." writes the national trunk prefix for people dialling at home; drop it.
      digits = SEPARATOR.matcher(TRUNK_ZERO.matcher(text).replaceFirst("")).replaceAll("");
    }
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new PhoneNumberRejected(Reason.INVALID_CHARACTERS);
    }
    if (international) {
      // 00 is the international prefix in most of the world (ITU-T E.164 Annex A).
      return international(plus ? digits : digits.substring(2));
    }
    if (defaultCode == null) {
      checkLength(digits.length());
      throw new PhoneNumberRejected(Reason.NO_COUNTRY_CODE);
    }
    return national(defaultCode, digits);
  }

  private static PhoneNumber international(String digits) {
    checkLength(digits.length());
    String code = CountryCallingCodes.prefixOf(digits);
    if (code == null) {
      throw new PhoneNumberRejected(Reason.UNKNOWN_COUNTRY_CODE);
    }
    return new PhoneNumber("+" + digits, code, digits.substring(code.length()));
  }

  private static PhoneNumber national(String code, String digits) {
    String national = digits;
    if (national.startsWith("0") && !KEEP_LEADING_ZERO.contains(code)) {
      national = national.substring(1); // the trunk prefix, not part of the E.164 number
    } else if (code.equals("1") && national.length() == 11 && national.startsWith("1")) {
      national = national.substring(1); // the NANP trunk prefix
    }
    checkLength(code.length() + national.length());
    return new PhoneNumber("+" + code + national, code, national);
  }

  private static void checkLength(int digits) {
    if (digits < MIN_DIGITS) {
      throw new PhoneNumberRejected(Reason.TOO_SHORT);
    }
    if (digits > MAX_DIGITS) {
      throw new PhoneNumberRejected(Reason.TOO_LONG);
    }
  }

  private static @Nullable String normaliseDefault(@Nullable String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String digits = code.strip().startsWith("+") ? code.strip().substring(1) : code.strip();
    if (!CountryCallingCodes.isAssigned(digits)) {
      throw new IllegalArgumentException("not an assigned country calling code: " + code);
    }
    return digits;
  }
}
