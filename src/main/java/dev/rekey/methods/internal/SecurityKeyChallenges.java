package dev.rekey.methods.internal;

import dev.rekey.methods.webauthn.WebAuthnProperties;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * WebAuthn challenges, kept server-side in the session: 32 bytes from a CSPRNG, valid for the
 * ceremony's timeout, bound to the account, and used once (WebAuthn §13.4.3: a challenge must be
 * random, at least 16 bytes, and never reused). Taking one removes it, whether it verifies or not.
 */
@Component
class SecurityKeyChallenges {

  static final int CHALLENGE_BYTES = 32;

  /** What a challenge is for: each ceremony has its own slot in the session. */
  enum Purpose {
    REGISTRATION,
    ASSERTION;

    String attribute() {
      return "rekey.webauthn." + name();
    }
  }

  /** A challenge waiting for its answer; the user handle goes with a registration. */
  record Pending(byte[] challenge, byte[] userHandle, UUID accountId, Instant expiresAt)
      implements Serializable {}

  private final SecureRandom random;
  private final Clock clock;
  private final WebAuthnProperties properties;

  SecurityKeyChallenges(SecureRandom random, Clock clock, WebAuthnProperties properties) {
    this.random = random;
    this.clock = clock;
    this.properties = properties;
  }

  /** A new challenge for the purpose; it replaces any earlier one. */
  byte[] issue(HttpSession session, Purpose purpose, UUID accountId, byte[] userHandle) {
    byte[] challenge = new byte[CHALLENGE_BYTES];
    random.nextBytes(challenge);
    Instant expiresAt = clock.instant().plus(properties.timeout());
    session.setAttribute(
        purpose.attribute(), new Pending(challenge, userHandle.clone(), accountId, expiresAt));
    return challenge.clone();
  }

  /** The pending challenge, removed from the session; empty when none, expired or not this user. */
  Optional<Pending> take(HttpSession session, Purpose purpose, UUID accountId) {
    Object value = session.getAttribute(purpose.attribute());
    session.removeAttribute(purpose.attribute());
    if (value instanceof Pending pending
        && pending.accountId().equals(accountId)
        && clock.instant().isBefore(pending.expiresAt())) {
      return Optional.of(pending);
    }
    return Optional.empty();
  }
}
