package dev.rekey.policy.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy as the API shows it (SPEC Appendix A), every field present, nulls included. Also the
 * source of the before/after maps of {@link dev.rekey.policy.SsprPolicyChanged}, so the audit trail
 * names settings exactly as the API does.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PolicyDocument(
    EnabledFor enabledFor,
    @Nullable String selectedGroup,
    @Nullable String selectedGroupName,
    List<AuthMethodType> methodsAvailable,
    int methodsRequiredToReset,
    int questionsRequiredToRegister,
    int questionsRequiredToReset,
    List<String> predefinedQuestionIds,
    List<CustomQuestion> customQuestions,
    boolean requireRegistrationAtSignIn,
    int reconfirmDays,
    boolean notifyUsersOnReset,
    boolean notifyAdminsOnAdminReset,
    @Nullable String helpdeskLink,
    boolean writebackEnabled,
    boolean allowUnlockWithoutReset,
    boolean uniformResponses,
    List<String> customBannedPasswords,
    int passwordMinLength,
    boolean requireCharacterClasses) {

  private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP =
      new TypeReference<>() {};

  static PolicyDocument of(SsprPolicy p, @Nullable String groupName) {
    return new PolicyDocument(
        p.enabledFor(),
        p.selectedGroup() == null ? null : p.selectedGroup().toString(),
        groupName,
        List.copyOf(p.methodsAvailable()),
        p.methodsRequiredToReset(),
        p.questionsRequiredToRegister(),
        p.questionsRequiredToReset(),
        p.predefinedQuestionIds(),
        p.customQuestions(),
        p.requireRegistrationAtSignIn(),
        p.reconfirmDays(),
        p.notifyUsersOnReset(),
        p.notifyAdminsOnAdminReset(),
        p.helpdeskLink(),
        p.writebackEnabled(),
        p.allowUnlockWithoutReset(),
        p.uniformResponses(),
        p.customBannedPasswords(),
        p.passwordMinLength(),
        p.requireCharacterClasses());
  }

  /** The settings as JSON values (strings, numbers, booleans, lists, maps), without the name. */
  static Map<String, @Nullable Object> values(SsprPolicy policy, JsonMapper json) {
    Map<String, @Nullable Object> values = json.convertValue(of(policy, null), MAP);
    values.remove("selectedGroupName");
    return values;
  }

  /**
   * The settings that differ, as {@code [before, after]} maps with the same keys, in document
   * order.
   */
  static List<Map<String, @Nullable Object>> difference(
      SsprPolicy before, SsprPolicy after, JsonMapper json) {
    Map<String, @Nullable Object> old = values(before, json);
    Map<String, @Nullable Object> now = values(after, json);
    Map<String, @Nullable Object> changedFrom = new LinkedHashMap<>();
    Map<String, @Nullable Object> changedTo = new LinkedHashMap<>();
    now.forEach(
        (field, value) -> {
          if (!Objects.equals(old.get(field), value)) {
            changedFrom.put(field, old.get(field));
            changedTo.put(field, value);
          }
        });
    return List.of(changedFrom, changedTo);
  }
}
