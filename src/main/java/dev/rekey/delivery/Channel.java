package dev.rekey.delivery;

import java.util.Locale;

/** How a message reaches someone. */
public enum Channel {
  EMAIL,
  SMS,
  VOICE;

  /** The lower-case name used in the API and the database ({@code email}, {@code sms}, ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Channel ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
