package dev.rekey.web.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.SignedInUser;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.SignInDecision;
import dev.rekey.throttle.SignInThrottle;
import dev.rekey.web.SignInFailed;
import dev.rekey.web.SignedIn;
import dev.rekey.web.SignedOut;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Password sign-in for the page and the API alike: throttle, verify, start a fresh session. */
@Service
class SignInService {

  sealed interface Outcome {}

  record Success(SignedInUser user, boolean mustChangePassword) implements Outcome {}

  record InvalidCredentials() implements Outcome {}

  record Throttled(Instant until) implements Outcome {}

  /** The user's LDAP / Active Directory server did not answer: nobody can say if it is right. */
  record DirectoryDown() implements Outcome {}

  private final AccountDirectory directory;
  private final Tenants tenants;
  private final SignInThrottle throttle;
  private final ClientAddress clientAddress;
  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  private final ApplicationEventPublisher events;
  private final Pause pause;
  private final Clock clock;
  private final MeterRegistry meters;

  SignInService(
      AccountDirectory directory,
      Tenants tenants,
      SignInThrottle throttle,
      ClientAddress clientAddress,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      ApplicationEventPublisher events,
      Pause pause,
      Clock clock,
      MeterRegistry meters) {
    this.directory = directory;
    this.tenants = tenants;
    this.throttle = throttle;
    this.clientAddress = clientAddress;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.events = events;
    this.pause = pause;
    this.clock = clock;
    this.meters = meters;
  }

  private void count(String outcome) {
    meters.counter("rekey.signin", "outcome", outcome).increment();
  }

  Outcome signIn(
      String userId, String password, HttpServletRequest request, HttpServletResponse response) {
    var origin = clientAddress.origin(request);
    SignInDecision decision = throttle.check(userId, origin.clientIp());
    if (decision.refused()) {
      events.publishEvent(
          new SignInFailed(tenantOf(userId), accountOf(userId), userId, "throttled", origin));
      count("throttled");
      return new Throttled(decision.refusedUntil());
    }
    pause.sleep(decision.delay());
    Optional<Account> account;
    try {
      account = directory.authenticate(userId, password);
    } catch (DirectoryUnavailable unavailable) {
      // Not a failed attempt: the password was never checked, so no throttle counts it.
      events.publishEvent(
          new SignInFailed(
              tenantOf(userId), accountOf(userId), userId, "directory_unavailable", origin));
      count("directory_unavailable");
      return new DirectoryDown();
    }
    // Disabled and locked accounts answer exactly like a wrong password (no account enumeration,
    // ASVS 5.0 §6.3.8); a locked user recovers through the reset portal.
    if (account.isEmpty() || !account.get().enabled() || account.get().locked()) {
      throttle.recordFailure(userId, origin.clientIp());
      events.publishEvent(
          new SignInFailed(
              tenantOf(userId),
              account.map(Account::id).orElseGet(() -> accountOf(userId)),
              userId,
              account.isPresent() ? "disabled_or_locked" : "invalid_credentials",
              origin));
      count("failed");
      return new InvalidCredentials();
    }
    throttle.recordSuccess(userId, origin.clientIp());
    String language = RequestContextUtils.getLocale(request).getLanguage();
    if (!language.equals(account.get().preferredLanguage())) {
      directory.setPreferredLanguage(account.get().id(), language); // a write only on a change
    }
    SignedInUser user = SignedInUser.of(account.get(), clock.instant());
    startSession(user, account.get().mustChangePassword(), request, response);
    events.publishEvent(new SignedIn(user.tenantId(), user.accountId(), origin));
    count("succeeded");
    return new Success(user, account.get().mustChangePassword());
  }

  /**
   * A new session id after sign-in prevents session fixation (ASVS 5.0 §7.2.4); the CSRF token is
   * replaced too.
   */
  private void startSession(
      SignedInUser user,
      boolean mustChangePassword,
      HttpServletRequest request,
      HttpServletResponse response) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      existing.invalidate();
    }
    HttpSession session = request.getSession(true);
    Authentication authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user,
            null,
            user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    if (mustChangePassword) {
      session.setAttribute(MustChangePasswordFilter.ATTRIBUTE, Boolean.TRUE);
    }
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
  }

  void signOut(HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
      events.publishEvent(
          new SignedOut(user.tenantId(), user.accountId(), clientAddress.origin(request)));
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    csrfTokens.saveToken(null, request, response);
  }

  private @Nullable UUID tenantOf(String userId) {
    return tenants.findByUserId(userId).map(Tenant::id).orElse(null);
  }

  private @Nullable UUID accountOf(String userId) {
    return directory.findByUserId(userId).map(Account::id).orElse(null);
  }
}
