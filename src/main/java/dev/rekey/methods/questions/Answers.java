package dev.rekey.methods.questions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a security-question answer is compared (SPEC §4): Unicode NFKC, lower-cased, NFKC again,
 * trimmed, inner whitespace collapsed to one space. So "ﬁsh", "ＦＩＳＨ" and " Fish " are one answer.
 *
 * <p>Lower-casing is {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}, not full Unicode
 * case folding: "Straße" and "STRASSE" stay different answers ("straße" and "strasse"). That is
 * deliberate and consistent: the user types the same word again, and German users do not swap ß for
 * ss in one answer. Locale-independent lower-casing keeps the Turkish dotted I from changing a
 * stored answer's meaning with the server's locale.
 */
public final class Answers {

  /** Shortest and longest answer, in code points after normalisation (SPEC §4). */
  public static final int MIN_LENGTH = 3;

  public static final int MAX_LENGTH = 40;

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private Answers() {}

  /** The normalised form; idempotent, never throws. */
  public static String normalise(String answer) {
    String result = answer;
    // One pass is enough for every string we know of; repeating until stable makes idempotence a
    // guarantee, not a hope (a compatibility character could in theory lower-case into another).
    for (int pass = 0; pass < 3; pass++) {
      String next = once(result);
      if (next.equals(result)) {
        return next;
      }
      result = next;
    }
    return result;
  }

  private static String once(String answer) {
    String folded =
        Normalizer.normalize(
            Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
            Normalizer.Form.NFKC);
    return WHITESPACE.matcher(folded).replaceAll(" ").strip();
  }

  /** Length in code points, so an emoji counts as one character, as the user sees it. */
  public static int length(String normalised) {
    return normalised.codePointCount(0, normalised.length());
  }
}
