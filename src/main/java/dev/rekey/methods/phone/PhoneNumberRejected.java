package dev.rekey.methods.phone;

import java.util.Locale;

/**
 * What someone typed is not a phone number we can send to. The message never repeats the input (it
 * may be a phone number, and it ends up in logs).
 */
public class PhoneNumberRejected extends RuntimeException {

  /** Why a number was rejected; {@link #code()} is the stable machine code. */
  public enum Reason {
    EMPTY,
    INVALID_CHARACTERS,
    TOO_SHORT,
    TOO_LONG,
    NO_COUNTRY_CODE,
    UNKNOWN_COUNTRY_CODE;

    /** The reason as used in APIs and message keys: {@code invalid_characters}, ... */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  public PhoneNumberRejected(Reason reason) {
    super("phone number rejected: " + reason.code());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
