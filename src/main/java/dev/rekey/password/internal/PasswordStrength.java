package dev.rekey.password.internal;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The strength meter's score, from zxcvbn (0 = too guessable … 4 = very unguessable). */
@Component
class PasswordStrength {

  /**
   * zxcvbn's matching grows quickly with length; beyond this many code points a password scores the
   * same (it is long enough to be strong unless it is a repetition, which shows in the prefix).
   */
  static final int MEASURED = 100;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  /**
   * @param userInputs words an attacker would try first for this user (names, user ID, tenant)
   */
  int score(String password, Collection<String> userInputs) {
    if (password.isEmpty()) {
      return 0;
    }
    String measured = password;
    if (password.codePointCount(0, password.length()) > MEASURED) {
      measured = password.substring(0, password.offsetByCodePoints(0, MEASURED));
    }
    List<String> inputs =
        userInputs.stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    return Math.max(0, Math.min(4, zxcvbn.measure(measured, inputs).getScore()));
  }
}
