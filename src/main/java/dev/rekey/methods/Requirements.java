package dev.rekey.methods;

import java.util.Set;

/**
 * Whether a user meets the SSPR policy (SPEC §3, Appendix A).
 *
 * @param requiredMethods how many methods a reset needs (administrators: always 2)
 * @param registeredMethods how many active methods the user has
 * @param isRegistered enough methods and at least one strong one (app, phone, security key)
 * @param availableTypes what the policy lets this user register
 * @param reconfirmDue the reconfirmation interval has passed since the last review
 */
public record Requirements(
    boolean ssprEnabled,
    int requiredMethods,
    int registeredMethods,
    boolean isRegistered,
    Set<MethodType> availableTypes,
    boolean reconfirmDue) {

  public Requirements {
    availableTypes = Set.copyOf(availableTypes);
  }
}
