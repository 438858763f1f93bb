package dev.rekey.policy.internal;

import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** Converts between the policy and the admin page's form, one text line per list entry. */
final class PolicyForms {

  private static final int MAX_NUMBER_LENGTH = 9;

  private PolicyForms() {}

  static PolicyForm of(SsprPolicy p) {
    PolicyForm form = new PolicyForm();
    form.setEnabledFor(p.enabledFor().code());
    form.setSelectedGroup(p.selectedGroup() == null ? "" : p.selectedGroup().toString());
    form.setMethodsAvailable(p.methodsAvailable().stream().map(AuthMethodType::code).toList());
    form.setMethodsRequiredToReset(String.valueOf(p.methodsRequiredToReset()));
    form.setQuestionsRequiredToRegister(String.valueOf(p.questionsRequiredToRegister()));
    form.setQuestionsRequiredToReset(String.valueOf(p.questionsRequiredToReset()));
    form.setPredefinedQuestionIds(p.predefinedQuestionIds());
    form.setCustomQuestions(
        String.join("\n", p.customQuestions().stream().map(CustomQuestion::text).toList()));
    form.setRequireRegistrationAtSignIn(p.requireRegistrationAtSignIn());
    form.setReconfirmDays(String.valueOf(p.reconfirmDays()));
    form.setNotifyUsersOnReset(p.notifyUsersOnReset());
    form.setNotifyAdminsOnAdminReset(p.notifyAdminsOnAdminReset());
    form.setHelpdeskLink(p.helpdeskLink() == null ? "" : p.helpdeskLink());
    form.setWritebackEnabled(p.writebackEnabled());
    form.setAllowUnlockWithoutReset(p.allowUnlockWithoutReset());
    form.setUniformResponses(p.uniformResponses());
    form.setCustomBannedPasswords(String.join("\n", p.customBannedPasswords()));
    form.setPasswordMinLength(String.valueOf(p.passwordMinLength()));
    form.setRequireCharacterClasses(p.requireCharacterClasses());
    return form;
  }

  /**
   * The change the form asks for: every setting, since the page always shows them all. What does
   * not parse is rejected in {@code errors} and left unchanged in the result.
   */
  static SsprPolicyChanges toChanges(PolicyForm form, SsprPolicy current, Errors errors) {
    EnabledFor enabledFor =
        EnabledFor.fromCode(Objects.toString(form.getEnabledFor(), "")).orElse(null);
    if (enabledFor == null) {
      errors.rejectValue("enabledFor", "policy.enabledFor.required");
    }
    Set<AuthMethodType> methods = EnumSet.noneOf(AuthMethodType.class);
    form.getMethodsAvailable()
        .forEach(code -> AuthMethodType.fromCode(code).ifPresent(methods::add));
    return new SsprPolicyChanges(
        enabledFor,
        Objects.toString(form.getSelectedGroup(), ""),
        methods,
        number("methodsRequiredToReset", form.getMethodsRequiredToReset(), errors),
        number("questionsRequiredToRegister", form.getQuestionsRequiredToRegister(), errors),
        number("questionsRequiredToReset", form.getQuestionsRequiredToReset(), errors),
        form.getPredefinedQuestionIds(),
        questions(form.getCustomQuestions(), current.customQuestions()),
        form.isRequireRegistrationAtSignIn(),
        number("reconfirmDays", form.getReconfirmDays(), errors),
        form.isNotifyUsersOnReset(),
        form.isNotifyAdminsOnAdminReset(),
        Objects.toString(form.getHelpdeskLink(), ""),
        form.isWritebackEnabled(),
        form.isAllowUnlockWithoutReset(),
        form.isUniformResponses(),
        lines(form.getCustomBannedPasswords()),
        number("passwordMinLength", form.getPasswordMinLength(), errors),
        form.isRequireCharacterClasses());
  }

  /** A whole number, or {@code null} (keep) with a field error when it is none. */
  private static @Nullable Integer number(String field, @Nullable String text, Errors errors) {
    String value = text == null ? "" : text.strip();
    if (value.matches("-?[0-9]{1," + MAX_NUMBER_LENGTH + "}")) {
      return Integer.valueOf(value);
    }
    errors.rejectValue(field, "policy.number.invalid");
    return null;
  }

  /** One question per line; a line equal to an existing question keeps that question's id. */
  private static List<CustomQuestion> questions(
      @Nullable String text, List<CustomQuestion> existing) {
    List<CustomQuestion> questions = new ArrayList<>();
    for (String line : lines(text)) {
      String id =
          existing.stream()
              .filter(q -> q.text().equals(line))
              .map(CustomQuestion::id)
              .findFirst()
              .orElse(null);
      questions.add(new CustomQuestion(id, line));
    }
    return questions;
  }

  private static List<String> lines(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
