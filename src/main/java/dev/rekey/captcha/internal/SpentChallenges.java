package dev.rekey.captcha.internal;

import java.time.Instant;

/** Remembers redeemed challenges until they expire, so each is accepted only once. */
interface SpentChallenges {

  /** Marks the challenge spent; false if it already was (a replay). */
  boolean spend(String challenge, Instant expiresAt);
}
