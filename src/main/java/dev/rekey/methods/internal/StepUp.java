package dev.rekey.methods.internal;

import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Step-up: a signed-in user proves one of their methods; the proof lasts 10 minutes. At most 5
 * wrong proofs per session and 10 minutes (NIST SP 800-63B-4 §3.2.2 rate limiting); then the user
 * must wait.
 */
@Service
class StepUp {

  static final int MAX_FAILURES = 5;
  private static final String FAILURES = "rekey.stepUpFailures";

  enum Outcome {
    PROVEN,
    WRONG,
    UNKNOWN_METHOD,
    TOO_MANY_ATTEMPTS
  }

  /** Failures in the current window, kept in the session (serializable). */
  record Failures(int count, Instant since) implements java.io.Serializable {}

  private final JdbcMethods store;
  private final List<MethodVerifier> verifiers;
  private final ChangeGuard guard;
  private final Clock clock;

  StepUp(JdbcMethods store, List<MethodVerifier> verifiers, ChangeGuard guard, Clock clock) {
    this.store = store;
    this.verifiers = verifiers;
    this.guard = guard;
    this.clock = clock;
  }

  Optional<StoredMethod> challenge(SignedInUser user, UUID methodId) {
    Optional<StoredMethod> method = activeMethod(user, methodId);
    method.ifPresent(m -> verifier(m).ifPresent(v -> v.challenge(m)));
    return method.filter(m -> verifier(m).isPresent());
  }

  Outcome prove(SignedInUser user, UUID methodId, String code, HttpSession session) {
    Instant now = clock.instant();
    Failures failures =
        session.getAttribute(FAILURES) instanceof Failures f
                && f.since().plus(ChangeGuard.WINDOW).isAfter(now)
            ? f
            : new Failures(0, now);
    if (failures.count() >= MAX_FAILURES) {
      return Outcome.TOO_MANY_ATTEMPTS;
    }
    Optional<StoredMethod> method = activeMethod(user, methodId);
    Optional<MethodVerifier> verifier = method.flatMap(this::verifier);
    if (method.isEmpty() || verifier.isEmpty()) {
      return Outcome.UNKNOWN_METHOD;
    }
    if (!verifier.get().verify(method.get(), code)) {
      session.setAttribute(FAILURES, new Failures(failures.count() + 1, failures.since()));
      return Outcome.WRONG;
    }
    session.removeAttribute(FAILURES);
    guard.steppedUp(session);
    return Outcome.PROVEN;
  }

  Instant expiresAt(HttpSession session) {
    return session.getAttribute(ChangeGuard.STEP_UP_AT) instanceof Instant at
        ? at.plus(ChangeGuard.WINDOW)
        : clock.instant();
  }

  /** Whether proving a kind of method starts by sending a code. */
  boolean needsChallenge(dev.rekey.methods.MethodType type) {
    return verifiers.stream().anyMatch(v -> v.type() == type && v.needsChallenge());
  }

  /** Whether a kind of method can be proven here yet. */
  boolean canProve(dev.rekey.methods.MethodType type) {
    return verifiers.stream().anyMatch(v -> v.type() == type);
  }

  private Optional<StoredMethod> activeMethod(SignedInUser user, UUID methodId) {
    return store.find(methodId, user.accountId()).filter(StoredMethod::active);
  }

  private Optional<MethodVerifier> verifier(StoredMethod method) {
    return verifiers.stream().filter(v -> v.type() == method.type()).findFirst();
  }
}
