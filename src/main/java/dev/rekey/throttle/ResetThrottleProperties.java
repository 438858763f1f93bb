package dev.rekey.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-service reset throttling ({@code rekey.throttle.reset.*}); the defaults are Microsoft
 * Entra's published limits (SPEC §5.1). The per-client flow-start limit is {@link
 * FlowStartProperties}.
 *
 * @param failures failed verifications per account within {@code failureWindow} that block SSPR
 * @param failureWindow how long failed verifications count
 * @param validations app, phone and question validations per account allowed per {@code
 *     validationWindow}; the next one blocks SSPR
 * @param validationWindow the window of {@code validations}
 * @param emails emails per account allowed per {@code emailWindow}; the next one blocks SSPR
 * @param emailWindow the window of {@code emails}
 * @param blockDuration how long SSPR stays blocked for the account
 */
@ConfigurationProperties("rekey.throttle.reset")
public record ResetThrottleProperties(
    @DefaultValue("5") int failures,
    @DefaultValue("24h") Duration failureWindow,
    @DefaultValue("5") int validations,
    @DefaultValue("1h") Duration validationWindow,
    @DefaultValue("10") int emails,
    @DefaultValue("10m") Duration emailWindow,
    @DefaultValue("24h") Duration blockDuration) {

  public ResetThrottleProperties {
    count(PREFIX + "failures", failures);
    count(PREFIX + "validations", validations);
    count(PREFIX + "emails", emails);
    window(PREFIX + "failure-window", failureWindow, Duration.ofDays(30));
    window(PREFIX + "validation-window", validationWindow, Duration.ofDays(30));
    window(PREFIX + "email-window", emailWindow, Duration.ofDays(30));
    window(PREFIX + "block-duration", blockDuration, Duration.ofDays(30));
  }

  static final String PREFIX = "rekey.throttle.reset.";

  /** A window from one second up to a maximum; fails at start-up, not at first use. */
  static void window(String property, Duration value, Duration max) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          property + " must be between 1s and " + max + ", was " + value);
    }
  }

  static void count(String property, int value) {
    if (value < 1 || value > 1000) {
      throw new IllegalArgumentException(property + " must be between 1 and 1000, was " + value);
    }
  }

  /** The longest window, for purging old counters. */
  public Duration longestWindow() {
    Duration longest = failureWindow;
    for (Duration d : new Duration[] {validationWindow, emailWindow}) {
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }
}
