package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;

/** Proves possession of one kind of registered method, for step-up (and later the reset portal). */
interface MethodVerifier {

  MethodType type();

  /** Whether a proof starts by sending something (a code by text, call or email). */
  default boolean needsChallenge() {
    return false;
  }

  /** Prepares a proof: sends a code for phone and email; nothing for an app. */
  default void challenge(StoredMethod method) {}

  /** Checks the proof. A successful proof is used up (a code is accepted once only). */
  boolean verify(StoredMethod method, String code);
}
