package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Whether this user may add this phone: the tenant's policy, one phone of each type, no twins. */
@Component
class PhoneRules {

  private final JdbcMethods store;
  private final PhoneCodeSender sender;
  private final AccountDirectory directory;
  private final SsprPolicies policies;

  PhoneRules(
      JdbcMethods store,
      PhoneCodeSender sender,
      AccountDirectory directory,
      SsprPolicies policies) {
    this.store = store;
    this.sender = sender;
    this.directory = directory;
    this.policies = policies;
  }

  /**
   * @throws ApiProblem 400 naming {@code delivery}/{@code phoneType} when the policy does not offer
   *     this option, 409 {@code method_limit_reached} when the user has a phone of this type, 400
   *     naming {@code phoneNumber} when the number is already registered
   */
  void check(SignedInUser user, PhoneChoice choice) {
    checkPolicy(user, choice);
    checkLimit(user, choice.type());
    for (StoredMethod phone : phones(user)) {
      if (phone.secret() != null && choice.number().e164().equals(sender.number(phone))) {
        throw ApiProblem.invalidField("phoneNumber", "methods.phone.number.duplicate");
      }
    }
  }

  /** One phone of each type: mobile, alternate mobile, office (SPEC §4 limits). */
  void checkLimit(SignedInUser user, PhoneType type) {
    if (phones(user).stream().anyMatch(p -> type.code().equals(p.phoneType()))) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "method_limit_reached",
          "methods.phone.limit." + type.code(),
          new Object[0],
          Map.of());
    }
  }

  private void checkPolicy(SignedInUser user, PhoneChoice choice) {
    var account = directory.findById(user.accountId()).orElseThrow();
    if (account.isAdministrator()) {
      return; // SPEC §3: administrators may use any phone option (fixed two-gate policy)
    }
    var policy = policies.get(user.tenantId());
    if (choice.type() == PhoneType.OFFICE) {
      if (!policy.offers(AuthMethodType.OFFICE_VOICE)) {
        throw ApiProblem.invalidField("phoneType", "methods.phone.policy.officeVoice");
      }
    } else if (choice.delivery() == PhoneDelivery.SMS) {
      if (!policy.offers(AuthMethodType.MOBILE_SMS)) {
        throw ApiProblem.invalidField("delivery", "methods.phone.policy.mobileSms");
      }
    } else if (!policy.offers(AuthMethodType.MOBILE_VOICE)) {
      throw ApiProblem.invalidField("delivery", "methods.phone.policy.mobileVoice");
    }
  }

  private java.util.List<StoredMethod> phones(SignedInUser user) {
    return store.active(user.accountId()).stream()
        .filter(m -> m.type() == MethodType.PHONE)
        .toList();
  }
}
