package dev.rekey.captcha;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CAPTCHA settings ({@code rekey.captcha.*}).
 *
 * @param maxNumber the largest secret number; the client tries on average half of this many hashes.
 *     Higher is slower for bots <em>and</em> for people on slow devices: 100,000 takes well under a
 *     second on a phone.
 * @param ttl how long a challenge may be solved and redeemed (SPEC Appendix A: 10 minutes)
 */
@Validated
@ConfigurationProperties("rekey.captcha")
public record CaptchaProperties(
    @DefaultValue("100000") @Min(1) @Max(100_000_000) long maxNumber,
    @DefaultValue("10m") Duration ttl) {

  public CaptchaProperties {
    if (ttl.compareTo(Duration.ofSeconds(30)) < 0 || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("rekey.captcha.ttl must be between 30s and 1d");
    }
  }
}
