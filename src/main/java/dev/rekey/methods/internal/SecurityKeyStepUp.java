package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.webauthn.CredentialJson;
import dev.rekey.methods.webauthn.MalformedCredential;
import dev.rekey.methods.webauthn.VerificationFailed;
import dev.rekey.methods.webauthn.WebAuthnOptions;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Step-up with a security key (WebAuthn assertion): request options with a single-use challenge
 * kept in the session, then a verified assertion marks the session stepped up. Used by the
 * security-key API and by the generic {@code /api/v1/session/mfa} endpoints (SPEC Appendix A).
 */
@Service
class SecurityKeyStepUp {

  private final SecurityKeyMethods keys;
  private final SecurityKeyAssertions assertions;
  private final SecurityKeyChallenges challenges;
  private final ChangeGuard guard;

  SecurityKeyStepUp(
      SecurityKeyMethods keys,
      SecurityKeyAssertions assertions,
      SecurityKeyChallenges challenges,
      ChangeGuard guard) {
    this.keys = keys;
    this.assertions = assertions;
    this.challenges = challenges;
    this.guard = guard;
  }

  /** Request options for the given keys (all of the user's keys when {@code only} is null). */
  WebAuthnOptions.Request options(
      SignedInUser user, HttpSession session, @Nullable StoredMethod only) {
    List<StoredMethod> allowed = only != null ? List.of(only) : keys.keys(user.accountId());
    if (allowed.isEmpty()) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
    }
    byte[] challenge =
        challenges.issue(
            session, SecurityKeyChallenges.Purpose.ASSERTION, user.accountId(), new byte[0]);
    return assertions.options(allowed, challenge);
  }

  /** Verifies an assertion against the user's keys and marks the session stepped up. */
  void prove(
      SignedInUser user, HttpSession session, @Nullable JsonNode credential, RequestOrigin origin) {
    CredentialJson.Assertion assertion;
    try {
      assertion = CredentialJson.assertion(SecurityKeyNames.tree(credential));
    } catch (MalformedCredential e) {
      throw ApiProblem.invalidField(e.field(), "methods.webauthn.problem.credential");
    }
    var pending =
        challenges.take(session, SecurityKeyChallenges.Purpose.ASSERTION, user.accountId());
    try {
      if (pending.isEmpty()) {
        throw new VerificationFailed(VerificationFailed.Reason.CHALLENGE);
      }
      assertions.verify(keys.keys(user.accountId()), assertion, pending.get().challenge(), origin);
    } catch (VerificationFailed e) {
      throw SecurityKeyApiController.failed(e);
    }
    guard.steppedUp(session);
  }
}
