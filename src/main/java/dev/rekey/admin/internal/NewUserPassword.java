package dev.rekey.admin.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * The first password of a user an admin creates: 20 characters from a CSPRNG, shown once and to be
 * changed at the first sign-in, so the admin never chooses it and never knows the user's real one
 * (ASVS 5.0 §6.4.6; NIST SP 800-63B-4 §3.1.1.2 on activation secrets). About 118 bits of entropy.
 * Look-alike characters (0/O, 1/l/I) are left out because it is read off a screen.
 */
@Component
class NewUserPassword {

  static final int LENGTH = 20;
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "-_.!#%+=";
  private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

  private final SecureRandom random;

  NewUserPassword(SecureRandom random) {
    this.random = random;
  }

  /** A fresh password with at least one lower, upper, digit and symbol character. */
  String generate() {
    char[] password = new char[LENGTH];
    String[] classes = {LOWER, UPPER, DIGITS, SYMBOLS};
    for (int i = 0; i < LENGTH; i++) {
      String from = i < classes.length ? classes[i] : ALL;
      password[i] = from.charAt(random.nextInt(from.length()));
    }
    for (int i = LENGTH - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    return new String(password);
  }
}
