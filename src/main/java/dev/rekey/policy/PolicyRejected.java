package dev.rekey.policy;

import java.util.List;

/** A policy change was refused; nothing was saved. Carries every rule the change broke. */
public class PolicyRejected extends RuntimeException {

  private final transient List<PolicyViolation> violations;

  public PolicyRejected(List<PolicyViolation> violations) {
    super("SSPR policy rejected: " + violations.stream().map(PolicyViolation::field).toList());
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("A rejection needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  /** The broken rules, in the order of the policy document's fields. */
  public List<PolicyViolation> violations() {
    return violations;
  }
}
