package dev.rekey.reset.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.captcha.Captcha;
import dev.rekey.common.RequestOrigin;
import dev.rekey.common.UserSessions;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.DirectoryConnections;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.Requirements;
import dev.rekey.methods.ResetProofs;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.password.PasswordPolicy;
import dev.rekey.password.PasswordRejection;
import dev.rekey.password.PasswordVerdict;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.FlowStartDecision;
import dev.rekey.throttle.ResetDecision;
import dev.rekey.throttle.ResetThrottle;
import dev.rekey.throttle.SignInThrottle;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reset portal's rules (SPEC §5): the checks in their order, verification with one or two
 * different methods, and the new password or unlock at the end. Pages and API call the same
 * methods; every step is audited.
 */
@Service
class ResetService {

  /** A flow that has started: what the user sees next. */
  record Started(
      ResetFlow flow, Account account, List<RegisteredMethod> methods, boolean canUnlock) {}

  /** A flow as the next step needs it. */
  record Current(
      ResetFlow flow, Account account, List<RegisteredMethod> methods, boolean canUnlock) {

    /** The methods the user may prove now (see {@link ResetService#offered}). */
    List<RegisteredMethod> offered() {
      return methods.stream().filter(m -> ResetService.offered(flow, methods, m)).toList();
    }
  }

  /** A new password was refused by the password policy. */
  static final class PasswordRefused extends RuntimeException {
    private final transient PasswordVerdict verdict;

    PasswordRefused(PasswordVerdict verdict) {
      super("password_policy", null, false, false);
      this.verdict = verdict;
    }

    PasswordVerdict verdict() {
      return verdict;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ResetService.class);

  private final AccountDirectory directory;
  private final SsprPolicies policies;
  private final Tenants tenants;
  private final SecurityInfo securityInfo;
  private final ResetProofs proofs;
  private final ResetThrottle throttle;
  private final SignInThrottle signInThrottle;
  private final Captcha captcha;
  private final PasswordPolicy passwords;
  private final JdbcResetFlows flows;
  private final ResetAudit audit;
  private final ResetMetrics metrics;
  private final UserSessions sessions;
  private final UniformTiming timing;
  private final ResetProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SecureRandom random;
  private final DirectoryConnections connections;

