package dev.rekey.methods.questions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id hashes of answers. */
class AnswerHashesTest {

  private final AnswerHashes hashes = new AnswerHashes();

  @Test
  void hashThenMatchesOnlyTheSameAnswer() {
    String hash = hashes.hash("amsterdam");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("amsterdam");
    assertThat(hashes.matches("amsterdam", hash)).isTrue();
    assertThat(hashes.matches("rotterdam", hash)).isFalse();
  }

  @Test
  void hashIsSaltedSoEqualAnswersGiveDifferentHashes() {
    assertThat(hashes.hash("amsterdam")).isNotEqualTo(hashes.hash("amsterdam"));
  }

  @Test
  void matchesWhenHashMalformedThenFalse() {
    assertThat(hashes.matches("amsterdam", "not-a-hash")).isFalse();
    assertThat(hashes.matches("amsterdam", "")).isFalse();
  }
}
