package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.webauthn.CredentialJson;
import dev.rekey.methods.webauthn.RelyingParty;
import dev.rekey.methods.webauthn.StoredCredential;
import dev.rekey.methods.webauthn.VerificationFailed;
import dev.rekey.methods.webauthn.WebAuthnOptions;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Proving a security key with a WebAuthn assertion, for step-up now and the reset portal later:
 * build request options for a user's keys, then verify the answer against the challenge the caller
 * kept server-side and record the new signature counter.
 */
@Service
class SecurityKeyAssertions {

  private static final Logger log = LoggerFactory.getLogger(SecurityKeyAssertions.class);

  private final RelyingParty relyingParty;
  private final SecurityKeyStore store;

  SecurityKeyAssertions(RelyingParty relyingParty, SecurityKeyStore store) {
    this.relyingParty = relyingParty;
    this.store = store;
  }

  /** Request options allowing any of {@code keys}, for {@code challenge}. */
  WebAuthnOptions.Request options(List<StoredMethod> keys, byte[] challenge) {
    return relyingParty.requestOptions(
        challenge, keys.stream().map(SecurityKeyAssertions::credential).toList());
  }

  /**
   * Verifies an assertion made with one of {@code keys} and answers that key. On success the new
   * counter is stored; a counter that did not grow is refused and logged as a possible clone.
   */
  StoredMethod verify(
      List<StoredMethod> keys,
      CredentialJson.Assertion assertion,
      byte[] challenge,
      RequestOrigin origin)
      throws VerificationFailed {
    StoredMethod method =
        keys.stream()
            .filter(k -> credential(k).credentialId().equals(assertion.credentialId()))
            .findFirst()
            .orElseThrow(
                () -> new VerificationFailed(VerificationFailed.Reason.UNKNOWN_CREDENTIAL));
    verify(method, assertion, challenge, origin);
    return method;
  }

  /** Verifies an assertion made with one known key (see {@link #verify(List, ...)}). */
  void verify(
      StoredMethod method,
      CredentialJson.Assertion assertion,
      byte[] challenge,
      RequestOrigin origin)
      throws VerificationFailed {
    StoredCredential stored = credential(method);
    long count;
    try {
      count = relyingParty.verifyAssertion(stored, assertion, challenge);
    } catch (VerificationFailed e) {
      if (e.reason() == VerificationFailed.Reason.COUNTER) {
        // WebAuthn §6.1.1: a signature counter that went backwards signals a cloned key.
        log.warn(
            "Security key {} of account {} presented a signature counter that did not grow;"
                + " possible cloned authenticator (client {})",
            method.id(),
            method.accountId(),
            origin.clientIp());
      }
      throw e;
    }
    String before = Objects.requireNonNull(method.data());
    if (!store.replaceData(method.id(), before, stored.withSignCount(count).toJson())) {
      // Someone used this key (or deleted it) in the meantime: this assertion is the stale one.
      throw new VerificationFailed(VerificationFailed.Reason.COUNTER);
    }
  }

  static StoredCredential credential(StoredMethod method) {
    if (method.type() != MethodType.FIDO2 || method.data() == null) {
      throw new IllegalArgumentException("not a security key: " + method.id());
    }
    return StoredCredential.fromJson(method.data());
  }
}
