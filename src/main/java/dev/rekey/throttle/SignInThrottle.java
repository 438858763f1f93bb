package dev.rekey.throttle;

/**
 * Slows password guessing at sign-in without letting anyone lock a user out (SPEC §5.1's spirit,
 * NIST SP 800-63B-4 §3.2.2 rate limiting, ASVS 5.0 §6.3.1).
 *
 * <ul>
 *   <li>Per account, from any client: a growing delay before each attempt, capped, never a refusal
 *       — so an attacker cannot keep the real user out.
 *   <li>Per account and client together: after a few failures the next attempt from that client
 *       must wait, doubling each time — only the attacker's address waits.
 *   <li>Per client: past a limit in the window, that address is refused until the window ends.
 * </ul>
 */
public interface SignInThrottle {

  /** Decides whether an attempt may go ahead now, and after what delay. */
  SignInDecision check(String userId, String clientIp);

  void recordFailure(String userId, String clientIp);

  /** A successful sign-in clears the account's counters (not the client's). */
  void recordSuccess(String userId, String clientIp);
}
