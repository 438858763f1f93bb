package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.RegistrationRule;
import dev.rekey.methods.SecurityInfoAdministration;
import dev.rekey.methods.SecurityInfoCleared;
import dev.rekey.policy.SsprPolicies;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultSecurityInfoAdministration implements SecurityInfoAdministration {

  private final JdbcMethods store;
  private final SsprPolicies policies;
  private final ApplicationEventPublisher events;

  DefaultSecurityInfoAdministration(
      JdbcMethods store, SsprPolicies policies, ApplicationEventPublisher events) {
    this.store = store;
    this.policies = policies;
    this.events = events;
  }

  @Override
  @Transactional
  public List<RegisteredMethod> requireReregistration(
      Account account, UUID actorId, RequestOrigin origin) {
    List<RegisteredMethod> removed =
        store.active(account.id()).stream().map(StoredMethod::view).toList();
    store.deleteAll(account.id());
    events.publishEvent(
        new SecurityInfoCleared(
            account.tenantId(),
            account.id(),
            actorId,
            removed.stream().map(RegisteredMethod::type).toList(),
            origin));
    return removed;
  }

  @Override
  public RegistrationRule registrationRule(UUID tenantId, boolean administrators) {
    return DefaultSecurityInfo.rule(administrators, policies.get(tenantId));
  }
}
