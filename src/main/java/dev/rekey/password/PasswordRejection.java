package dev.rekey.password;

import java.util.List;

/**
 * One rule a proposed password breaks.
 *
 * @param code a stable machine code, also the message key's suffix: {@code "password.reason." +
 *     code} in the {@code password} bundle
 * @param arguments the message's arguments, such as the minimum length for {@code too_short}
 */
public record PasswordRejection(String code, List<Object> arguments) {

  /** Fewer code points than the policy's minimum; argument: the minimum. */
  public static final String TOO_SHORT = "too_short";

  /** More than 256 code points; argument: the maximum. */
  public static final String TOO_LONG = "too_long";

  /** Fewer than three of four character classes, when the policy asks for them. */
  public static final String CHARACTER_CLASSES = "character_classes";

  /** The whole password is on the list of common passwords. */
  public static final String COMMON = "common";

  /** Banned terms, names and the tenant's name leave too little else (Entra's score below 5). */
  public static final String BANNED = "banned";

  /** On the operator's list of breached passwords. */
  public static final String BREACHED = "breached";

  /** One of the account's recent passwords. */
  public static final String REUSED = "reused";

  public PasswordRejection {
    arguments = List.copyOf(arguments);
  }

  public static PasswordRejection of(String code, Object... arguments) {
    return new PasswordRejection(code, List.of(arguments));
  }

  /** The key of this reason's message in the {@code password} bundle. */
  public String messageKey() {
    return "password.reason." + code;
  }

  public Object[] argumentArray() {
    return arguments.toArray();
  }
}