  ResetService(
      AccountDirectory directory,
      SsprPolicies policies,
      Tenants tenants,
      SecurityInfo securityInfo,
      ResetProofs proofs,
      ResetThrottle throttle,
      SignInThrottle signInThrottle,
      Captcha captcha,
      PasswordPolicy passwords,
      JdbcResetFlows flows,
      ResetAudit audit,
      ResetMetrics metrics,
      UserSessions sessions,
      UniformTiming timing,
      ResetProperties properties,
      ApplicationEventPublisher events,
      Clock clock,
      SecureRandom random,
      DirectoryConnections connections) {
    this.connections = connections;
    this.directory = directory;
    this.policies = policies;
    this.tenants = tenants;
    this.securityInfo = securityInfo;
    this.proofs = proofs;
    this.throttle = throttle;
    this.signInThrottle = signInThrottle;
    this.captcha = captcha;
    this.passwords = passwords;
    this.flows = flows;
    this.audit = audit;
    this.metrics = metrics;
    this.sessions = sessions;
    this.timing = timing;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Step 1 and 2 of SPEC §5: the per-address limit, the CAPTCHA, then the checks in their order.
   *
   * @throws ResetRefused with the first check that fails
   */
  // Not one transaction: each write stands alone (the counters, the CAPTCHA redemption and the
  // audit must survive a refusal anyway), and a refusal waits for its deadline without holding a
  // database connection.
  Started start(String userId, @Nullable String captchaPayload, RequestOrigin origin) {
    long began = timing.begin();
    FlowStartDecision address = throttle.startFlow(origin.clientIp());
    if (!address.allowed()) {
      metrics.failed(Refusal.RATE_LIMITED.code());
      throw new ResetRefused(Refusal.RATE_LIMITED, clock.instant().plus(address.retryAfter()));
    }
    if (!captcha.redeem(captchaPayload)) {
      metrics.failed(Refusal.CAPTCHA_INVALID.code());
      throw new ResetRefused(Refusal.CAPTCHA_INVALID);
    }
    Account account;
    try {
      // A tenant with a directory connection is asked about the user now (SPEC §5 check 2.5): an
      // outage answers "can't be reset right now" before anything else happens.
      account = directory.resolve(userId).orElse(null);
    } catch (DirectoryUnavailable unavailable) {
      account = directory.findByUserId(userId).orElse(null);
      refuseAtStart(
          account, userId, new ResetRefused(Refusal.DIRECTORY_UNAVAILABLE), origin, began);
      throw new IllegalStateException("refuseAtStart always throws");
    }
    try {
      check(account);
    } catch (ResetRefused refused) {
      refuseAtStart(account, userId, refused, origin, began);
    }
    SsprPolicy policy = policies.get(account.tenantId());
    Requirements requirements = securityInfo.requirements(account);
    Instant now = clock.instant();
    boolean canUnlock = canUnlock(account, policy);
    ResetFlow flow =
        new ResetFlow(
            newFlowId(),
            account.tenantId(),
            account.id(),
            canUnlock ? null : ResetFlow.Intent.RESET,
            requirements.requiredMethods(),
            List.of(),
            null,
            null,
            canUnlock ? ResetFlow.Step.CHOOSING : ResetFlow.Step.STARTED,
            0,
            now,
            now.plus(properties.flowLifetime()));
    flows.insert(flow, origin.clientIp());
    metrics.started();
    audit.progress(flow, AuditResult.SUCCEEDED, "started", null, null, origin);
    return new Started(flow, account, usable(account, requirements), canUnlock);
  }

  /**
   * The checks of SPEC §5 step 2 without side effects (also for "contact an administrator").
   *
   * @throws ResetRefused with the first that fails
   */
  void check(@Nullable Account account) {
    // 2.1: an unknown or disabled account looks exactly like one that is not registered (2.3).
    if (account == null || !account.enabled()) {
      throw new ResetRefused(Refusal.NOT_REGISTERED);
    }
    if (!policies.isEnabledFor(account)) {
      throw new ResetRefused(Refusal.NOT_ENABLED);
    }
    if (!securityInfo.requirements(account).isRegistered()) {
      throw new ResetRefused(Refusal.NOT_REGISTERED);
    }
    SsprPolicy policy = policies.get(account.tenantId());
    PasswordAuthority authority = account.passwordAuthority();
    if (authority == PasswordAuthority.EXTERNAL
        || (authority == PasswordAuthority.DIRECTORY && !policy.writebackEnabled())) {
      throw new ResetRefused(Refusal.PASSWORD_NOT_MANAGED);
    }
    if (authority == PasswordAuthority.DIRECTORY && !connections.isConnected(account.tenantId())) {
      // Writeback is on but the tenant's directory connection is missing or switched off: the
      // password cannot be written anywhere right now (SPEC §5 2.5).
      throw new ResetRefused(Refusal.DIRECTORY_UNAVAILABLE);
    }
    Optional<Instant> blocked = throttle.blockedUntil(account.id());
    if (blocked.isPresent()) {
      throw new ResetRefused(Refusal.BLOCKED, blocked.get());
    }
  }

  private void refuseAtStart(
      @Nullable Account account,
      String userId,
      ResetRefused refused,
      RequestOrigin origin,
      long began) {
    Refusal refusal = refused.refusal();
    String reason =
        account == null ? "unknown_account" : !account.enabled() ? "disabled" : refusal.code();
    audit.outcome(
        account == null ? null : account.tenantId(),
        account == null ? null : account.id(),
        userId,
        AuditActivity.RESET_PASSWORD_SELF_SERVICE,
        refusal == Refusal.BLOCKED ? AuditResult.BLOCKED : AuditResult.FAILED,
        null,
        reason,
        origin,
        null);
    metrics.failed(refusal.code());
    boolean uniform =
        account != null
            ? policies.get(account.tenantId()).uniformResponses()
            : tenantWantsUniform(userId);
    ResetRefused answer =
        uniform && refusal.aboutTheAccount() ? new ResetRefused(Refusal.NOT_AVAILABLE) : refused;
    if (refusal.aboutTheAccount()) {
      timing.settle(began);
    }
    throw answer;
  }

  /** For an unknown account, the setting of the tenant its domain names, if any. */
  private boolean tenantWantsUniform(String userId) {
    return tenants
        .findByUserId(userId)
        .map(t -> policies.get(t.id()).uniformResponses())
        .orElse(false);
  }

  /** The flow, if live and its account can still go on. */
  Current current(String flowId) {
    ResetFlow flow = live(flowId);
    Account account = directory.findById(flow.accountId()).orElse(null);
    if (account == null || !account.enabled()) {
      throw new ResetRefused(Refusal.FLOW_EXPIRED);
    }
    Requirements requirements = securityInfo.requirements(account);
    return new Current(
        flow,
        account,
        usable(account, requirements),
        canUnlock(account, policies.get(account.tenantId())));
  }

  /** Step 3: a locked user chooses between a new password and unlock only. */
  @Transactional
  Current choose(String flowId, ResetFlow.Intent intent, RequestOrigin origin) {
    Current current = current(flowId);
    ResetFlow flow = current.flow();
    ResetFlow.Intent chosen = current.canUnlock() ? intent : ResetFlow.Intent.RESET;
    ResetFlow next = with(flow, chosen, flow.verified(), null, null, stepAfterVerification(flow));
    store(flow, next);
    audit.progress(
        next, AuditResult.SUCCEEDED, "chose_" + chosen.name().toLowerCase(), null, null, origin);
    return new Current(next, current.account(), current.methods(), current.canUnlock());
  }

  /**
   * Step 4: starts proving a method (sends a code, picks questions, creates a WebAuthn challenge).
   */
  @Transactional(noRollbackFor = ResetRefused.class)
  ResetProofs.Challenge challenge(
      String flowId, UUID methodId, @Nullable String phoneNumber, RequestOrigin origin) {
    Current current = current(flowId);
    ResetFlow flow = current.flow();
    Account account = current.account();
    RegisteredMethod method = offeredMethod(current, methodId);
    notBlocked(account);
    if (method.type() == MethodType.PHONE || method.type() == MethodType.EMAIL) {
      // Entra counts every code sent: 5 texts or calls an hour, 10 emails in 10 minutes.
      limit(
          current,
          throttle.attempt(
              account.id(),
              method.type() == MethodType.PHONE
                  ? ResetThrottle.Kind.PHONE
                  : ResetThrottle.Kind.EMAIL),
          origin);
    }
    ResetProofs.Challenge challenge;
    try {
      challenge =
          proofs.challenge(
              account, methodId, flow.id(), phoneNumber, questionsRequired(account, method));
    } catch (ResetProofs.ProofRefused refused) {
      if ("phone_mismatch".equals(refused.code())) {
        failed(current, method, "phone_mismatch", origin);
        throw new ResetRefused(Refusal.PHONE_MISMATCH);
      }
      Refusal refusal =
          switch (refused.code()) {
            case "sms_budget_exceeded" -> Refusal.SMS_BUDGET_EXCEEDED;
            case "delivery_failed" -> Refusal.DELIVERY_FAILED;
            default -> Refusal.METHOD_NOT_AVAILABLE;
          };
      audit.progress(
          flow, AuditResult.FAILED, "challenge", method.type().code(), refusal.code(), origin);
      throw new ResetRefused(refusal);
    }
    ResetFlow next =
        with(
            flow,
            flow.intent(),
            flow.verified(),
            methodId,
            challenge.state(),
            ResetFlow.Step.VERIFYING);
    store(flow, next);
    audit.progress(
        next, AuditResult.SUCCEEDED, "method_chosen", method.type().code(), null, origin);
    return challenge;
  }

  /**
   * Step 4: checks a proof. A wrong one counts towards the block (SPEC §5.1); wrong answers to
   * questions discard the questions asked, so the next try gets a fresh selection.
   */
  @Transactional(noRollbackFor = ResetRefused.class)
  Current verify(String flowId, UUID methodId, ResetProofs.Proof proof, RequestOrigin origin) {
    Current current = current(flowId);
    ResetFlow flow = current.flow();
    Account account = current.account();
    RegisteredMethod method = offeredMethod(current, methodId);
    notBlocked(account);
    boolean needsChallenge = method.type() != MethodType.SOFTWARE_OATH;
    if (needsChallenge && !methodId.equals(flow.challengeMethod())) {
      throw new ResetRefused(Refusal.VERIFICATION_FAILED);
    }
    if (method.type() == MethodType.SOFTWARE_OATH
        || method.type() == MethodType.SECURITY_QUESTIONS) {
      limit(
          current,
          throttle.attempt(
              account.id(),
              method.type() == MethodType.SOFTWARE_OATH
                  ? ResetThrottle.Kind.APP
                  : ResetThrottle.Kind.QUESTIONS),
          origin);
    }
    boolean proven =
        proofs.verify(account, methodId, flow.id(), flow.challengeState(), proof, origin);
    metrics.verification(method.type().code(), proven);
    if (!proven) {
      if (method.type() == MethodType.SECURITY_QUESTIONS || method.type() == MethodType.FIDO2) {
        // A wrong answer restarts with a new pick (SPEC §4); a WebAuthn challenge is single-use.
        store(flow, with(flow, flow.intent(), flow.verified(), null, null, flow.step()));
      }
      failed(current, method, "verification_failed", origin);
      throw new ResetRefused(Refusal.VERIFICATION_FAILED);
    }
    List<UUID> verified = new ArrayList<>(flow.verified());
    verified.add(methodId);
    ResetFlow proved = with(flow, flow.intent(), verified, null, null, flow.step());
    ResetFlow next =
        with(proved, flow.intent(), verified, null, null, stepAfterVerification(proved));
    store(flow, next);
    audit.progress(next, AuditResult.SUCCEEDED, "verified", method.type().code(), null, origin);
    return new Current(next, account, current.methods(), current.canUnlock());
  }

  /**
   * Checks a candidate password for the meter, without changing anything. Only after verification:
   * the meter knows the user's names, and history is left to the submit (see {@link
   * PasswordPolicy#preview}).
   */
  PasswordVerdict evaluate(String flowId, String password) {
    Current current = current(flowId);
    if (!current.flow().verificationComplete()) {
      throw new ResetRefused(Refusal.VERIFICATION_INCOMPLETE);
    }
    return passwords.preview(current.account(), password);
  }

  /** The tenant's minimum password length, for the hint. */
  int minimumLength(Current current) {
    return passwords.minimumLength(current.account().tenantId());
  }

  /**
   * Step 5: the new password. On success the account is unlocked, every session ended, the counters
   * cleared and the flow finished; nobody is signed in (SPEC §5).
   *
   * @throws PasswordRefused with every reason the policy gives
   */
  @Transactional(noRollbackFor = {ResetRefused.class, PasswordRefused.class})
  void setPassword(String flowId, String newPassword, RequestOrigin origin) {
    Current current = current(flowId);
    ResetFlow flow = current.flow();
    Account account = current.account();
    if (!flow.verificationComplete()) {
      throw new ResetRefused(Refusal.VERIFICATION_INCOMPLETE);
    }
    if (!writable(account)) {
      throw new ResetRefused(Refusal.PASSWORD_NOT_MANAGED);
    }
    PasswordVerdict verdict = passwords.check(account, newPassword);
    if (!verdict.acceptable()) {
      audit.progress(
          flow,
          AuditResult.FAILED,
          "password",
          null,
          verdict.reasons().stream().map(r -> r.code()).collect(Collectors.joining(",")),
          origin);
      throw new PasswordRefused(verdict);
    }
    // Finishing first holds the flow's row, so a second submit of the same flow waits and then
    // fails instead of writing another password to the directory.
    finish(flow, "reset");
    try {
      directory.setPassword(account.id(), newPassword, false);
    } catch (DirectoryPasswordRefused refused) {
      // The directory's own policy said no (issue 6): nothing changed; the user tries another.
      reopen(flow, "reset");
      List<PasswordRejection> reasons =
          refused.reasons().stream().map(r -> PasswordRejection.of("directory_" + r)).toList();
      audit.progress(
          flow,
          AuditResult.FAILED,
          "password",
          null,
          reasons.stream().map(PasswordRejection::code).collect(Collectors.joining(",")),
          origin);
      throw new PasswordRefused(PasswordVerdict.of(0, reasons));
    } catch (DirectoryUnavailable | AccountRejected unavailable) {
      reopen(flow, "reset");
      audit.progress(
          flow, AuditResult.FAILED, "password", null, Refusal.DIRECTORY_UNAVAILABLE.code(), origin);
      throw new ResetRefused(Refusal.DIRECTORY_UNAVAILABLE);
    }
    unlockAfterReset(account);
    afterSuccess(account, flow, ResetFlow.Intent.RESET, origin);
    events.publishEvent(
        new PasswordChanged(
            account.tenantId(),
            account.id(),
            account.id(),
            PasswordChanged.Kind.SELF_SERVICE_RESET,
            origin));
  }

  /** Step 5 for "I know my password, but still can't sign in": unlock only. */
  @Transactional(noRollbackFor = ResetRefused.class)
  void unlock(String flowId, RequestOrigin origin) {
    Current current = current(flowId);
    ResetFlow flow = current.flow();
    if (!current.canUnlock()) {
      throw new ResetRefused(Refusal.CANNOT_UNLOCK);
    }
    if (!flow.verificationComplete()) {
      throw new ResetRefused(Refusal.VERIFICATION_INCOMPLETE);
    }
    finish(flow, "unlock");
    try {
      directory.setLocked(current.account().id(), false);
    } catch (DirectoryUnavailable | AccountRejected unavailable) {
      reopen(flow, "unlock");
      audit.progress(
          flow, AuditResult.FAILED, "unlock", null, Refusal.DIRECTORY_UNAVAILABLE.code(), origin);
      throw new ResetRefused(Refusal.DIRECTORY_UNAVAILABLE);
    }
    afterSuccess(current.account(), flow, ResetFlow.Intent.UNLOCK, origin);
  }

  /**
   * The new password is in place; lifting the lockout too is part of a reset (SPEC §5). Should the
   * directory stop answering in between, the password stays set and the user is told it worked: the
   * lockout lifts when it expires or an admin unlocks.
   */
  private void unlockAfterReset(Account account) {
    try {
      directory.setLocked(account.id(), false);
    } catch (DirectoryUnavailable | AccountRejected e) {
      log.warn(
          "Password of account {} reset, but the directory lockout was not lifted", account.id());
    }
  }

  private boolean writable(Account account) {
    return switch (account.passwordAuthority()) {
      case REKEY -> true;
      case DIRECTORY -> policies.get(account.tenantId()).writebackEnabled();
      case EXTERNAL -> false;
    };
  }

  private void reopen(ResetFlow flow, String outcome) {
    if (!flows.reopen(flow, outcome)) {
      throw new ResetRefused(Refusal.FLOW_CONFLICT);
    }
  }

  private void afterSuccess(
      Account account, ResetFlow flow, ResetFlow.Intent intent, RequestOrigin origin) {
    sessions.endAll(account.id());
    throttle.clear(account.id());
    signInThrottle.recordSuccess(account.upn(), origin.clientIp());
    metrics.succeeded(intent);
    audit.outcome(
        account.tenantId(),
        account.id(),
        null,
        intent == ResetFlow.Intent.UNLOCK
            ? AuditActivity.UNLOCK_SELF_SERVICE
            : AuditActivity.RESET_PASSWORD_SELF_SERVICE,
        AuditResult.SUCCEEDED,
        verifiedTypes(account, flow),
        null,
        origin,
        flow.id());
  }

  private String verifiedTypes(Account account, ResetFlow flow) {
    Set<UUID> ids = Set.copyOf(flow.verified());
    return securityInfo.methods(account.id()).stream()
        .filter(m -> ids.contains(m.id()))
        .map(m -> m.type().code())
        .collect(Collectors.joining(","));
  }

  private void finish(ResetFlow flow, String outcome) {
    if (!flows.finish(flow, outcome, clock.instant())) {
      throw new ResetRefused(Refusal.FLOW_CONFLICT);
    }
  }

  private void failed(
      Current current, RegisteredMethod method, String reason, RequestOrigin origin) {
    Account account = current.account();
    audit.progress(
        current.flow(), AuditResult.FAILED, "verify", method.type().code(), reason, origin);
    limit(current, throttle.failure(account.id()), origin);
  }

  /** Turns a throttle decision into a block (audited once, when it starts). */
  private void limit(Current current, ResetDecision decision, RequestOrigin origin) {
    if (decision.newlyBlocked()) {
      audit.blocked(current.account(), current.flow().id(), "too_many_attempts", origin);
      metrics.failed(Refusal.BLOCKED.code());
    }
    if (!decision.allowed()) {
      throw new ResetRefused(Refusal.BLOCKED, decision.blockedUntil());
    }
  }

  private void notBlocked(Account account) {
    Optional<Instant> until = throttle.blockedUntil(account.id());
    if (until.isPresent()) {
      throw new ResetRefused(Refusal.BLOCKED, until.get());
    }
  }

  private RegisteredMethod offeredMethod(Current current, UUID methodId) {
    return current.methods().stream()
        .filter(m -> m.id().equals(methodId))
        .filter(m -> offered(current.flow(), current.methods(), m))
        .findFirst()
        .orElseThrow(() -> new ResetRefused(Refusal.METHOD_NOT_AVAILABLE));
  }

  /**
   * Whether a method may be proven next: not proven yet, of a kind not proven yet (two
   * <em>different</em> methods), and alternate email or questions only after an app, phone or
   * security key (SPEC §3, stricter than the seed).
   */
  static boolean offered(ResetFlow flow, List<RegisteredMethod> methods, RegisteredMethod method) {
    if (flow.verificationComplete() || flow.verified().contains(method.id())) {
      return false;
    }
    Set<MethodType> provenKinds =
        methods.stream()
            .filter(m -> flow.verified().contains(m.id()))
            .map(RegisteredMethod::type)
            .collect(Collectors.toSet());
    if (provenKinds.contains(method.type())) {
      return false;
    }
    return method.type().strong() || provenKinds.stream().anyMatch(MethodType::strong);
  }

  /** The methods the policy lets this user reset with. */
  private List<RegisteredMethod> usable(Account account, Requirements requirements) {
    return securityInfo.methods(account.id()).stream()
        .filter(m -> requirements.availableTypes().contains(m.type()))
        .toList();
  }

  private int questionsRequired(Account account, RegisteredMethod method) {
    return method.type() == MethodType.SECURITY_QUESTIONS
        ? policies.get(account.tenantId()).questionsRequiredToReset()
        : 0;
  }

  private static boolean canUnlock(Account account, SsprPolicy policy) {
    return account.locked() && policy.allowUnlockWithoutReset();
  }

  private static ResetFlow.Step stepAfterVerification(ResetFlow flow) {
    if (flow.verificationComplete()) {
      return flow.intent() == null ? ResetFlow.Step.CHOOSING : ResetFlow.Step.PASSWORD;
    }
    return flow.verified().isEmpty() && flow.challengeMethod() == null
        ? ResetFlow.Step.STARTED
        : ResetFlow.Step.VERIFYING;
  }

  private ResetFlow live(String flowId) {
    if (flowId.length() > 36) {
      throw new ResetRefused(Refusal.FLOW_EXPIRED);
    }
    return flows
        .findLive(flowId, clock.instant())
        .orElseThrow(() -> new ResetRefused(Refusal.FLOW_EXPIRED));
  }

  private void store(ResetFlow current, ResetFlow next) {
    if (!flows.update(current, next)) {
      throw new ResetRefused(Refusal.FLOW_CONFLICT);
    }
  }

  private static ResetFlow with(
      ResetFlow flow,
      ResetFlow.@Nullable Intent intent,
      List<UUID> verified,
      @Nullable UUID challengeMethod,
      @Nullable String challengeState,
      ResetFlow.Step step) {
    return new ResetFlow(
        flow.id(),
        flow.tenantId(),
        flow.accountId(),
        intent,
        flow.requiredMethods(),
        verified,
        challengeMethod,
        challengeState,
        step,
        flow.version(),
        flow.createdAt(),
        flow.expiresAt());
  }

  /**
   * 128 random bits (SPEC Appendix A), written as a UUID. Unlike a version-4 UUID no bits are
   * fixed, so all 128 are unpredictable.
   */
  private String newFlowId() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
