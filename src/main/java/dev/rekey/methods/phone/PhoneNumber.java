package dev.rekey.methods.phone;

/**
 * A phone number in E.164 form (ITU-T E.164): {@code +}, a country calling code, the national
 * number; at most 15 digits. Build one with {@link PhoneNumbers#parse}.
 *
 * @param e164 the number as {@code +31612345678}
 * @param countryCallingCode the country calling code without {@code +}, e.g. {@code 31}
 * @param nationalNumber the digits after the country calling code, e.g. {@code 612345678}
 */
public record PhoneNumber(String e164, String countryCallingCode, String nationalNumber) {

  public PhoneNumber {
    if (!e164.equals("+" + countryCallingCode + nationalNumber)) {
      throw new IllegalArgumentException("e164 must be + country calling code + national number");
    }
  }

  /** The number with most digits hidden, e.g. {@code +31 6••••••78}. */
  public String masked() {
    return PhoneMasks.mask(e164);
  }

  /** Never the full number: a record's default {@code toString} would end up in logs. */
  @Override
  public String toString() {
    return "PhoneNumber[" + masked() + "]";
  }
}
