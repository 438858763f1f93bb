package dev.rekey.methods.internal;

import dev.rekey.directory.Account;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.RegistrationRule;
import dev.rekey.methods.Requirements;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class DefaultSecurityInfo implements SecurityInfo {

  /**
   * Administrators always need two methods from app, phone, security key and email, never
   * questions, whatever the tenant's policy says (SPEC §3, like Entra's two-gate policy).
   */
  static final Set<MethodType> ADMINISTRATOR_TYPES =
      EnumSet.of(MethodType.SOFTWARE_OATH, MethodType.PHONE, MethodType.FIDO2, MethodType.EMAIL);

  private final JdbcMethods store;
  private final SsprPolicies policies;
  private final Clock clock;

  DefaultSecurityInfo(JdbcMethods store, SsprPolicies policies, Clock clock) {
    this.store = store;
    this.policies = policies;
    this.clock = clock;
  }

  @Override
  public List<RegisteredMethod> methods(UUID accountId) {
    return store.active(accountId).stream().map(StoredMethod::view).toList();
  }

  @Override
  public Requirements requirements(Account account) {
    SsprPolicy policy = policies.get(account.tenantId());
    RegistrationRule rule = rule(account.isAdministrator(), policy);
    List<StoredMethod> methods = store.active(account.id());
    // A reset needs *different* methods: count kinds, not entries (two apps prove the same thing).
    Set<MethodType> registeredKinds = EnumSet.noneOf(MethodType.class);
    methods.stream()
        .map(StoredMethod::type)
        .filter(rule.counted()::contains)
        .forEach(registeredKinds::add);
    boolean due =
        policy.reconfirmDays() > 0
            && !methods.isEmpty()
            && store
                .reviewedAt(account.id())
                .map(
                    at ->
                        at.plus(Duration.ofDays(policy.reconfirmDays())).isBefore(clock.instant()))
                .orElse(true);
    return new Requirements(
        policies.isEnabledFor(account),
        rule.required(),
        registeredKinds.size(),
        rule.isMetBy(registeredKinds),
        rule.counted(),
        due);
  }

  /** Administrators: two of their fixed set; everyone else: what the tenant's policy says. */
  static RegistrationRule rule(boolean administrator, SsprPolicy policy) {
    return administrator
        ? new RegistrationRule(ADMINISTRATOR_TYPES, 2)
        : new RegistrationRule(availableTypes(policy), policy.methodsRequiredToReset());
  }

  static Set<MethodType> availableTypes(Account account, SsprPolicy policy) {
    return account.isAdministrator() ? ADMINISTRATOR_TYPES : availableTypes(policy);
  }

  static Set<MethodType> availableTypes(SsprPolicy policy) {
    Set<MethodType> types = EnumSet.noneOf(MethodType.class);
    for (AuthMethodType method : policy.methodsAvailable()) {
      types.add(
          switch (method) {
            case SOFTWARE_OATH -> MethodType.SOFTWARE_OATH;
            case MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE -> MethodType.PHONE;
            case FIDO2 -> MethodType.FIDO2;
            case EMAIL -> MethodType.EMAIL;
            case SECURITY_QUESTIONS -> MethodType.SECURITY_QUESTIONS;
          });
    }
    return types;
  }
}
