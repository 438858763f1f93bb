package dev.rekey.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RekeyTest;
import dev.rekey.throttle.ResetDecision;
import dev.rekey.throttle.ResetThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counting is exact under concurrency: threads stand in for nodes, all hitting the same database
 * rows at once, on H2 and on PostgreSQL.
 */
@RekeyTest
class ConcurrentCountingTest {

  static final int THREADS = 8;

  @Autowired Counters counters;
  @Autowired ResetThrottle throttle;

  @Test
  void concurrentIncrementsEachSeeADifferentCountAndNoneIsLost() throws Exception {
    String key = "test:" + UUID.randomUUID();
    int perThread = 25;
    var seen = new ConcurrentLinkedQueue<Integer>();

    runTogether(
        () -> {
          for (int i = 0; i < perThread; i++) {
            seen.add(counters.increment(key, Duration.ofHours(1)).hits());
          }
          return null;
        });

    int total = THREADS * perThread;
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
    assertThat(counters.read(key, Duration.ofHours(1)).orElseThrow().hits()).isEqualTo(total);
  }

  @Test
  void concurrentValidationsAllowExactlyFiveAndBlockOnce() throws Exception {
    UUID account = UUID.randomUUID();
    var decisions = new ConcurrentLinkedQueue<ResetDecision>();

    runTogether(
        () -> {
          for (int i = 0; i < 3; i++) {
            decisions.add(throttle.attempt(account, ResetThrottle.Kind.APP));
          }
          return null;
        });

    assertThat(decisions).hasSize(THREADS * 3);
    assertThat(decisions).filteredOn(ResetDecision::allowed).hasSize(5);
    assertThat(decisions).filteredOn(ResetDecision::newlyBlocked).hasSize(1);
    assertThat(throttle.blockedUntil(account)).isPresent();
  }

  private static void runTogether(Callable<Void> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      var start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
