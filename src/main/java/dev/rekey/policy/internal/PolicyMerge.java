package dev.rekey.policy.internal;

import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.PredefinedQuestions;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Applies a change to a policy and tidies what people type: trims, drops blank lines, removes
 * duplicates (banned terms case-insensitively) and gives new custom questions an id. It does not
 * check ranges; {@link SsprPolicyValidator} does that on the result.
 */
final class PolicyMerge {

  private PolicyMerge() {}

  /**
   * @param problems receives what cannot even be merged (a group id that is no id)
   */
  static SsprPolicy apply(
      SsprPolicy current,
      SsprPolicyChanges c,
      Supplier<String> newId,
      List<PolicyViolation> problems) {
    return new SsprPolicy(
        or(c.enabledFor(), current.enabledFor()),
        group(c.selectedGroup(), current.selectedGroup(), problems),
        or(c.methodsAvailable(), current.methodsAvailable()),
        or(c.methodsRequiredToReset(), current.methodsRequiredToReset()),
        or(c.questionsRequiredToRegister(), current.questionsRequiredToRegister()),
        or(c.questionsRequiredToReset(), current.questionsRequiredToReset()),
        c.predefinedQuestionIds() == null
            ? current.predefinedQuestionIds()
            : predefined(c.predefinedQuestionIds()),
        c.customQuestions() == null
            ? current.customQuestions()
            : custom(c.customQuestions(), newId),
        or(c.requireRegistrationAtSignIn(), current.requireRegistrationAtSignIn()),
        or(c.reconfirmDays(), current.reconfirmDays()),
        or(c.notifyUsersOnReset(), current.notifyUsersOnReset()),
        or(c.notifyAdminsOnAdminReset(), current.notifyAdminsOnAdminReset()),
        c.helpdeskLink() == null
            ? current.helpdeskLink()
            : HelpdeskLinks.normalise(c.helpdeskLink()),
        or(c.writebackEnabled(), current.writebackEnabled()),
        or(c.allowUnlockWithoutReset(), current.allowUnlockWithoutReset()),
        or(c.uniformResponses(), current.uniformResponses()),
        c.customBannedPasswords() == null
            ? current.customBannedPasswords()
            : bannedTerms(c.customBannedPasswords()),
        or(c.passwordMinLength(), current.passwordMinLength()),
        or(c.requireCharacterClasses(), current.requireCharacterClasses()));
  }

  /** Known ids in the SPEC's order, then unknown ones (left for the validator to name). */
  static List<String> predefined(List<@Nullable String> ids) {
    Set<String> given = new LinkedHashSet<>();
    ids.stream().filter(Objects::nonNull).map(String::strip).forEach(given::add);
    List<String> ordered = new ArrayList<>();
    PredefinedQuestions.ids().stream().filter(given::contains).forEach(ordered::add);
    given.stream().filter(id -> !PredefinedQuestions.isKnown(id)).forEach(ordered::add);
    return ordered;
  }

  static List<CustomQuestion> custom(
      List<@Nullable CustomQuestion> questions, Supplier<String> newId) {
    List<CustomQuestion> result = new ArrayList<>();
    for (CustomQuestion question : questions) {
      if (question == null) {
        continue;
      }
      String text = question.text() == null ? "" : question.text().strip();
      String id = question.id() == null ? "" : question.id().strip();
      if (text.isEmpty() && id.isEmpty()) {
        continue;
      }
      result.add(new CustomQuestion(id.isEmpty() ? newId.get() : id, text));
    }
    return result;
  }

  /** Trimmed, without blanks, the first spelling of each term kept (case-insensitive). */
  static List<String> bannedTerms(List<@Nullable String> terms) {
    Map<String, String> unique = new LinkedHashMap<>();
    for (String term : terms) {
      String value = term == null ? "" : term.strip();
      if (!value.isEmpty()) {
        unique.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
      }
    }
    return List.copyOf(unique.values());
  }

  private static @Nullable UUID group(
      @Nullable String change, @Nullable UUID current, List<PolicyViolation> problems) {
    if (change == null) {
      return current;
    }
    if (change.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(change.strip());
    } catch (IllegalArgumentException e) {
      problems.add(PolicyViolation.of("selectedGroup", "policy.selectedGroup.unknown"));
      return current;
    }
  }

  private static <T> T or(@Nullable T change, T current) {
    return change != null ? change : current;
  }
}
