package dev.rekey.throttle;

import java.time.Duration;

/**
 * The throttle's answer to a reset flow start from one client address.
 *
 * @param allowed whether the flow may start
 * @param retryAfter when refused, how long until the client may start one again; zero when allowed
 */
public record FlowStartDecision(boolean allowed, Duration retryAfter) {

  public static FlowStartDecision allow() {
    return new FlowStartDecision(true, Duration.ZERO);
  }

  public static FlowStartDecision refuse(Duration retryAfter) {
    return new FlowStartDecision(false, retryAfter);
  }
}
