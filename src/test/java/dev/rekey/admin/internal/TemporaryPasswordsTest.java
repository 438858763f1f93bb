package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

  private final TemporaryPasswords passwords = new TemporaryPasswords(new SecureRandom());

  @Test
  void sixteenCharactersWithoutLookAlikesAndEveryClass() {
    for (int i = 0; i < 1_000; i++) {
      String password = passwords.generate();
      assertThat(password)
          .hasSize(16)
          .doesNotContainAnyWhitespaces()
          .matches("[A-HJ-NP-Za-km-np-z2-9]+")
          .matches(".*[A-Z].*")
          .matches(".*[a-z].*")
          .matches(".*[0-9].*");
    }
  }

  @Test
  void neverTheSameTwice() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(passwords.generate())).isTrue();
    }
  }

  @Test
  void theAlphabetHasNoLookAlikes() {
    assertThat(TemporaryPasswords.ALPHABET).doesNotContain("0", "O", "o", "1", "l", "I", "i");
    assertThat(TemporaryPasswords.ALPHABET.chars().distinct().count())
        .isEqualTo(TemporaryPasswords.ALPHABET.length());
  }
}
