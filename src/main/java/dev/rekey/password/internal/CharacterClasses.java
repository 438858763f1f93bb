package dev.rekey.password.internal;

/**
 * The optional "three of four character classes" rule, for Microsoft Entra and Active Directory
 * compatibility: lower-case letters, upper-case letters, digits, and everything else (symbols,
 * spaces, letters without case). Off by default: NIST SP 800-63B-4 §3.1.1.2 says verifiers should
 * not impose composition rules.
 */
final class CharacterClasses {

  static final int REQUIRED = 3;

  private CharacterClasses() {}

  static int count(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int cp : password.codePoints().toArray()) {
      if (Character.isLowerCase(cp)) {
        lower = true;
      } else if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isDigit(cp)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
