package dev.rekey.policy.internal;

import dev.rekey.directory.Groups;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.PredefinedQuestions;
import dev.rekey.policy.SsprPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The ranges and rules of SPEC §3, checked on a whole policy, in the document's field order. */
@Component
class SsprPolicyValidator {

  static final int MAX_CUSTOM_QUESTIONS = 20;
  static final int MIN_QUESTION_TEXT = 3;
  static final int MAX_QUESTION_TEXT = 200;
  static final int MAX_RECONFIRM_DAYS = 730;
  static final int MAX_BANNED_TERMS = 1000;
  static final int MIN_BANNED_TERM = 4;
  static final int MAX_BANNED_TERM = 16;

  private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Groups groups;

  SsprPolicyValidator(Groups groups) {
    this.groups = groups;
  }

  List<PolicyViolation> validate(UUID tenantId, SsprPolicy policy) {
    List<PolicyViolation> out = new ArrayList<>();
    UUID group = policy.selectedGroup();
    if (group == null && policy.enabledFor() == EnabledFor.SELECTED) {
      out.add(PolicyViolation.of("selectedGroup", "policy.selectedGroup.required"));
    } else if (group != null
        && groups.findById(group).filter(g -> g.tenantId().equals(tenantId)).isEmpty()) {
      out.add(PolicyViolation.of("selectedGroup", "policy.selectedGroup.unknown"));
    }
    methods(policy, out);
    range(out, "questionsRequiredToRegister", policy.questionsRequiredToRegister(), 3, 5);
    range(out, "questionsRequiredToReset", policy.questionsRequiredToReset(), 3, 5);
    if (policy.questionsRequiredToReset() > policy.questionsRequiredToRegister()) {
      out.add(
          PolicyViolation.of(
              "questionsRequiredToReset", "policy.questionsRequiredToReset.aboveRegister"));
    }
    questions(policy, out);
    range(out, "reconfirmDays", policy.reconfirmDays(), 0, MAX_RECONFIRM_DAYS);
    String link = policy.helpdeskLink();
    if (link != null && !HelpdeskLinks.isValid(link)) {
      out.add(PolicyViolation.of("helpdeskLink", "policy.helpdeskLink.invalid"));
    }
    bannedTerms(policy.customBannedPasswords(), out);
    range(
        out,
        "passwordMinLength",
        policy.passwordMinLength(),
        SsprPolicy.DEFAULT_PASSWORD_MIN_LENGTH,
        SsprPolicy.MAX_PASSWORD_MIN_LENGTH);
    return out;
  }

  private static void methods(SsprPolicy policy, List<PolicyViolation> out) {
    if (policy.methodsAvailable().isEmpty()) {
      out.add(PolicyViolation.of("methodsAvailable", "policy.methodsAvailable.empty"));
    } else if (policy.methodsAvailable().stream().noneMatch(AuthMethodType::isStrong)) {
      // Email and questions only ever count as a second method (SPEC §3, stricter than the seed).
      out.add(PolicyViolation.of("methodsAvailable", "policy.methodsAvailable.strong"));
    }
    int required = policy.methodsRequiredToReset();
    range(out, "methodsRequiredToReset", required, 1, 2);
    if (required == 2 && policy.methodsAvailable().size() == 1) {
      out.add(PolicyViolation.of("methodsRequiredToReset", "policy.methodsRequiredToReset.few"));
    }
  }

  private static void questions(SsprPolicy policy, List<PolicyViolation> out) {
    policy.predefinedQuestionIds().stream()
        .filter(id -> !PredefinedQuestions.isKnown(id))
        .findFirst()
        .ifPresent(
            id ->
                out.add(
                    PolicyViolation.of(
                        "predefinedQuestionIds", "policy.predefinedQuestionIds.unknown", id)));
    if (policy.offers(AuthMethodType.SECURITY_QUESTIONS)
        && policy.questionsDefined() < policy.questionsRequiredToRegister()) {
      out.add(
          PolicyViolation.of(
              "predefinedQuestionIds",
              "policy.predefinedQuestionIds.tooFew",
              policy.questionsRequiredToRegister()));
    }
    List<CustomQuestion> custom = policy.customQuestions();
    if (custom.size() > MAX_CUSTOM_QUESTIONS) {
      out.add(
          PolicyViolation.of(
              "customQuestions", "policy.customQuestions.tooMany", MAX_CUSTOM_QUESTIONS));
    }
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (int i = 0; i < custom.size(); i++) {
      CustomQuestion question = custom.get(i);
      int length = question.text().codePointCount(0, question.text().length());
      String key = null;
      if (length < MIN_QUESTION_TEXT || length > MAX_QUESTION_TEXT) {
        key = "policy.customQuestions.length";
      } else if (!texts.add(question.text().toLowerCase(Locale.ROOT))) {
        key = "policy.customQuestions.duplicate";
      } else if (question.id() == null
          || !QUESTION_ID.matcher(question.id()).matches()
          || PredefinedQuestions.isKnown(question.id())
          || !ids.add(question.id())) {
        key = "policy.customQuestions.id";
      }
      if (key != null) {
        out.add(
            PolicyViolation.of(
                "customQuestions", key, i + 1, MIN_QUESTION_TEXT, MAX_QUESTION_TEXT));
        return;
      }
    }
  }

  private static void bannedTerms(List<String> terms, List<PolicyViolation> out) {
    if (terms.size() > MAX_BANNED_TERMS) {
      out.add(
          PolicyViolation.of(
              "customBannedPasswords", "policy.customBannedPasswords.tooMany", MAX_BANNED_TERMS));
    }
    terms.stream()
        .filter(
            t ->
                t.codePointCount(0, t.length()) < MIN_BANNED_TERM
                    || t.codePointCount(0, t.length()) > MAX_BANNED_TERM)
        .findFirst()
        .ifPresent(
            t ->
                out.add(
                    PolicyViolation.of(
                        "customBannedPasswords",
                        "policy.customBannedPasswords.length",
                        t,
                        MIN_BANNED_TERM,
                        MAX_BANNED_TERM)));
  }

  private static void range(List<PolicyViolation> out, String field, int value, int min, int max) {
    if (value < min || value > max) {
      out.add(PolicyViolation.of(field, "policy." + field + ".range", min, max));
    }
  }
}
