package dev.rekey.policy.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The admin page's form. Everything binds as text, so nothing a browser sends can fail to bind;
 * {@link PolicyForms} turns it into a change and reports what does not parse. An unticked checkbox
 * is simply absent, which here means "off".
 */
class PolicyForm {

  private @Nullable String enabledFor;
  private @Nullable String selectedGroup;
  private List<String> methodsAvailable = new ArrayList<>();
  private @Nullable String methodsRequiredToReset;
  private @Nullable String questionsRequiredToRegister;
  private @Nullable String questionsRequiredToReset;
  private List<String> predefinedQuestionIds = new ArrayList<>();
  private @Nullable String customQuestions;
  private boolean requireRegistrationAtSignIn;
  private @Nullable String reconfirmDays;
  private boolean notifyUsersOnReset;
  private boolean notifyAdminsOnAdminReset;
  private @Nullable String helpdeskLink;
  private boolean writebackEnabled;
  private boolean allowUnlockWithoutReset;
  private boolean uniformResponses;
  private @Nullable String customBannedPasswords;
  private @Nullable String passwordMinLength;
  private boolean requireCharacterClasses;

  public @Nullable String getEnabledFor() {
    return enabledFor;
  }

  public void setEnabledFor(@Nullable String value) {
    enabledFor = value;
  }

  public @Nullable String getSelectedGroup() {
    return selectedGroup;
  }

  public void setSelectedGroup(@Nullable String value) {
    selectedGroup = value;
  }

  public List<String> getMethodsAvailable() {
    return methodsAvailable;
  }

  public void setMethodsAvailable(@Nullable List<String> value) {
    methodsAvailable = value == null ? new ArrayList<>() : new ArrayList<>(value);
  }

  public @Nullable String getMethodsRequiredToReset() {
    return methodsRequiredToReset;
  }

  public void setMethodsRequiredToReset(@Nullable String value) {
    methodsRequiredToReset = value;
  }

  public @Nullable String getQuestionsRequiredToRegister() {
    return questionsRequiredToRegister;
  }

  public void setQuestionsRequiredToRegister(@Nullable String value) {
    questionsRequiredToRegister = value;
  }

  public @Nullable String getQuestionsRequiredToReset() {
    return questionsRequiredToReset;
  }

  public void setQuestionsRequiredToReset(@Nullable String value) {
    questionsRequiredToReset = value;
  }

  public List<String> getPredefinedQuestionIds() {
    return predefinedQuestionIds;
  }

  public void setPredefinedQuestionIds(@Nullable List<String> value) {
    predefinedQuestionIds = value == null ? new ArrayList<>() : new ArrayList<>(value);
  }

  public @Nullable String getCustomQuestions() {
    return customQuestions;
  }

  public void setCustomQuestions(@Nullable String value) {
    customQuestions = value;
  }

  public boolean isRequireRegistrationAtSignIn() {
    return requireRegistrationAtSignIn;
  }

  public void setRequireRegistrationAtSignIn(boolean value) {
    requireRegistrationAtSignIn = value;
  }

  public @Nullable String getReconfirmDays() {
    return reconfirmDays;
  }

  public void setReconfirmDays(@Nullable String value) {
    reconfirmDays = value;
  }

  public boolean isNotifyUsersOnReset() {
    return notifyUsersOnReset;
  }

  public void setNotifyUsersOnReset(boolean value) {
    notifyUsersOnReset = value;
  }

  public boolean isNotifyAdminsOnAdminReset() {
    return notifyAdminsOnAdminReset;
  }

  public void setNotifyAdminsOnAdminReset(boolean value) {
    notifyAdminsOnAdminReset = value;
  }

  public @Nullable String getHelpdeskLink() {
    return helpdeskLink;
  }

  public void setHelpdeskLink(@Nullable String value) {
    helpdeskLink = value;
  }

  public boolean isWritebackEnabled() {
    return writebackEnabled;
  }

  public void setWritebackEnabled(boolean value) {
    writebackEnabled = value;
  }

  public boolean isAllowUnlockWithoutReset() {
    return allowUnlockWithoutReset;
  }

  public void setAllowUnlockWithoutReset(boolean value) {
    allowUnlockWithoutReset = value;
  }

  public boolean isUniformResponses() {
    return uniformResponses;
  }

  public void setUniformResponses(boolean value) {
    uniformResponses = value;
  }

  public @Nullable String getCustomBannedPasswords() {
    return customBannedPasswords;
  }

  public void setCustomBannedPasswords(@Nullable String value) {
    customBannedPasswords = value;
  }

  public @Nullable String getPasswordMinLength() {
    return passwordMinLength;
  }

  public void setPasswordMinLength(@Nullable String value) {
    passwordMinLength = value;
  }

  public boolean isRequireCharacterClasses() {
    return requireCharacterClasses;
  }

  public void setRequireCharacterClasses(boolean value) {
    requireCharacterClasses = value;
  }
}
