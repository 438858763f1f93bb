package dev.rekey.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What "Test connection" found, step by step, so an admin can see what failed and why.
 *
 * @param checks in the order they ran; a failed check stops the ones after it (skipped)
 */
public record ConnectionReport(List<Check> checks) {

  public ConnectionReport {
    checks = List.copyOf(checks);
  }

  public boolean ok() {
    return checks.stream().allMatch(c -> c.outcome() == Outcome.PASSED);
  }

  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  /**
   * One step.
   *
   * @param step what was tried: {@code settings}, {@code connect} (per URL), {@code tls}, {@code
   *     bind}, {@code base}, {@code users}, {@code groups}
   * @param code a message key suffix, {@code directory.test.<step>.<code>}, such as {@code
   *     connect.refused}, {@code tls.untrusted}, {@code bind.invalid_credentials}, {@code
   *     users.found}
   * @param subject what it was about (a URL, a DN), shown as is; never a secret
   * @param detail the server's own words, when it gave any (diagnostic message), shown as is
   * @param count a number for the message (users found), or null
   */
  public record Check(
      String step,
      Outcome outcome,
      String code,
      @Nullable String subject,
      @Nullable String detail,
      @Nullable Integer count) {}
}
