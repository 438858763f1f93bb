package dev.rekey.methods;

import java.util.UUID;

/**
 * One-time codes for text messages, calls and email (SPEC §4): 8 digits from a CSPRNG, valid 5
 * minutes, single use, bound to the {@code purpose} and {@code subject} (a method being registered,
 * a step-up, a reset flow) that asked for them, stored only as a keyed hash. A new code replaces
 * the previous one and does not reset the failure count; after 5 wrong codes no code is accepted
 * for 15 minutes.
 */
public interface OneTimeCodes {

  int DIGITS = 8;
  int MAX_FAILURES = 5;

  /** Creates (or replaces) the code for a purpose and subject and answers it, for sending. */
  String issue(String purpose, UUID subject);

  /** Checks a code; a right code is used up. */
  Check verify(String purpose, UUID subject, String code);

  /** The outcome of a check. */
  enum Check {
    ACCEPTED,
    WRONG,
    EXPIRED,
    TOO_MANY_FAILURES
  }
}
