package dev.rekey.throttle.internal;

import dev.rekey.throttle.FlowStartProperties;
import dev.rekey.throttle.ResetThrottleProperties;
import dev.rekey.throttle.SignInThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the shared counter and block storage small: forgets counters not hit for longer than the
 * longest window any throttle uses, and blocks that ended.
 */
@Component
class ThrottlePurge {

  private final Counters counters;
  private final Blocks blocks;
  private final Duration longestWindow;
  private final Clock clock;

  ThrottlePurge(
      Counters counters,
      Blocks blocks,
      SignInThrottleProperties signIn,
      ResetThrottleProperties reset,
      FlowStartProperties flowStarts,
      Clock clock) {
    this.counters = counters;
    this.blocks = blocks;
    this.clock = clock;
    this.longestWindow =
        Stream.of(
                signIn.accountWindow(),
                signIn.clientWindow(),
                reset.longestWindow(),
                flowStarts.flowStartWindow())
            .max(Duration::compareTo)
            .orElseThrow();
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void purge() {
    Instant now = clock.instant();
    counters.purgeOlderThan(now.minus(longestWindow));
    blocks.purgeEndedBefore(now);
  }
}
