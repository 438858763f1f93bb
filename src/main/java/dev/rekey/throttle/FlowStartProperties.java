package dev.rekey.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client limit on reset flow starts ({@code rekey.throttle.flow-starts-per-ip} as SPEC §5.1
 * names it, and {@code rekey.throttle.flow-start-window}). Operators whose users share one address
 * behind a NAT raise the limit.
 *
 * @param flowStartsPerIp flow starts allowed from one client address per window
 * @param flowStartWindow the window
 */
@ConfigurationProperties("rekey.throttle")
public record FlowStartProperties(
    @DefaultValue("30") int flowStartsPerIp, @DefaultValue("10m") Duration flowStartWindow) {

  public FlowStartProperties {
    if (flowStartsPerIp < 1 || flowStartsPerIp > 1_000_000) {
      throw new IllegalArgumentException(
          "rekey.throttle.flow-starts-per-ip must be between 1 and 1000000, was "
              + flowStartsPerIp);
    }
    ResetThrottleProperties.window(
        "rekey.throttle.flow-start-window", flowStartWindow, Duration.ofDays(1));
  }
}
