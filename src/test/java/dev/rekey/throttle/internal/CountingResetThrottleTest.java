package dev.rekey.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.throttle.FlowStartDecision;
import dev.rekey.throttle.ResetDecision;
import dev.rekey.throttle.ResetThrottle;
import dev.rekey.throttle.ResetThrottle.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SPEC §5.1 with its default numbers, against the real database; time moves on a test clock. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-reset-throttle-test")
class CountingResetThrottleTest {

  static final Duration DAY = Duration.ofHours(24);

  @Autowired ResetThrottle throttle;
  @Autowired TestClock clock;
  @Autowired PlatformTransactionManager transactions;

  static UUID account() {
    return UUID.randomUUID();
  }

  static String ip() {
    var random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
  }

  private void fail(UUID account, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.failure(account).allowed()).as("failure %d", i + 1).isTrue();
    }
  }

  @Test
  void fourFailuresDoNotBlockTheFifthBlocksForTwentyFourHours() {
    UUID account = account();
    fail(account, 4);
    assertThat(throttle.blockedUntil(account)).isEmpty();

    ResetDecision fifth = throttle.failure(account);

    Instant until = clock.instant().plus(DAY);
    assertThat(fifth).isEqualTo(new ResetDecision(false, fifth.blockedUntil(), true));
    assertThat(fifth.blockedUntil()).isCloseTo(until, within());
    assertThat(throttle.blockedUntil(account))
        .hasValueSatisfying(u -> assertThat(u).isCloseTo(until, within()));
    assertThat(throttle.blockedUntil(account())).as("another account").isEmpty();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    UUID account = account();
    fail(account, 4);
    clock.advance(DAY.minusMinutes(1));
    assertThat(throttle.failure(account).allowed()).as("5th within 24 h").isFalse();

    UUID other = account();
    fail(other, 4);
    clock.advance(DAY.plusSeconds(1));
    fail(other, 4);
    assertThat(throttle.blockedUntil(other)).as("the window restarted").isEmpty();
    assertThat(throttle.failure(other).newlyBlocked()).as("5th of the new window").isTrue();
  }

  @Test
  void fiveValidationsAnHourAreAllowedTheSixthBlocks() {
    UUID account = account();
    for (Kind kind : new Kind[] {Kind.APP, Kind.PHONE, Kind.QUESTIONS, Kind.APP, Kind.PHONE}) {
      assertThat(throttle.attempt(account, kind)).isEqualTo(ResetDecision.allow());
    }
    assertThat(throttle.attempt(account, Kind.EMAIL).allowed()).as("email counts apart").isTrue();

    ResetDecision sixth = throttle.attempt(account, Kind.APP);

    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.newlyBlocked()).isTrue();
    assertThat(sixth.blockedUntil()).isCloseTo(clock.instant().plus(DAY), within());
  }

  @Test
  void validationsOfAnEarlierHourDoNotCount() {
    UUID account = account();
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.attempt(account, Kind.QUESTIONS).allowed()).isTrue();
    }
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.attempt(account, Kind.PHONE).allowed()).isTrue();
    }
    assertThat(throttle.attempt(account, Kind.PHONE).allowed()).isFalse();
  }

  @Test
  void tenEmailsInTenMinutesAreAllowedTheEleventhBlocks() {
    UUID account = account();
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.attempt(account, Kind.EMAIL).allowed()).as("email %d", i + 1).isTrue();
      clock.advance(Duration.ofSeconds(50));
    }
    ResetDecision eleventh = throttle.attempt(account, Kind.EMAIL);
    assertThat(eleventh.allowed()).isFalse();
    assertThat(eleventh.newlyBlocked()).isTrue();

    UUID later = account();
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.attempt(later, Kind.EMAIL).allowed()).isTrue();
    }
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(throttle.attempt(later, Kind.EMAIL).allowed()).as("a new window").isTrue();
  }

  @Test
  void aBlockAnswersTheSameEndWithoutBlockingAgainAndLiftsAfterTwentyFourHours() {
    UUID account = account();
    fail(account, 4);
    Instant until = throttle.failure(account).blockedUntil();

    assertThat(throttle.attempt(account, Kind.APP)).isEqualTo(ResetDecision.blocked(until, false));
    assertThat(throttle.failure(account)).isEqualTo(ResetDecision.blocked(until, false));
    assertThat(throttle.attempt(account, Kind.EMAIL))
        .isEqualTo(ResetDecision.blocked(until, false));

    clock.advance(DAY.minusSeconds(1));
    assertThat(throttle.blockedUntil(account)).contains(until);
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.blockedUntil(account)).isEmpty();
    assertThat(throttle.attempt(account, Kind.APP).allowed()).isTrue();
    fail(account, 4);
    assertThat(throttle.failure(account).newlyBlocked()).as("a later block is new again").isTrue();
  }

  @Test
  void aSuccessfulResetClearsTheAccountsCounters() {
    UUID account = account();
    fail(account, 4);
    for (int i = 0; i < 5; i++) {
      throttle.attempt(account, Kind.APP);
    }

    throttle.clear(account);

    fail(account, 4);
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.attempt(account, Kind.APP).allowed()).isTrue();
    }
    assertThat(throttle.blockedUntil(account)).isEmpty();
  }

  @Test
  void anAdminLiftsTheBlockAndClearsTheCounters() {
    UUID account = account();
    fail(account, 3);
    for (int i = 0; i < 6; i++) {
      throttle.attempt(account, Kind.PHONE);
    }
    assertThat(throttle.blockedUntil(account)).isPresent();

    throttle.lift(account);

    assertThat(throttle.blockedUntil(account)).isEmpty();
    assertThat(throttle.attempt(account, Kind.PHONE).allowed()).isTrue();
    fail(account, 4);
  }

  @Test
  void aFailureCountsEvenWhenTheCallersTransactionRollsBack() {
    UUID account = account();
    var transaction = new TransactionTemplate(transactions);
    for (int i = 0; i < 4; i++) {
      transaction.executeWithoutResult(
          status -> {
            throttle.failure(account);
            status.setRollbackOnly();
          });
    }
    assertThat(throttle.failure(account).newlyBlocked()).isTrue();
  }

  @Test
  void thirtyFlowStartsPerAddressInTenMinutesTheThirtyFirstWaits() {
    String ip = ip();
    Instant first = clock.instant();
    for (int i = 0; i < 30; i++) {
      assertThat(throttle.startFlow(ip)).as("start %d", i + 1).isEqualTo(FlowStartDecision.allow());
      clock.advance(Duration.ofSeconds(10));
    }

    FlowStartDecision refused = throttle.startFlow(ip);

    assertThat(refused.allowed()).isFalse();
    Duration expected = Duration.between(clock.instant(), first.plus(Duration.ofMinutes(10)));
    assertThat(refused.retryAfter()).isPositive().isCloseTo(expected, Duration.ofSeconds(1));
    assertThat(throttle.startFlow(ip()).allowed()).as("another address").isTrue();

    clock.advance(refused.retryAfter().plusSeconds(1));
    assertThat(throttle.startFlow(ip).allowed()).as("window over").isTrue();
  }

  private static org.assertj.core.data.TemporalUnitOffset within() {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        1, java.time.temporal.ChronoUnit.SECONDS);
  }
}
