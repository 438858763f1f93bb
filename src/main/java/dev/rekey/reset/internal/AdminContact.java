package dev.rekey.reset.internal;

import dev.rekey.captcha.Captcha;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.FlowStartDecision;
import dev.rekey.throttle.ResetThrottle;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "Contact an administrator" (SPEC §5 step 6): from seed errors 2 and 3 and from the blocked page.
 * The answer is the same whether or not an account exists, so the button cannot be used to probe
 * for accounts; only real accounts produce a helpdesk request and mail.
 */
@Service
class AdminContact {

  private final ResetService reset;
  private final AccountDirectory directory;
  private final SsprPolicies policies;
  private final Tenants tenants;
  private final HelpdeskRequests helpdesk;
  private final ResetThrottle throttle;
  private final Captcha captcha;
  private final Clock clock;

  AdminContact(
      ResetService reset,
      AccountDirectory directory,
      SsprPolicies policies,
      Tenants tenants,
      HelpdeskRequests helpdesk,
      ResetThrottle throttle,
      Captcha captcha,
      Clock clock) {
    this.reset = reset;
    this.directory = directory;
    this.policies = policies;
    this.tenants = tenants;
    this.helpdesk = helpdesk;
    this.throttle = throttle;
    this.captcha = captcha;
    this.clock = clock;
  }

  /** From a live flow (the blocked page). */
  void fromFlow(String flowId, RequestOrigin origin) {
    ResetService.Current current = reset.current(flowId);
    Account account = current.account();
    String reason = throttle.blockedUntil(account.id()).isPresent() ? "blocked" : "cannot_verify";
    send(account, current.flow().id(), reason, origin);
  }

  /** From the API without a flow: a solved CAPTCHA stands in for the start of a flow. */
  void fromUserId(String userId, @Nullable String captchaPayload, RequestOrigin origin) {
    FlowStartDecision address = throttle.startFlow(origin.clientIp());
    if (!address.allowed()) {
      throw new ResetRefused(Refusal.RATE_LIMITED, clock.instant().plus(address.retryAfter()));
    }
    if (!captcha.redeem(captchaPayload)) {
      throw new ResetRefused(Refusal.CAPTCHA_INVALID);
    }
    fromCheckedUserId(userId, origin);
  }

  /**
   * For a user ID that already passed the CAPTCHA at the start of a flow (the refusal page keeps it
   * in the session). Unknown and disabled accounts get the same answer and nothing happens.
   */
  void fromCheckedUserId(String userId, RequestOrigin origin) {
    Optional<Account> found = directory.findByUserId(userId).filter(Account::enabled);
    if (found.isEmpty()) {
      return;
    }
    Account account = found.get();
    String reason;
    try {
      reset.check(account);
      reason = "cannot_verify";
    } catch (ResetRefused refused) {
      reason = refused.refusal().code();
    }
    send(account, null, reason, origin);
  }

  /** The helpdesk link of the tenant that a user ID's domain names (tenant-wide, not per user). */
  Optional<String> helpdeskLinkForUserId(String userId) {
    return tenants.findByUserId(userId).map(t -> policies.get(t.id()).helpdeskLink());
  }

  Optional<String> helpdeskLinkForFlow(String flowId) {
    try {
      return helpdeskLink(reset.current(flowId).account());
    } catch (ResetRefused expired) {
      return Optional.empty();
    }
  }

  /** A link as a page may use it: an email address becomes a {@code mailto:} link. */
  static String href(String link) {
    return link.regionMatches(true, 0, "http", 0, 4) ? link : "mailto:" + link;
  }

  /** The tenant's own helpdesk link, when it replaces the contact button. */
  Optional<String> helpdeskLink(Account account) {
    return Optional.ofNullable(policies.get(account.tenantId()).helpdeskLink());
  }

  private void send(Account account, @Nullable String flowId, String reason, RequestOrigin origin) {
    Optional<String> link = helpdeskLink(account);
    if (link.isPresent()) {
      throw new ResetRefused(Refusal.HELPDESK_LINK, null, Map.of("helpdeskLink", link.get()));
    }
    helpdesk.contact(
        new ContactAdmin(
            account.tenantId(),
            account.id(),
            flowId == null ? null : UUID.fromString(flowId),
            reason,
            origin));
  }
}
