package dev.rekey.helpdesk.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.helpdesk.AdminContacted;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequestHandled;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.helpdesk.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records requests and notifies the helpdesk. One open request per account per hour sends mail: a
 * user (or someone typing their user ID) pressing the button again cannot flood the helpdesk's
 * mailboxes (ASVS 5.0 §2.4.1 anti-automation).
 */
@Service
class DefaultHelpdeskRequests implements HelpdeskRequests {

  static final Duration REPEAT_WINDOW = Duration.ofHours(1);

  private final JdbcHelpdeskRequestStore store;
  private final HelpdeskMail mail;
  private final AccountDirectory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DefaultHelpdeskRequests(
      JdbcHelpdeskRequestStore store,
      HelpdeskMail mail,
      AccountDirectory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.mail = mail;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public HelpdeskRequest contact(ContactAdmin request) {
    Account user =
        directory
            .findById(request.accountId())
            .filter(a -> a.tenantId().equals(request.tenantId()))
            .orElseThrow(() -> new IllegalArgumentException("No such account in the tenant"));
    Instant now = clock.instant();
    Optional<HelpdeskRequest> open =
        store.openSince(request.tenantId(), request.accountId(), now.minus(REPEAT_WINDOW));
    HelpdeskRequest stored = open.orElseGet(() -> store.insert(request, now));
    int notified = open.isPresent() ? 0 : mail.send(stored, user);
    events.publishEvent(
        new AdminContacted(
            request.tenantId(),
            request.accountId(),
            stored.id(),
            request.flowId(),
            request.reason(),
            notified,
            request.origin()));
    return stored;
  }

  @Override
  public Page<HelpdeskRequest> list(UUID tenantId, @Nullable Status status, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page must be >= 0 and size 1-" + MAX_PAGE_SIZE);
    }
    return new Page<>(
        store.page(tenantId, status, page, size), page, size, store.count(tenantId, status));
  }

  @Override
  public Optional<HelpdeskRequest> find(UUID tenantId, UUID requestId) {
    return store.find(tenantId, requestId);
  }

  /**
   * Only the operator who changed the status is audited: a second click, or a second operator a
   * moment later, changed nothing (ASVS 5.0 §16.2.1: the log says who did what, once).
   */
  @Override
  @Transactional
  public boolean markHandled(UUID tenantId, UUID requestId, UUID handledBy, RequestOrigin origin) {
    Optional<HelpdeskRequest> request = store.find(tenantId, requestId);
    if (request.isEmpty()) {
      return false;
    }
    if (store.markHandled(tenantId, requestId, handledBy, clock.instant())) {
      HelpdeskRequest handled = request.get();
      events.publishEvent(
          new HelpdeskRequestHandled(
              tenantId, requestId, handled.accountId(), handledBy, handled.reason(), origin));
    }
    return true;
  }
}
