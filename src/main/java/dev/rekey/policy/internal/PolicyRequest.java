package dev.rekey.policy.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicyChanges;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/v1/admin/policies/sspr}: the policy document, every field optional.
 * {@code selectedGroup} and {@code helpdeskLink} are read as JSON nodes so that an explicit {@code
 * null} (remove it) differs from a missing field (keep it).
 */
record PolicyRequest(
    @Nullable EnabledFor enabledFor,
    @Nullable JsonNode selectedGroup,
    @Nullable Set<AuthMethodType> methodsAvailable,
    @Nullable Integer methodsRequiredToReset,
    @Nullable Integer questionsRequiredToRegister,
    @Nullable Integer questionsRequiredToReset,
    @Nullable List<String> predefinedQuestionIds,
    @Nullable List<CustomQuestion> customQuestions,
    @Nullable Boolean requireRegistrationAtSignIn,
    @Nullable Integer reconfirmDays,
    @Nullable Boolean notifyUsersOnReset,
    @Nullable Boolean notifyAdminsOnAdminReset,
    @Nullable JsonNode helpdeskLink,
    @Nullable Boolean writebackEnabled,
    @Nullable Boolean allowUnlockWithoutReset,
    @Nullable Boolean uniformResponses,
    @Nullable List<String> customBannedPasswords,
    @Nullable Integer passwordMinLength,
    @Nullable Boolean requireCharacterClasses) {

  SsprPolicyChanges toChanges() {
    return new SsprPolicyChanges(
        enabledFor,
        nullableText("selectedGroup", selectedGroup),
        methodsAvailable,
        methodsRequiredToReset,
        questionsRequiredToRegister,
        questionsRequiredToReset,
        predefinedQuestionIds,
        customQuestions,
        requireRegistrationAtSignIn,
        reconfirmDays,
        notifyUsersOnReset,
        notifyAdminsOnAdminReset,
        nullableText("helpdeskLink", helpdeskLink),
        writebackEnabled,
        allowUnlockWithoutReset,
        uniformResponses,
        customBannedPasswords,
        passwordMinLength,
        requireCharacterClasses);
  }

  /** Missing → keep ({@code null}); JSON {@code null} → remove ({@code ""}); a string → itself. */
  private static @Nullable String nullableText(String field, @Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isNull()) {
      return "";
    }
    if (!node.isString()) {
      throw ApiProblem.invalidField(field, "problem.invalid_request.type", field);
    }
    return node.stringValue();
  }
}
