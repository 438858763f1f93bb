package dev.rekey.policy;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to an SSPR policy: every {@code null} field keeps its current value. To remove the
 * selected group or the helpdesk link, pass an empty string.
 *
 * @param selectedGroup a group id, {@code ""} for none
 * @param helpdeskLink a URL or email address, {@code ""} for none
 */
public record SsprPolicyChanges(
    @Nullable EnabledFor enabledFor,
    @Nullable String selectedGroup,
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
    @Nullable String helpdeskLink,
    @Nullable Boolean writebackEnabled,
    @Nullable Boolean allowUnlockWithoutReset,
    @Nullable Boolean uniformResponses,
    @Nullable List<String> customBannedPasswords,
    @Nullable Integer passwordMinLength,
    @Nullable Boolean requireCharacterClasses) {

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a change naming only what changes. */
  public static final class Builder {
    private @Nullable EnabledFor enabledFor;
    private @Nullable String selectedGroup;
    private @Nullable Set<AuthMethodType> methodsAvailable;
    private @Nullable Integer methodsRequiredToReset;
    private @Nullable Integer questionsRequiredToRegister;
    private @Nullable Integer questionsRequiredToReset;
    private @Nullable List<String> predefinedQuestionIds;
    private @Nullable List<CustomQuestion> customQuestions;
    private @Nullable Boolean requireRegistrationAtSignIn;
    private @Nullable Integer reconfirmDays;
    private @Nullable Boolean notifyUsersOnReset;
    private @Nullable Boolean notifyAdminsOnAdminReset;
    private @Nullable String helpdeskLink;
    private @Nullable Boolean writebackEnabled;
    private @Nullable Boolean allowUnlockWithoutReset;
    private @Nullable Boolean uniformResponses;
    private @Nullable List<String> customBannedPasswords;
    private @Nullable Integer passwordMinLength;
    private @Nullable Boolean requireCharacterClasses;

    private Builder() {}

    public Builder enabledFor(@Nullable EnabledFor value) {
      enabledFor = value;
      return this;
    }

    public Builder selectedGroup(@Nullable String value) {
      selectedGroup = value;
      return this;
    }

    public Builder methodsAvailable(@Nullable Set<AuthMethodType> value) {
      methodsAvailable = value;
      return this;
    }

    public Builder methodsRequiredToReset(@Nullable Integer value) {
      methodsRequiredToReset = value;
      return this;
    }

    public Builder questionsRequiredToRegister(@Nullable Integer value) {
      questionsRequiredToRegister = value;
      return this;
    }

    public Builder questionsRequiredToReset(@Nullable Integer value) {
      questionsRequiredToReset = value;
      return this;
    }

    public Builder predefinedQuestionIds(@Nullable List<String> value) {
      predefinedQuestionIds = value;
      return this;
    }

    public Builder customQuestions(@Nullable List<CustomQuestion> value) {
      customQuestions = value;
      return this;
    }

    public Builder requireRegistrationAtSignIn(@Nullable Boolean value) {
      requireRegistrationAtSignIn = value;
      return this;
    }

    public Builder reconfirmDays(@Nullable Integer value) {
      reconfirmDays = value;
      return this;
    }

    public Builder notifyUsersOnReset(@Nullable Boolean value) {
      notifyUsersOnReset = value;
      return this;
    }

    public Builder notifyAdminsOnAdminReset(@Nullable Boolean value) {
      notifyAdminsOnAdminReset = value;
      return this;
    }

    public Builder helpdeskLink(@Nullable String value) {
      helpdeskLink = value;
      return this;
    }

    public Builder writebackEnabled(@Nullable Boolean value) {
      writebackEnabled = value;
      return this;
    }

    public Builder allowUnlockWithoutReset(@Nullable Boolean value) {
      allowUnlockWithoutReset = value;
      return this;
    }

    public Builder uniformResponses(@Nullable Boolean value) {
      uniformResponses = value;
      return this;
    }

    public Builder customBannedPasswords(@Nullable List<String> value) {
      customBannedPasswords = value;
      return this;
    }

    public Builder passwordMinLength(@Nullable Integer value) {
      passwordMinLength = value;
      return this;
    }

    public Builder requireCharacterClasses(@Nullable Boolean value) {
      requireCharacterClasses = value;
      return this;
    }

    public SsprPolicyChanges build() {
      return new SsprPolicyChanges(
          enabledFor,
          selectedGroup,
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
          helpdeskLink,
          writebackEnabled,
          allowUnlockWithoutReset,
          uniformResponses,
          customBannedPasswords,
          passwordMinLength,
          requireCharacterClasses);
    }
  }
}
