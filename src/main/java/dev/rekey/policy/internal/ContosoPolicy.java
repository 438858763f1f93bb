package dev.rekey.policy.internal;

import dev.rekey.demo.DemoSetup;
import dev.rekey.directory.Group;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.tenant.Tenant;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's policy (SPEC §10): SSPR for the group "SSPR users", everything else default.
 * Seeded directly, not as an admin's change, so it is not audited.
 */
@Component
class ContosoPolicy implements DemoSetup {

  private final JdbcSsprPolicyStore store;

  ContosoPolicy(JdbcSsprPolicyStore store) {
    this.store = store;
  }

  @Override
  public void configure(Tenant tenant, Group ssprUsers) {
    SsprPolicy defaults = SsprPolicy.defaults();
    store.insert(
        tenant.id(),
        new SsprPolicy(
            EnabledFor.SELECTED,
            ssprUsers.id(),
            defaults.methodsAvailable(),
            defaults.methodsRequiredToReset(),
            defaults.questionsRequiredToRegister(),
            defaults.questionsRequiredToReset(),
            defaults.predefinedQuestionIds(),
            defaults.customQuestions(),
            defaults.requireRegistrationAtSignIn(),
            defaults.reconfirmDays(),
            defaults.notifyUsersOnReset(),
            defaults.notifyAdminsOnAdminReset(),
            defaults.helpdeskLink(),
            defaults.writebackEnabled(),
            defaults.allowUnlockWithoutReset(),
            defaults.uniformResponses(),
            defaults.customBannedPasswords(),
            defaults.passwordMinLength(),
            defaults.requireCharacterClasses()),
        null);
  }
}
