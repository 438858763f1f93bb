package dev.rekey.password.internal;

/**
 * Microsoft Entra's password normalisation, step 1 of its banned-password algorithm: lower case,
 * then the common substitutions {@code 0→o 1→l $→s @→a}. Works on code points, so any Unicode
 * password (emoji included) is normalised character by character.
 */
final class PasswordNormaliser {

  private PasswordNormaliser() {}

  /** The normalised code points of {@code text}. */
  static int[] normalise(String text) {
    return text.codePoints().map(PasswordNormaliser::normalise).toArray();
  }

  /** {@link #normalise(String)} as a string. */
  static String normaliseToString(String text) {
    int[] codePoints = normalise(text);
    return new String(codePoints, 0, codePoints.length);
  }

  static int normalise(int codePoint) {
    return switch (codePoint) {
      case '0' -> 'o';
      case '1' -> 'l';
      case '$' -> 's';
      case '@' -> 'a';
      default -> Character.toLowerCase(codePoint);
    };
  }
}
