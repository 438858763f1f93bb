package dev.rekey.methods;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a user counts as registered (SPEC §3): at least {@code required} different kinds of method
 * among {@code counted}, and at least one of them strong (app, phone, security key). The one rule
 * behind {@link Requirements#isRegistered()} and the admin console's "registered" filter.
 *
 * @param counted the kinds that count: what the policy offers, or the administrators' fixed set
 * @param required how many different kinds a reset needs
 */
public record RegistrationRule(Set<MethodType> counted, int required) {

  public RegistrationRule {
    counted = counted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(counted));
  }

  /** The counted kinds that are strong; a registered user has one of these. */
  public Set<MethodType> strongTypes() {
    EnumSet<MethodType> strong = EnumSet.noneOf(MethodType.class);
    counted.stream().filter(MethodType::strong).forEach(strong::add);
    return strong;
  }

  /** Whether a user with methods of these kinds is registered. */
  public boolean isMetBy(Set<MethodType> kinds) {
    Set<MethodType> counting = EnumSet.noneOf(MethodType.class);
    kinds.stream().filter(counted::contains).forEach(counting::add);
    return counting.size() >= required && counting.stream().anyMatch(MethodType::strong);
  }
}
