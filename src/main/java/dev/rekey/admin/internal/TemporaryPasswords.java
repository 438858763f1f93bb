package dev.rekey.admin.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Temporary passwords for an admin reset. The admin never chooses them (ASVS 5.0 §6.4.6: a
 * temporary password is random, from a CSPRNG, and must be changed at first use): 16 characters
 * from 55 letters and digits without look-alikes (no 0/O/o, 1/l/I/i), about 92 bits, always with an
 * upper-case letter, a lower-case letter and a digit so that a tenant's composition rule never
 * trips over it.
 */
@Component
class TemporaryPasswords {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
  static final int LENGTH = 16;

  private final SecureRandom random;

  TemporaryPasswords(SecureRandom random) {
    this.random = random;
  }

  String generate() {
    while (true) {
      char[] password = new char[LENGTH];
      for (int i = 0; i < LENGTH; i++) {
        password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      String candidate = new String(password);
      if (candidate.chars().anyMatch(Character::isUpperCase)
          && candidate.chars().anyMatch(Character::isLowerCase)
          && candidate.chars().anyMatch(Character::isDigit)) {
        return candidate;
      }
    }
  }
}
