package dev.rekey.audit;

import java.util.Locale;
import java.util.Optional;

/** How it ended (SPEC §8). The English label is stored and is the stable value in the API. */
public enum AuditResult {
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  BLOCKED("Blocked"),
  CANCELLED("Cancelled"),
  ABANDONED("Abandoned"),
  CONTACTED_ADMIN("Contacted admin");

  private final String label;

  AuditResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String messageKey() {
    return "audit.result." + name().toLowerCase(Locale.ROOT);
  }

  /** The result with this label or constant name, ignoring case. */
  public static Optional<AuditResult> fromName(String name) {
    String wanted = name.strip();
    for (AuditResult result : values()) {
      if (result.label.equalsIgnoreCase(wanted) || result.name().equalsIgnoreCase(wanted)) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }
}
