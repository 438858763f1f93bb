package dev.rekey.throttle.internal;

import dev.rekey.throttle.SignInDecision;
import dev.rekey.throttle.SignInThrottle;
import dev.rekey.throttle.SignInThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;

@Service
class CountingSignInThrottle implements SignInThrottle {

  private final Counters counters;
  private final SignInThrottleProperties properties;
  private final Clock clock;

  CountingSignInThrottle(Counters counters, SignInThrottleProperties properties, Clock clock) {
    this.counters = counters;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public SignInDecision check(String userId, String clientIp) {
    Instant now = clock.instant();
    var client = counters.read(clientKey(clientIp), properties.clientWindow());
    if (client.isPresent() && client.get().hits() >= properties.clientFailures()) {
      return SignInDecision.refuse(client.get().windowStart().plus(properties.clientWindow()));
    }
    var pair = counters.read(pairKey(userId, clientIp), properties.accountWindow());
    if (pair.isPresent()) {
      Duration wait = backoff(pair.get().hits(), properties.maxClientWait());
      Instant next = pair.get().lastHit().plus(wait);
      if (next.isAfter(now)) {
        return SignInDecision.refuse(next);
      }
    }
    int accountFailures =
        counters
            .read(accountKey(userId), properties.accountWindow())
            .map(Counters.Counter::hits)
            .orElse(0);
    return SignInDecision.allow(backoff(accountFailures, properties.maxDelay()));
  }

  @Override
  public void recordFailure(String userId, String clientIp) {
    counters.increment(accountKey(userId), properties.accountWindow());
    counters.increment(pairKey(userId, clientIp), properties.accountWindow());
    counters.increment(clientKey(clientIp), properties.clientWindow());
  }

  @Override
  public void recordSuccess(String userId, String clientIp) {
    counters.clear(accountKey(userId));
    counters.clear(pairKey(userId, clientIp));
  }

  /**
   * No delay while fewer than the free failures have happened; from the free-th failure on, base,
   * 2×base, 4×base… up to the cap (zero free failures behaves like one: no delay before any).
   */
  Duration backoff(int failures, Duration cap) {
    int free = Math.max(1, properties.freeFailures());
    if (failures < free) {
      return Duration.ZERO;
    }
    long factor = 1L << Math.min(failures - free, 30);
    Duration delay = properties.baseDelay().multipliedBy(factor);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  private static String accountKey(String userId) {
    return "a:" + normalise(userId);
  }

  private static String pairKey(String userId, String clientIp) {
    return "p:" + clientIp + "|" + normalise(userId);
  }

  private static String clientKey(String clientIp) {
    return "c:" + clientIp;
  }

  private static String normalise(String userId) {
    String id = userId.strip().toLowerCase(Locale.ROOT);
    return id.length() > 320 ? id.substring(0, 320) : id;
  }
}
