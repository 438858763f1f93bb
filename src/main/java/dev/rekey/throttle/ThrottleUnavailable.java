package dev.rekey.throttle;

/**
 * The shared throttle storage (Redis, when {@code rekey.redis.url} is set) did not answer.
 * Throttles fail closed: the request that needed a count is refused with 503 and nothing was
 * checked or changed (OWASP ASVS 5.0 §16.5.2–16.5.3, no fail-open: a limit that cannot be counted
 * is not skipped). Answered as problem {@code throttle_unavailable} or a localised page.
 */
public class ThrottleUnavailable extends RuntimeException {

  public ThrottleUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
