package dev.rekey.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.support.RequiredServices;
import dev.rekey.support.TestClock;
import dev.rekey.throttle.ThrottleUnavailable;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RedisCounters} keeps the promises of {@link Counters} against a real Redis: a fixed window
 * opening at the first hit, exact counts under concurrency (threads standing in for nodes, each
 * with its own connection), expiry with the window. Keys have a prefix of their own and are
 * removed.
 */
@ExtendWith(RequiredServices.Redis.class)
class RedisCountersTest {

  static final Duration WINDOW = Duration.ofMinutes(10);

  final String prefix = "rekey-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  final TestClock clock = new TestClock();
  final List<RedisConnection> connections = new ArrayList<>();
  RedisCounters counters;

  RedisCounters counters() {
    RedisConnection connection =
        new RedisConnection(
            new RedisProperties(RequiredServices.REDIS_URL, prefix, Duration.ofSeconds(2)));
    connections.add(connection);
    return new RedisCounters(connection, clock);
  }

  @BeforeEach
  void connect() {
    counters = counters();
  }

  @AfterEach
  void removeKeysAndDisconnect() {
    RedisConnection any = connections.get(0);
    List<String> keys = keys(any);
    if (!keys.isEmpty()) {
      any.run(r -> r.del(keys.toArray(String[]::new)));
    }
    connections.forEach(RedisConnection::destroy);
  }

  @Test
  void theWindowOpensAtTheFirstHitAndRestartsWhenItHasClosed() {
    var first = counters.increment("k", WINDOW);
    assertThat(first.hits()).isEqualTo(1);
    assertThat(first.windowStart()).isEqualTo(first.lastHit());
    clock.advance(Duration.ofMinutes(9));
    var second = counters.increment("k", WINDOW);
    assertThat(second.hits()).isEqualTo(2);
    assertThat(second.windowStart()).isEqualTo(first.windowStart());
    assertThat(second.lastHit()).isAfter(first.lastHit());
    assertThat(counters.read("k", WINDOW)).contains(second);

    clock.advance(Duration.ofMinutes(1));
    assertThat(counters.read("k", WINDOW)).as("closed at window start + window").isEmpty();
    var third = counters.increment("k", WINDOW);
    assertThat(third.hits()).isEqualTo(1);
    assertThat(third.windowStart()).isEqualTo(third.lastHit()).isAfter(first.windowStart());
  }

  @Test
  void aKeyExpiresWhenItsWindowCloses() {
    counters.increment("ttl", WINDOW);
    clock.advance(Duration.ofMinutes(4));
    counters.increment("ttl", WINDOW);
    long ttl = connections.get(0).run(r -> r.pttl(prefix + "ttl"));
    // Six minutes of the window are left, whatever the wall clock says.
    assertThat(ttl).isBetween(Duration.ofMinutes(6).minusSeconds(5).toMillis(), 360_000L);
    assertThat(counters.purgeOlderThan(clock.instant())).isZero();
  }

  @Test
  void clearForgetsTheCounter() {
    counters.increment("c", WINDOW);
    counters.clear("c");
    assertThat(counters.read("c", WINDOW)).isEmpty();
    assertThat(keys(connections.get(0))).isEmpty();
  }

  @Test
  void concurrentIncrementsOnSeveralConnectionsEachSeeADifferentCount() throws Exception {
    int threads = 6;
    int perThread = 30;
    List<RedisCounters> nodes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      nodes.add(counters());
    }
    var seen = new ConcurrentLinkedQueue<Integer>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (RedisCounters node : nodes) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    seen.add(node.increment("shared", WINDOW).hits());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int total = threads * perThread;
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
    assertThat(counters.read("shared", WINDOW).orElseThrow().hits()).isEqualTo(total);
  }

  @Test
  void aConnectionRedisDropsIsReopenedAndTheCountGoesOn() throws InterruptedException {
    assertThat(counters.increment("drop", WINDOW).hits()).isEqualTo(1);
    RedisConnection mine = connections.get(0);
    long id = mine.run(r -> r.clientId());
    RedisConnection other =
        new RedisConnection(
            new RedisProperties(RequiredServices.REDIS_URL, prefix, Duration.ofSeconds(2)));
    connections.add(other);
    Long killed = other.run(r -> r.clientKill(io.lettuce.core.KillArgs.Builder.id(id)));
    assertThat(killed).isEqualTo(1L);
    Integer hits = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (hits == null && System.nanoTime() < deadline) {
      try {
        hits = counters.increment("drop", WINDOW).hits();
      } catch (ThrottleUnavailable whileReconnecting) {
        Thread.sleep(50);
      }
    }
    assertThat(hits).isEqualTo(2);
  }

  @Test
  void aRedisThatDoesNotAnswerFailsClosedQuickly() {
    RedisConnection down =
        new RedisConnection(
            new RedisProperties("redis://127.0.0.1:1", prefix, Duration.ofMillis(500)));
    try {
      RedisCounters unavailable = new RedisCounters(down, clock);
      long started = System.nanoTime();
      assertThatThrownBy(() -> unavailable.increment("x", WINDOW))
          .isInstanceOf(ThrottleUnavailable.class);
      assertThatThrownBy(() -> unavailable.read("x", WINDOW))
          .isInstanceOf(ThrottleUnavailable.class);
      // Clearing is best effort: nothing to undo when it fails.
      unavailable.clear("x");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      down.destroy();
    }
  }

  private List<String> keys(RedisConnection connection) {
    return connection.run(
        r -> {
          List<String> keys = new ArrayList<>();
          ScanIterator.scan(r, ScanArgs.Builder.matches(prefix + "*")).forEachRemaining(keys::add);
          return keys;
        });
  }
}
