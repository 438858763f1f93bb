package dev.rekey.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.throttle.SignInDecision;
import dev.rekey.throttle.SignInThrottle;
import dev.rekey.throttle.SignInThrottleProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@RekeyTest
@TestPropertySource(
    properties = {
      "rekey.throttle.signin.free-failures=3",
      "rekey.throttle.signin.base-delay=1s",
      "rekey.throttle.signin.max-delay=5s",
      "rekey.throttle.signin.max-client-wait=15m",
      "rekey.throttle.signin.client-failures=10",
      "rekey.throttle.signin.account-window=24h",
      "rekey.throttle.signin.client-window=1h"
    })
class CountingSignInThrottleTest {

  @Autowired SignInThrottle throttle;
  @Autowired Counters counters;
  @Autowired SignInThrottleProperties properties;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ThrottlePurge purge;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void withoutRedisTheDatabaseKeepsTheCountersAndNothingConnectsToRedis() {
    assertThat(counters).isInstanceOf(JdbcCounters.class);
    assertThat(context.getBeansOfType(RedisConnection.class)).isEmpty();
    assertThat(context.containsBean("redisHealthIndicator")).isFalse();
  }

  static String user() {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
  }

  static String ip() {
    return "10."
        + (int) (Math.random() * 250)
        + "."
        + (int) (Math.random() * 250)
        + "."
        + (int) (Math.random() * 250);
  }

  void fail(String user, String ip, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(user, ip);
    }
  }

  @Test
  void clientIsRefusedForTheRestOfItsWindowAfterClientFailuresOverAllAccounts() {
    String ip = ip();
    for (int i = 0; i < 9; i++) {
      fail(user(), ip, 1);
    }
    assertThat(throttle.check(user(), ip).refused()).isFalse();

    fail(user(), ip, 1);

    SignInDecision decision = throttle.check(user(), ip);
    assertThat(decision.refused()).isTrue();
    assertThat(decision.refusedUntil()).isAfter(clock.instant().plus(Duration.ofMinutes(59)));
    assertThat(throttle.check(user(), ip()).refused()).as("another client").isFalse();

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(throttle.check(user(), ip).refused()).as("window over").isFalse();
  }

  @Test
  void accountAndClientPairWaitsDoublingAfterTheFreeFailures() {
    String user = user();
    String attacker = ip();
    fail(user, attacker, 2);
    assertThat(throttle.check(user, attacker)).isEqualTo(SignInDecision.allow(Duration.ZERO));

    fail(user, attacker, 1);
    SignInDecision third = throttle.check(user, attacker);
    assertThat(third.refused()).isTrue();
    assertThat(Duration.between(clock.instant(), third.refusedUntil()))
        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.check(user, attacker).refused()).isFalse();

    fail(user, attacker, 1);
    SignInDecision fourth = throttle.check(user, attacker);
    assertThat(Duration.between(clock.instant(), fourth.refusedUntil()))
        .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2));
  }

  @Test
  void accountDelayAppliesToEveryClientButNeverRefuses() {
    String user = user();
    for (int i = 0; i < 20; i++) {
      fail(user, ip(), 1);
    }

    SignInDecision fromRealUser = throttle.check(user, ip());

    assertThat(fromRealUser.refused()).isFalse();
    assertThat(fromRealUser.delay()).isEqualTo(properties.maxDelay());
  }

  @Test
  void successClearsTheAccountCountersButNotTheClients() {
    String user = user();
    String ip = ip();
    fail(user, ip, 5);
    assertThat(keys(user, ip)).hasSize(3);

    throttle.recordSuccess(user.toUpperCase(), ip);

    assertThat(keys(user, ip)).containsExactly("c:" + ip);
    assertThat(throttle.check(user, ip)).isEqualTo(SignInDecision.allow(Duration.ZERO));
  }

  @Test
  void accountFailuresAreForgottenWhenTheirWindowEnds() {
    String user = user();
    String ip = ip();
    fail(user, ip, 6);
    assertThat(throttle.check(user, ip()).delay()).isPositive();

    clock.advance(Duration.ofHours(24).plusSeconds(1));

    assertThat(throttle.check(user, ip)).isEqualTo(SignInDecision.allow(Duration.ZERO));
    fail(user, ip, 1);
    assertThat(failures("a:" + user)).as("a new window starts at 1").isEqualTo(1);
  }

  @Test
  void countersLiveInTheSharedTableSoEveryNodeSeesThem() {
    var otherNode = new CountingSignInThrottle(counters, properties, clock);
    String user = user();
    String ip = ip();

    fail(user, ip, 2);
    otherNode.recordFailure(user, ip);
    otherNode.recordFailure(user, ip);

    assertThat(failures("a:" + user)).isEqualTo(4);
    assertThat(failures("p:" + ip + "|" + user)).isEqualTo(4);
    assertThat(failures("c:" + ip)).isEqualTo(4);
    assertThat(otherNode.check(user, ip).refused()).isTrue();
    assertThat(throttle.check(user, ip).refused()).isTrue();
  }

  @Test
  void purgeForgetsOnlyCountersOlderThanTheLongestWindow() {
    String old = user();
    fail(old, ip(), 1);
    clock.advance(Duration.ofHours(25));
    String recent = user();
    fail(recent, ip(), 1);

    purge.purge();

    assertThat(failures("a:" + old)).isZero();
    assertThat(failures("a:" + recent)).isEqualTo(1);
  }

  private List<String> keys(String user, String ip) {
    return jdbc.sql(
            "SELECT throttle_key FROM throttle_counter WHERE throttle_key LIKE ? OR throttle_key = ?")
        .params("%" + user, "c:" + ip)
        .query(String.class)
        .list();
  }

  private int failures(String key) {
    return jdbc.sql("SELECT hits FROM throttle_counter WHERE throttle_key = ?")
        .param(key)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }
}
