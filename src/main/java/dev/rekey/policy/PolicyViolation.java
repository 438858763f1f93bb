package dev.rekey.policy;

import java.util.List;

/**
 * One reason a policy change was refused.
 *
 * @param field the policy document's JSON field name, such as {@code reconfirmDays}
 * @param messageKey the message explaining the rule, in the {@code policy} bundle
 * @param arguments the message's arguments (limits such as 730)
 */
public record PolicyViolation(String field, String messageKey, List<Object> arguments) {

  public PolicyViolation {
    arguments = List.copyOf(arguments);
  }

  public static PolicyViolation of(String field, String messageKey, Object... arguments) {
    return new PolicyViolation(field, messageKey, List.of(arguments));
  }

  public Object[] argumentArray() {
    return arguments.toArray();
  }
}
