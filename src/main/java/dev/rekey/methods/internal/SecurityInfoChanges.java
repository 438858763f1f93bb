package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.methods.DefaultMethodChanged;
import dev.rekey.methods.MethodDeleted;
import dev.rekey.methods.MethodRegistered;
import dev.rekey.methods.RegistrationCompleted;
import dev.rekey.methods.SecurityInfoReviewed;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every change to a user's security info, each published as an event (audit, notifications). */
@Service
class SecurityInfoChanges {

  private final JdbcMethods store;
  private final DefaultSecurityInfo info;
  private final AccountDirectory directory;
  private final ApplicationEventPublisher events;

  SecurityInfoChanges(
      JdbcMethods store,
      DefaultSecurityInfo info,
      AccountDirectory directory,
      ApplicationEventPublisher events) {
    this.store = store;
    this.info = info;
    this.directory = directory;
    this.events = events;
  }

  /** Activates a proven method and tells whether the user just became fully registered. */
  @Transactional
  void activated(StoredMethod method, RequestOrigin origin) {
    Account account = directory.findById(method.accountId()).orElseThrow();
    boolean before = info.requirements(account).isRegistered();
    store.activate(method.id(), method.accountId());
    store.reviewed(method.accountId());
    events.publishEvent(
        new MethodRegistered(
            method.tenantId(), method.accountId(), method.id(), method.type(), origin));
    if (!before && info.requirements(account).isRegistered()) {
      events.publishEvent(new RegistrationCompleted(method.tenantId(), method.accountId(), origin));
    }
  }

  @Transactional
  boolean delete(UUID accountId, UUID methodId, RequestOrigin origin) {
    var method = store.find(methodId, accountId).filter(StoredMethod::active);
    if (method.isEmpty() || !store.delete(methodId, accountId)) {
      return false;
    }
    events.publishEvent(
        new MethodDeleted(
            method.get().tenantId(), accountId, methodId, method.get().type(), origin));
    return true;
  }

  @Transactional
  boolean makeDefault(UUID accountId, UUID methodId, RequestOrigin origin) {
    var method = store.find(methodId, accountId).filter(StoredMethod::active);
    if (method.isEmpty()) {
      return false;
    }
    if (!method.get().isDefault()) {
      store.makeDefault(methodId, accountId);
      events.publishEvent(
          new DefaultMethodChanged(
              method.get().tenantId(), accountId, methodId, method.get().type(), origin));
    }
    return true;
  }

  @Transactional
  void reviewed(Account account, RequestOrigin origin) {
    store.reviewed(account.id());
    events.publishEvent(new SecurityInfoReviewed(account.tenantId(), account.id(), origin));
  }
}
