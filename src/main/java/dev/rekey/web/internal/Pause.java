package dev.rekey.web.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/** Holds a throttled sign-in attempt; a bean so tests can replace the waiting. */
@Component
class Pause {

  void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
