package dev.rekey.methods.questions;

import dev.rekey.crypto.Argon2id;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashes of normalised answers, with the same parameters as passwords: m=19 MiB, t=2, p=1,
 * 16-byte salt, 32-byte hash (OWASP Password Storage Cheat Sheet; ASVS 5.0 §11.4.2). Answers are
 * low-entropy secrets, so a slow salted hash is the least they need; nobody, admins included, can
 * read them back (SPEC §2).
 */
@Component
public class AnswerHashes {

  private final Argon2id argon2 = Argon2id.standard();

  /** Hashes an answer that is already normalised ({@link Answers#normalise}). */
  public String hash(String normalisedAnswer) {
    return argon2.hash(normalisedAnswer);
  }

  public boolean matches(String normalisedAnswer, String hash) {
    try {
      return argon2.matches(normalisedAnswer, hash);
    } catch (RuntimeException malformedHash) {
      return false;
    }
  }

  /** Spends one check's worth of time, so a missing answer costs as much as a wrong one. */
  public void burn(String normalisedAnswer) {
    argon2.burn(normalisedAnswer);
  }
}
